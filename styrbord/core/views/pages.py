"""Pages outside a municipality: home, switching, the accessibility statement, health."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from styrbord.core import policy, queries
from styrbord.core.demo import DEMO_PASSWORD, LOGINS_TEXT
from styrbord.core.forms import SiteTextForm
from styrbord.core.forms_auth import LoginForm
from styrbord.core.services import site as site_services
from styrbord.core.tasks import tasks_for
from styrbord.core.views.helpers import require, save_versioned


class StyrbordLoginView(LoginView):
    template_name = "core/auth/login.html"
    authentication_form = LoginForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if settings.DEMO_MODE and not settings.PRODUCTION:
            context["demo_logins"] = LOGINS_TEXT
            context["demo_password"] = DEMO_PASSWORD
        return context


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send the user to the municipality they used last, or let them choose."""
    municipalities = queries.municipalities_of(request.user)
    last = request.session.get("municipality")
    for municipality in municipalities:
        if municipality.slug == last:
            return redirect("core:dashboard", kommune=municipality.slug)
    if len(municipalities) == 1:
        return redirect("core:dashboard", kommune=municipalities[0].slug)
    return render(request, "core/choose_municipality.html", {"municipalities": municipalities})


@login_required
def choose_municipality(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/choose_municipality.html",
        {"municipalities": queries.municipalities_of(request.user)},
    )


def dashboard(request: HttpRequest, kommune: str) -> HttpResponse:
    municipality = request.municipality
    return render(
        request,
        "core/dashboard.html",
        {
            "tasks": tasks_for(request.user, municipality),
            "org_unit_count": queries.org_units().filter(closed_on__isnull=True).count(),
            "person_count": queries.persons().filter(is_active=True).count(),
            "recent_changes": queries.change_log().filter(actor=request.user)[:5],
            "role": policy.role_in(request.user, municipality),
        },
    )


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    text = queries.accessibility_statement()
    return render(
        request,
        "core/site_text.html",
        {"text": text, "can_edit": policy.can_edit_site_texts(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def accessibility_statement_edit(request: HttpRequest) -> HttpResponse:
    require(policy.can_edit_site_texts(request.user))
    text = queries.accessibility_statement()
    form = SiteTextForm(request.POST or None, instance=text)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: site_services.update_site_text(
                text,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("accessibility_statement")
    return render(request, "core/site_text_form.html", {"form": form, "text": text})


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})
