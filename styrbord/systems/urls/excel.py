"""Excel export of usages and contracts, and the import with its template."""

from django.urls import path

from styrbord.systems.views import excel

urlpatterns = [
    path("eksport/anvendelser.xlsx", excel.export_usages, name="export_usages"),
    path("eksport/kontrakter.xlsx", excel.export_contracts, name="export_contracts"),
    path("import/skabelon.xlsx", excel.import_template, name="import_template"),
    path("import/", excel.import_upload, name="import"),
    path("import/bekraeft/", excel.import_confirm, name="import_confirm"),
]
