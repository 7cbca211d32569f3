"""IT-system portfolio pages under ``/<kommune>/systemer/``, one module per area."""

from styrbord.systems.urls import (
    catalogue,
    compliance,
    contracts,
    excel,
    incidents,
    kitos,
    landscape,
    protection,
    roles,
    usages,
)

app_name = "systems"
urlpatterns = [
    *usages.urlpatterns,
    *catalogue.urlpatterns,
    *roles.urlpatterns,
    *contracts.urlpatterns,
    *protection.urlpatterns,
    *incidents.urlpatterns,
    *compliance.urlpatterns,
    *landscape.urlpatterns,
    *kitos.urlpatterns,
    *excel.urlpatterns,
]
