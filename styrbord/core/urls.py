"""Pages inside a municipality: mounted under ``/<kommune>/``."""

from django.urls import path

from styrbord.core.views import history, organisation, pages, persons, users

app_name = "core"

urlpatterns = [
    path("", pages.dashboard, name="dashboard"),
    path("organisation/", organisation.org_unit_list, name="org_unit_list"),
    path("organisation/ny/", organisation.org_unit_create, name="org_unit_create"),
    path("organisation/<int:pk>/", organisation.org_unit_detail, name="org_unit_detail"),
    path("organisation/<int:pk>/rediger/", organisation.org_unit_edit, name="org_unit_edit"),
    path("organisation/<int:pk>/flyt/", organisation.org_unit_move, name="org_unit_move"),
    path("organisation/<int:pk>/luk/", organisation.org_unit_close, name="org_unit_close"),
    path("organisation/<int:pk>/genaabn/", organisation.org_unit_reopen, name="org_unit_reopen"),
    path("personer/", persons.person_list, name="person_list"),
    path("personer/ny/", persons.person_create, name="person_create"),
    path("personer/<int:pk>/", persons.person_detail, name="person_detail"),
    path("personer/<int:pk>/rediger/", persons.person_edit, name="person_edit"),
    path("brugere/", users.user_list, name="user_list"),
    path("brugere/tilfoej/", users.user_add, name="user_add"),
    path("brugere/<int:pk>/", users.user_role, name="user_role"),
    path("api-noegler/", users.api_token_list, name="api_tokens"),
    path("api-noegler/<int:pk>/tilbagekald/", users.api_token_revoke, name="api_token_revoke"),
    path("aendringslog/", history.change_log, name="change_log"),
    path("adgangslog/", history.access_log, name="access_log"),
    path("historik/<slug:model>/<int:pk>/", history.object_history, name="history"),
]
