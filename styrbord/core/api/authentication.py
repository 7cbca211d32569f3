from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from styrbord.core.models import ApiToken
from styrbord.core.models.users import hash_token


class PersonalTokenAuthentication(authentication.TokenAuthentication):
    """``Authorization: Token <key>`` with a personal token bound to one municipality.

    A token is accepted only under its own municipality's URLs, so a token can never read
    another municipality's data, even when its owner has a role there too.
    """

    keyword = "Token"

    def authenticate_credentials(self, key: str):
        token = (
            ApiToken.objects.select_related("user", "municipality")
            .filter(key_hash=hash_token(key))
            .first()
        )
        if token is None or not token.is_valid or not token.user.is_active:
            raise exceptions.AuthenticationFailed("Invalid, expired or revoked token.")
        return token.user, token

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        user, token = result
        municipality = getattr(request._request, "municipality", None)
        if municipality is None or municipality.pk != token.municipality_id:
            raise exceptions.AuthenticationFailed("This token is not valid for this municipality.")
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return user, token


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = PersonalTokenAuthentication
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "A personal API token: `Token <key>`.",
        }
