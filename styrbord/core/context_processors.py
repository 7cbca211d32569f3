from django.http import HttpRequest

from styrbord.core import policy, queries


def navigation(request: HttpRequest) -> dict:
    """The current municipality and what the header navigation may show."""
    municipality = getattr(request, "municipality", None)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"current_municipality": municipality}
    return {
        "current_municipality": municipality,
        "my_municipalities": queries.municipalities_of(user),
        "can_administer": municipality is not None and policy.can_administer(user, municipality),
    }
