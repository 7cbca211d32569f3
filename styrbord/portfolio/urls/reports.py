"""Status reports: a project's reports and grid, the portfolio-wide grid, and one report."""

from django.urls import path

from styrbord.portfolio.views import reports

urlpatterns = [
    path("projekter/<int:pk>/status/", reports.report_list, name="report_list"),
    path("projekter/<int:pk>/status/ny/", reports.report_create, name="report_create"),
    path("statusrapporter/", reports.report_grid, name="report_grid"),
    path("statusrapporter/<int:pk>/", reports.report_detail, name="report_detail"),
    path("statusrapporter/<int:pk>/rediger/", reports.report_edit, name="report_edit"),
    path("statusrapporter/<int:pk>/indsend/", reports.report_submit, name="report_submit"),
    path("statusrapporter/<int:pk>/ret/", reports.report_correct, name="report_correct"),
    path("statusrapporter/<int:pk>/slet/", reports.report_delete, name="report_delete"),
]
