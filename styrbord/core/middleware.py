import logging
import time
import uuid

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django_scopes import scope

from styrbord.core import policy
from styrbord.core.logging import reset_request_id, set_request_id
from styrbord.core.models import Municipality

request_log = logging.getLogger("styrbord.request")


def valid_request_id(value: str | None) -> str | None:
    """A proxy's request id is kept only when it is a UUID; anything else is replaced."""
    try:
        return str(uuid.UUID(value)) if value else None
    except ValueError:
        return None


class RequestLogMiddleware:
    """Logs one structured line per request and tags log lines with a request id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = valid_request_id(request.headers.get("X-Request-ID")) or str(uuid.uuid4())
        token = set_request_id(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            user = getattr(request, "user", None)
            request_log.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                    "municipality": getattr(getattr(request, "municipality", None), "slug", None),
                },
            )
            return response
        finally:
            reset_request_id(token)


class TenantMiddleware:
    """Serves every URL that carries ``<kommune>`` inside that municipality's scope.

    The slug must name a municipality (else 404). Pages then require a role in it: an
    anonymous visitor is sent to the login page, a user of another municipality gets 403.
    API requests authenticate inside Django REST framework, so their role is checked by the
    API's default permission class instead. Inside the scope, every scoped manager filters to
    this municipality; outside one, scoped queries raise instead of leaking.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        slug = match.kwargs.get("kommune")
        if slug is None:
            return self.get_response(request)
        municipality = Municipality.objects.filter(slug=slug, is_catalogue=False).first()
        if municipality is None:
            raise Http404("Unknown municipality")
        request.municipality = municipality
        if not match.route.startswith("api/"):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not policy.can_view(request.user, municipality):
                raise PermissionDenied
            if request.session.get("municipality") != municipality.slug:
                request.session["municipality"] = municipality.slug  # where "/" returns to
        with scope(municipality=municipality):
            response = self.get_response(request)
            # Render lazily rendered responses while the scope is still active.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response
