"""The benefits report: the page, its PDF, a project's PDF and attaching it to an agenda."""

from django.urls import path

from styrbord.benefits.views import reports

urlpatterns = [
    path("rapport/", reports.report, name="report"),
    path("rapport.pdf", reports.report_pdf, name="report_pdf"),
    path("rapport/dagsorden/", reports.report_attach, name="report_attach"),
    path("projekt/<int:pk>/rapport.pdf", reports.project_report_pdf, name="project_report_pdf"),
]
