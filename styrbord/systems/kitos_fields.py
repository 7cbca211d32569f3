"""Which fields KITOS masters.

A row read from KITOS (it has a ``kitos_uuid``) keeps these fields as KITOS has them: the
forms show them read-only with their source, the services refuse to change them, and the
next synchronisation would overwrite a local edit anyway. Everything else — the link to
projects, fit and TIME disposition, follow-or-explain, the contract's decision lead time —
is Styrbord's own and stays editable.
"""

from django.db import models

USAGE = frozenset(
    {
        "system",
        "local_name",
        "local_id",
        "system_version",
        "lifecycle",
        "valid_from",
        "valid_to",
        "responsible_unit",
        "using_units",
        "expected_users_min",
        "expected_users_max",
        "purpose",
        "hosting",
        "business_critical",
        "criticality_level",
        "contains_ai",
        "licensing_model",
        "accessibility",
        "accessibility_checked_on",
        "data_ordinary",
        "data_sensitive",
        "data_criminal",
        "risk_assessment_done",
        "risk_assessed_on",
        "risk_result",
        "risk_next_on",
        "dpia_done",
        "dpia_on",
        "technical_precautions",
        "user_supervision",
        "retention_defined",
    }
)

CONTRACT = frozenset(
    {
        "name",
        "supplier",
        "number",
        "contract_type",
        "procurement",
        "starts_on",
        "expires_on",
        "duration_months",
        "irrevocable_until",
        "notice_months",
        "notice_by_end_of",
        "extension_options",
        "extensions_used",
        "terminated_on",
        "parent",
        "usages",
    }
)

PROCESSING = frozenset(
    {
        "name",
        "processors",
        "sub_processors",
        "third_country_transfer",
        "transfer_basis",
        "agreement_concluded",
        "agreement_on",
        "oversight_method",
        "oversight_interval_months",
        "responsible_unit",
        "usages",
        "contracts",
    }
)

_BY_MODEL = {
    "systemusage": USAGE,
    "contract": CONTRACT,
    "dataprocessingregistration": PROCESSING,
}


def mastered(obj: models.Model) -> frozenset[str]:
    """The fields of ``obj`` that KITOS masters: none for a row kept only in Styrbord."""
    if getattr(obj, "kitos_uuid", None) is None:
        return frozenset()
    return _BY_MODEL.get(obj._meta.model_name, frozenset())
