"""Users and roles of a municipality (local administrators) and personal API tokens."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from styrbord.core import policy, queries
from styrbord.core.filters import MembershipFilter
from styrbord.core.forms import AddUserForm, ApiTokenForm, RoleForm
from styrbord.core.services import users as services
from styrbord.core.views.helpers import paginate, require, save_versioned


def user_list(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_administer(request.user, request.municipality))
    filterset = MembershipFilter(request.GET or None, queryset=queries.memberships())
    page = paginate(request, filterset.qs.order_by("user__username"))
    return render(request, "core/users/list.html", {"filter": filterset, "page": page})


@require_http_methods(["GET", "POST"])
def user_add(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_administer(request.user, request.municipality))
    form = AddUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        membership = save_versioned(
            form,
            lambda: services.add_user(
                municipality=request.municipality, actor=request.user, **form.cleaned_data
            ),
        )
        if membership:
            messages.success(
                request,
                _("%(user)s now has a role in the municipality.") % {"user": membership.user},
            )
            return redirect("core:user_list", kommune=kommune)
    return render(request, "core/users/add.html", {"form": form})


@require_http_methods(["GET", "POST"])
def user_role(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_administer(request.user, request.municipality))
    membership = get_object_or_404(queries.memberships(), pk=pk)
    form = RoleForm(
        request.POST or None, initial={"version": membership.version, "role": membership.role}
    )
    if request.method == "POST" and form.is_valid():
        if request.POST.get("remove"):
            removed = save_versioned(
                form, lambda: services.remove_membership(membership, actor=request.user) or True
            )
            if removed:
                messages.success(request, _("The role was removed."))
                return redirect("core:user_list", kommune=kommune)
        else:
            saved = save_versioned(
                form,
                lambda: services.change_role(
                    membership,
                    actor=request.user,
                    expected_version=form.cleaned_data["version"],
                    role=form.cleaned_data["role"],
                ),
            )
            if saved:
                messages.success(request, _("The role was changed."))
                return redirect("core:user_list", kommune=kommune)
    return render(request, "core/users/role.html", {"form": form, "membership": membership})


@require_http_methods(["GET", "POST"])
def api_token_list(request: HttpRequest, kommune: str) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        can_write = form.cleaned_data["can_write"] and policy.can_edit(
            request.user, request.municipality
        )
        _token, new_key = services.create_api_token(
            user=request.user,
            municipality=request.municipality,
            name=form.cleaned_data["name"],
            can_write=can_write,
            expires_at=form.cleaned_data["expires_at"],
        )
        form = ApiTokenForm()
    tokens = queries.api_tokens(request.user, request.municipality)
    return render(
        request, "core/users/api_tokens.html", {"form": form, "tokens": tokens, "new_key": new_key}
    )


@require_POST
def api_token_revoke(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    token = get_object_or_404(queries.api_tokens(request.user, request.municipality), pk=pk)
    services.revoke_api_token(token, actor=request.user)
    messages.success(request, _("The token was revoked."))
    return redirect("core:api_tokens", kommune=kommune)
