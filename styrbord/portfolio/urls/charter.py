from django.urls import path, register_converter

from styrbord.portfolio.views import charter


class PartConverter:
    """Only the start document's part names, so that other pages under a project
    (``status/ny/``, ``links/ny/``) are never taken for a part, and any other name 404s."""

    regex = "|".join(charter.PARTS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PartConverter, "charterpart")

urlpatterns = [
    path("projekter/<int:pk>/startdokument/", charter.charter, name="charter"),
    path("projekter/<int:pk>/startdokument/rediger/", charter.charter_edit, name="charter_edit"),
    path("projekter/<int:pk>/startdokument.pdf", charter.charter_pdf, name="charter_pdf"),
    path(
        "projekter/<int:pk>/startdokument/aendringer/",
        charter.charter_changes,
        name="charter_changes",
    ),
    path("projekter/<int:pk>/<charterpart:part>/ny/", charter.part_create, name="part_create"),
    path(
        "projekter/<int:pk>/<charterpart:part>/<int:part_pk>/",
        charter.part_edit,
        name="part_edit",
    ),
    path(
        "projekter/<int:pk>/<charterpart:part>/<int:part_pk>/slet/",
        charter.part_delete,
        name="part_delete",
    ),
]
