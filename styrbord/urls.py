from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from styrbord.core.api import urls as core_api_urls
from styrbord.core.forms_auth import StyledPasswordChangeForm
from styrbord.core.views import pages
from styrbord.governance.views import feeds as governance_feeds

urlpatterns = [
    path("", pages.home, name="home"),
    path("healthz", pages.healthz, name="healthz"),
    path("log-ind/", pages.StyrbordLoginView.as_view(), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "konto/adgangskode/",
        auth_views.PasswordChangeView.as_view(
            template_name="core/auth/password_change.html",
            form_class=StyledPasswordChangeForm,
            success_url="/konto/adgangskode/skiftet/",
        ),
        name="password_change",
    ),
    path(
        "konto/adgangskode/skiftet/",
        auth_views.PasswordChangeDoneView.as_view(template_name="core/auth/password_changed.html"),
        name="password_change_done",
    ),
    path("kommuner/", pages.choose_municipality, name="choose_municipality"),
    path(
        "tilgaengelighedserklaering/", pages.accessibility_statement, name="accessibility_statement"
    ),
    path(
        "tilgaengelighedserklaering/rediger/",
        pages.accessibility_statement_edit,
        name="accessibility_statement_edit",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path(
        "api/docs/",
        SpectacularSwaggerView.as_view(
            url_name="api_schema", template_name="core/api/swagger_ui.html"
        ),
        name="api_docs",
    ),
    # A calendar program fetches this without a login; the unguessable token is the key.
    path("kalender/<str:token>.ics", governance_feeds.calendar_feed, name="calendar_feed"),
    path("api/<slug:kommune>/styring/", include("styrbord.governance.api_urls")),
    path("api/<slug:kommune>/strategi/", include("styrbord.strategy.api_urls")),
    path("api/<slug:kommune>/portefolje/", include("styrbord.portfolio.api_urls")),
    path("api/<slug:kommune>/indsatsplan/", include("styrbord.plans.api_urls")),
    path("api/<slug:kommune>/gevinster/", include("styrbord.benefits.api_urls")),
    path("api/<slug:kommune>/systemer/", include("styrbord.systems.api_urls")),
    path("api/<slug:kommune>/", include(core_api_urls)),
    path("<slug:kommune>/styring/", include("styrbord.governance.urls")),
    path("<slug:kommune>/strategi/", include("styrbord.strategy.urls")),
    path("<slug:kommune>/portefolje/", include("styrbord.portfolio.urls")),
    path("<slug:kommune>/indsatsplan/", include("styrbord.plans.urls")),
    path("<slug:kommune>/gevinster/", include("styrbord.benefits.urls")),
    path("<slug:kommune>/systemer/", include("styrbord.systems.urls")),
    path("<slug:kommune>/", include("styrbord.core.urls")),
]
