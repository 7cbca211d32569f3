from styrbord.core.models.base import TenantModel, VersionedModel
from styrbord.core.models.catalogue import WithCatalogueManager
from styrbord.core.models.changelog import AccessLogEntry, ChangeAction, ChangeLogEntry
from styrbord.core.models.municipality import Municipality, Region
from styrbord.core.models.organisation import OrgUnit, OrgUnitKind, Person
from styrbord.core.models.saved_filters import SavedFilter
from styrbord.core.models.site import SiteText
from styrbord.core.models.users import ApiToken, Membership, Role, User

__all__ = [
    "AccessLogEntry",
    "ApiToken",
    "ChangeAction",
    "ChangeLogEntry",
    "Membership",
    "Municipality",
    "OrgUnit",
    "OrgUnitKind",
    "Person",
    "Region",
    "Role",
    "SavedFilter",
    "SiteText",
    "TenantModel",
    "User",
    "VersionedModel",
    "WithCatalogueManager",
]
