"""Bodies of the digitalisation organisation and who sits in them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel
from styrbord.core.storage import private_storage


class BodyKind(models.TextChoices):
    STEERING_GROUP = "steering_group", _("Steering group")
    PROGRAMME_GROUP = "programme_group", _("Programme group")
    PROJECT_GROUP = "project_group", _("Project group")
    LOCAL_DIGITALISATION = "local_digitalisation", _("Local digitalisation organisation")
    INNOVATION_GROUP = "innovation_group", _("Innovation group")
    IT_SECURITY_GROUP = "it_security_group", _("IT-security group")
    INFORMATION_SECURITY_COMMITTEE = (
        "information_security_committee",
        _("Information-security committee"),
    )
    COORDINATION_GROUP = "coordination_group", _("Coordination group")
    PROJECT_BOARD = "project_board", _("Project Board")
    EXECUTIVE_BOARD = "executive_board", _("Executive board")
    CITY_COUNCIL = "city_council", _("City council")
    OTHER = "other", _("Other body")


class DecisionLevel(models.TextChoices):
    STRATEGIC = "strategic", _("Strategic")
    TACTICAL = "tactical", _("Tactical")
    OPERATIONAL = "operational", _("Operational")


class Cadence(models.TextChoices):
    """How often a body meets; ``meetings_per_year`` drives "plan the year"."""

    WEEKLY = "weekly", _("Every week")
    EVERY_14_DAYS = "every_14_days", _("Every 14 days")
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Four a year (each quarter)")
    AS_NEEDED_QUARTERLY = "as_needed_quarterly", _("As needed, but at least quarterly")
    TWICE_A_YEAR = "twice_a_year", _("Twice a year")
    YEARLY = "yearly", _("Once a year")
    AS_NEEDED = "as_needed", _("As needed")


class Body(TenantModel):
    """A governance body: steering group, programme group, project group and so on."""

    kind = models.CharField(_("kind"), max_length=40, choices=BodyKind.choices)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    terms_of_reference = models.TextField(
        _("terms of reference"),
        blank=True,
        help_text=_("The kommissorium, written in Markdown."),
    )
    terms_document = models.FileField(
        _("terms of reference document"),
        upload_to="governance/terms/%Y/",
        storage=private_storage,
        blank=True,
    )
    terms_approved_by = models.CharField(_("terms approved by"), max_length=200, blank=True)
    terms_approved_on = models.DateField(_("terms approved on"), null=True, blank=True)
    decision_level = models.CharField(
        _("decision level"), max_length=20, choices=DecisionLevel.choices, blank=True
    )
    reports_to = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reporting_bodies",
        verbose_name=_("reports to"),
    )
    cadence = models.CharField(
        _("meeting cadence"), max_length=30, choices=Cadence.choices, default=Cadence.QUARTERLY
    )
    agenda_lead_days = models.PositiveSmallIntegerField(
        _("agenda lead time (days)"),
        default=5,
        help_text=_("How many days before the meeting the agenda must be sent."),
    )
    usual_place = models.CharField(_("usual meeting place"), max_length=200, blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    closing_note = models.TextField(_("closing note"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        indexes = [models.Index(fields=["municipality", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.concluded_on is None

    def clean(self) -> None:
        if self.reports_to_id and self.reports_to_id == self.pk:
            raise ValidationError({"reports_to": _("A body cannot report to itself.")})
        if self.reports_to_id and self.reports_to.municipality_id != self.municipality_id:
            raise ValidationError({"reports_to": _("Choose a body in this municipality.")})
        if self.concluded_on and not self.closing_note.strip():
            raise ValidationError(
                {"closing_note": _("Write a closing note when the body is concluded.")}
            )


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY_CHAIR = "deputy_chair", _("Deputy chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")


class BodyMembership(TenantModel):
    """A person's seat in a body for a period."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body")
    )
    person = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        related_name="body_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    is_permanent = models.BooleanField(
        _("permanent member"), default=True, help_text=_("Untick for an ad hoc member.")
    )
    represents = models.ForeignKey(
        "core.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("represents"),
    )
    starts_on = models.DateField(_("from"), default=datetime.date.today)
    ends_on = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        ordering = ["body", "starts_on"]
        verbose_name = _("body membership")
        verbose_name_plural = _("body memberships")
        indexes = [models.Index(fields=["body", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()} – {self.body}"

    def is_current(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.starts_on <= on and (self.ends_on is None or self.ends_on >= on)

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The end date must be on or after the start date.")}
            )
