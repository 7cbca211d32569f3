"""Small pieces every view uses: paging, permission checks, versioned saves."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from styrbord.core.history import describe
from styrbord.core.services.changes import StaleEdit

PAGE_SIZE = 25


def paginate(
    request: HttpRequest, queryset: QuerySet, per_page: int = PAGE_SIZE, *, count: int | None = None
) -> Page:
    """One page of ``queryset``; the database does the slicing and the count, unless the
    page already knows ``count`` (e.g. from totals it shows anyway)."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    return paginator.get_page(request.GET.get("side"))


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def add_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or on top of the form)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def save_versioned(form: forms.BaseForm, save: Callable[[], Any]) -> Any | None:
    """Run ``save``; on a stale version or invalid data, put the reason on ``form``.

    On a stale version the form keeps what the user typed, shows what changed meanwhile
    and takes the new version, so that saving again is a deliberate choice.
    """
    try:
        return save()
    except StaleEdit as stale:
        form.stale_changes = [describe(entry) for entry in stale.changes_since]
        data = form.data.copy()
        data["version"] = stale.current.version
        form.data = data
        form.add_error(
            None,
            _(
                "Someone else saved this while you were editing. Nothing was saved. Your "
                "input is kept below; check the changes listed and save again to keep yours."
            ),
        )
    except ValidationError as error:
        add_errors(form, error)
    return None


def render_form(
    request: HttpRequest, template: str, context: dict[str, Any], form: forms.BaseForm
) -> HttpResponse:
    """A form page; 400 when a posted form was refused, so nothing typed is lost and a
    client can tell the refusal from a first showing."""
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, template, context, status=status)
