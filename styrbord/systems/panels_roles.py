"""The roles panels on other pages: a usage's and a contract's roles (with a warning in
words when a usage lacks a required role) and a person's system roles with the link to
hand them all over. Registered with ``core.panels`` from the app's ``ready()``."""

from typing import Any

from django.http import HttpRequest

from styrbord.core.models import Person
from styrbord.core.services.access import record_access
from styrbord.systems import policy, queries_roles
from styrbord.systems.models import Contract, SystemUsage
from styrbord.systems.views.roles import target_url

USAGE_TEMPLATE = "systems/roles/panels/usage.html"
CONTRACT_TEMPLATE = "systems/roles/panels/contract.html"
PERSON_TEMPLATE = "systems/roles/panels/person.html"


def usage_roles(request: HttpRequest, usage: SystemUsage) -> dict[str, Any]:
    # The panel names who holds the roles: personal data on the usage's page.
    record_access(request, usage)
    return {
        "usage": usage,
        "kommune": request.municipality.slug,
        "rows": list(queries_roles.assignments_on(usage=usage)),
        "missing": queries_roles.missing_of(usage, queries_roles.required_roles()),
        "can_keep": policy.can_keep_usage(request.user, usage),
    }


def contract_roles(request: HttpRequest, contract: Contract) -> dict[str, Any]:
    record_access(request, contract)
    return {
        "contract": contract,
        "kommune": request.municipality.slug,
        "rows": list(queries_roles.assignments_on(contract=contract)),
        "can_keep": policy.can_keep_contract(request.user, contract),
    }


def person_roles(request: HttpRequest, person: Person) -> dict[str, Any]:
    kommune = request.municipality.slug
    return {
        "person": person,
        "kommune": kommune,
        "rows": [
            {"assignment": assignment, "url": target_url(kommune, assignment)}
            for assignment in queries_roles.assignments_of(person)
        ],
        "owned_count": Contract.objects.filter(owner=person).count(),
        "can_edit": policy.can_edit(request.user, request.municipality),
    }
