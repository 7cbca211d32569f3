from styrbord.systems.models.catalogue import ArchiveDuty, ItSystem, Supplier
from styrbord.systems.models.contracts import Contract, ContractCost, Procurement
from styrbord.systems.models.data_protection import (
    NOTIFY_WITHIN,
    AgreementConcluded,
    DataProcessingRegistration,
    Oversight,
    SecurityIncident,
    Severity,
)
from styrbord.systems.models.kitos import KitosRun, RunStatus
from styrbord.systems.models.roles import Role, RoleAssignment
from styrbord.systems.models.usages import (
    IN_USE,
    Accessibility,
    Answer,
    Hosting,
    Lifecycle,
    PrincipleAssessment,
    RiskLevel,
    SystemUsage,
)

__all__ = [
    "IN_USE",
    "NOTIFY_WITHIN",
    "Accessibility",
    "AgreementConcluded",
    "Answer",
    "ArchiveDuty",
    "Contract",
    "ContractCost",
    "DataProcessingRegistration",
    "Hosting",
    "ItSystem",
    "KitosRun",
    "Lifecycle",
    "Oversight",
    "PrincipleAssessment",
    "Procurement",
    "RiskLevel",
    "Role",
    "RoleAssignment",
    "RunStatus",
    "SecurityIncident",
    "Severity",
    "Supplier",
    "SystemUsage",
]
