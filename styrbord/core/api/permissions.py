from rest_framework import permissions

from styrbord.core import policy
from styrbord.core.models import ApiToken


class MunicipalityRole(permissions.BasePermission):
    """Reading needs a role in the URL's municipality; writing needs editor.

    A token without write permission can only read, whatever its owner's role.
    """

    def has_permission(self, request, view) -> bool:
        municipality = getattr(request._request, "municipality", None)
        if municipality is None or not request.user.is_authenticated:
            return False
        if request.method in permissions.SAFE_METHODS:
            return policy.can_view(request.user, municipality)
        if isinstance(request.auth, ApiToken) and not request.auth.can_write:
            return False
        return policy.can_edit(request.user, municipality)
