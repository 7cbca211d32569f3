"""Projects, their phases and the decisions that move them through the gates."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel, WithCatalogueManager


class Origin(models.TextChoices):
    NATIONAL = "national", _("National / fællesoffentlig")
    JOINT_MUNICIPAL = "joint_municipal", _("Fælleskommunal (KL/KOMBIT)")
    INTER_MUNICIPAL = "inter_municipal", _("Tværkommunal")
    CROSS_CUTTING = "cross_cutting", _("Own cross-cutting effort")
    LOCAL = "local", _("Local")


# Projects of these origins are shared: the catalogue holds them, and a municipality's
# implementation project links to one.
CATALOGUE_ORIGINS = (Origin.NATIONAL, Origin.JOINT_MUNICIPAL)


class Phase(models.TextChoices):
    IDEA = "idea", _("Idea")
    PROPOSAL = "proposal", _("Proposal")
    APPROVED = "approved", _("Approved")
    ANALYSIS = "analysis", _("Analysis")
    EXECUTION = "execution", _("Execution")
    CLOSED = "closed", _("Closed")
    BENEFITS = "benefits", _("Benefits follow-up")
    REJECTED = "rejected", _("Rejected")
    ON_HOLD = "on_hold", _("On hold")


# The phases in which a project is running: it reports status and is on the Project Board.
RUNNING_PHASES = (Phase.APPROVED, Phase.ANALYSIS, Phase.EXECUTION)
# Phases in which a status report can be written (a paused project may still report).
REPORTING_PHASES = (*RUNNING_PHASES, Phase.ON_HOLD)
ENDED_PHASES = (Phase.CLOSED, Phase.BENEFITS, Phase.REJECTED)

# Where a project can go from each phase.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Phase.IDEA: (Phase.PROPOSAL, Phase.REJECTED),
    Phase.PROPOSAL: (Phase.APPROVED, Phase.REJECTED, Phase.ON_HOLD),
    Phase.APPROVED: (Phase.ANALYSIS, Phase.EXECUTION, Phase.ON_HOLD, Phase.CLOSED),
    Phase.ANALYSIS: (Phase.EXECUTION, Phase.ON_HOLD, Phase.CLOSED),
    Phase.EXECUTION: (Phase.CLOSED, Phase.ON_HOLD),
    Phase.CLOSED: (Phase.BENEFITS,),
    Phase.BENEFITS: (),
    Phase.REJECTED: (Phase.PROPOSAL,),
    Phase.ON_HOLD: (
        Phase.PROPOSAL,
        Phase.APPROVED,
        Phase.ANALYSIS,
        Phase.EXECUTION,
        Phase.CLOSED,
        Phase.REJECTED,
    ),
}
# The steering group's gates: a project of any origin but local passes them only on a
# body's recorded decision (an agenda item); local projects may use a named approver.
STEERING_GATES = (Phase.APPROVED, Phase.REJECTED, Phase.CLOSED)


class Priority(models.IntegerChoices):
    HIGH = 1, _("High")
    MEDIUM = 2, _("Medium")
    LOW = 3, _("Low")


class Relevance(models.IntegerChoices):
    """Relevance to the core task, by which Rebild prioritises projects."""

    HIGH = 3, _("High")
    MEDIUM = 2, _("Medium")
    LOW = 1, _("Low")


class Financing(models.TextChoices):
    OPERATING = "operating", _("Own operating budget")
    DIGITALISATION_POOL = "digitalisation_pool", _("Digitalisation budget")
    INVESTMENT = "investment", _("Investment budget (anlæg)")
    JOINT = "joint", _("Joint municipal financing")
    EXTERNAL = "external", _("External funding or grant")
    OTHER = "other", _("Other")


class Project(TenantModel):
    name = models.CharField(_("name"), max_length=200)
    short_description = models.TextField(_("short description"), blank=True)
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices)
    issued_by = models.CharField(
        _("run by"),
        max_length=200,
        blank=True,
        help_text=_("For shared projects: KL, KOMBIT, the Agency for Digital Government …"),
    )
    implements = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implementations",
        verbose_name=_("implements the shared project"),
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("owning org unit"),
    )
    owner = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_projects",
        verbose_name=_("project owner"),
    )
    leader = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_projects",
        verbose_name=_("project leader"),
    )
    project_group = models.ForeignKey(
        "governance.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("project group"),
    )
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.PROPOSAL
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget_one_off = models.DecimalField(
        _("one-off budget (DKK)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_running = models.DecimalField(
        _("running cost per year (DKK)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    financing = models.CharField(
        _("financing source"), max_length=30, choices=Financing.choices, blank=True
    )
    is_lighthouse = models.BooleanField(
        _("lighthouse project"), default=False, help_text=_("Followed by the steering group.")
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, null=True, blank=True
    )
    core_task_relevance = models.PositiveSmallIntegerField(
        _("relevance to the core task"), choices=Relevance.choices, null=True, blank=True
    )
    focus_areas = models.ManyToManyField(
        "strategy.FocusArea", blank=True, related_name="projects", verbose_name=_("focus areas")
    )
    principles = models.ManyToManyField(
        "strategy.Principle", blank=True, related_name="projects", verbose_name=_("principles")
    )
    tags = models.CharField(
        _("tags"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    url = models.URLField(_("link"), blank=True)

    # The start document (startdokument); its parts are Deliverable, SuccessCriterion,
    # Milestone and Risk.
    purpose = models.TextField(_("purpose"), blank=True, help_text=_("In Markdown."))
    background = models.TextField(_("background"), blank=True, help_text=_("In Markdown."))
    scope = models.TextField(_("scope"), blank=True, help_text=_("In Markdown."))
    out_of_scope = models.TextField(_("out of scope"), blank=True, help_text=_("In Markdown."))
    stakeholders = models.TextField(_("stakeholders"), blank=True, help_text=_("In Markdown."))
    dependencies = models.TextField(_("dependencies"), blank=True, help_text=_("In Markdown."))
    charter_approved_at = models.DateTimeField(
        _("start document approved"), null=True, blank=True, editable=False
    )
    # What the start document said when the project was approved, to compare with now.
    charter_baseline = models.JSONField(
        _("approved start document"), null=True, blank=True, editable=False
    )

    # Status reporting.
    report_every_days = models.PositiveSmallIntegerField(
        _("status report every (days)"),
        default=14,
        validators=[MinValueValidator(7), MaxValueValidator(92)],
    )
    latest_report = models.ForeignKey(
        "portfolio.StatusReport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("latest status report"),
    )
    current_status = models.CharField(_("status"), max_length=10, blank=True, editable=False)
    next_report_due = models.DateField(
        _("next status report due"), null=True, blank=True, editable=False
    )
    update_requested_at = models.DateTimeField(
        _("update requested"), null=True, blank=True, editable=False
    )
    update_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("update requested by"),
    )

    # Closing (final report).
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    delivered_vs_planned = models.TextField(
        _("delivered compared with planned"), blank=True, help_text=_("In Markdown.")
    )
    handover_operations = models.TextField(
        _("handover to operations"), blank=True, help_text=_("In Markdown.")
    )
    handover_benefits = models.TextField(
        _("handover to benefits follow-up"), blank=True, help_text=_("In Markdown.")
    )
    benefits_owner = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="benefit_projects",
        verbose_name=_("benefits owner"),
    )

    shared = WithCatalogueManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [
            models.Index(fields=["municipality", "name"]),
            models.Index(fields=["municipality", "phase"]),
            models.Index(fields=["municipality", "next_report_due"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_running(self) -> bool:
        return self.phase in RUNNING_PHASES

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]

    def report_overdue(self, today: datetime.date) -> bool:
        return self.is_running and self.next_report_due is not None and self.next_report_due < today

    def clean(self) -> None:
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        for field in ("budget_one_off", "budget_running"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("A budget cannot be negative.")
        if self.implements_id is not None:
            shared = self.implements
            if not shared.municipality.is_catalogue:
                errors["implements"] = _("Choose a project from the shared catalogue.")
            elif self.pk is not None and shared.pk == self.pk:
                errors["implements"] = _("A project cannot implement itself.")
        for field in ("org_unit", "owner", "leader", "project_group", "benefits_owner"):
            related = getattr(self, field)
            if related is not None and related.municipality_id != self.municipality_id:
                errors[field] = _("Choose one from this municipality.")
        if errors:
            raise ValidationError(errors)


class PhaseChange(TenantModel):
    """A project's move from one phase to another, with the decision behind it.

    The first change of a project has no ``from_phase``: it records the phase the project
    started in. Changes are never edited; the portfolio on a past date is read from them.
    """

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="phase_changes", verbose_name=_("project")
    )
    from_phase = models.CharField(_("from phase"), max_length=20, choices=Phase.choices, blank=True)
    to_phase = models.CharField(_("to phase"), max_length=20, choices=Phase.choices)
    decided_on = models.DateField(_("decided on"))
    agenda_item = models.ForeignKey(
        "governance.AgendaItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="phase_changes",
        verbose_name=_("decision (agenda item)"),
    )
    approver = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_phase_changes",
        verbose_name=_("approved by"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["project", "decided_on", "id"]
        verbose_name = _("phase change")
        verbose_name_plural = _("phase changes")
        indexes = [models.Index(fields=["municipality", "decided_on"])]

    def __str__(self) -> str:
        before = self.get_from_phase_display() or "—"
        return f"{self.project}: {before} → {self.get_to_phase_display()}"


class GateRequest(TenantModel):
    """A project sent to a body for a gate decision, through an agenda item.

    When the body's decision on the item is recorded, the project moves through its gate;
    a postponed item carries the request to the copy on the next agenda.
    """

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="gate_requests", verbose_name=_("project")
    )
    agenda_item = models.OneToOneField(
        "governance.AgendaItem",
        on_delete=models.CASCADE,
        related_name="gate_request",
        verbose_name=_("agenda item"),
    )
    to_phase = models.CharField(_("asks for phase"), max_length=20, choices=Phase.choices)
    # The outcome recorded on the item (governance's ``Outcome``), blank while pending.
    outcome = models.CharField(_("outcome"), max_length=30, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("gate request")
        verbose_name_plural = _("gate requests")

    def __str__(self) -> str:
        return f"{self.project} → {self.get_to_phase_display()}"


class ArchitectureAlignment(TenantModel):
    """Follow or explain: does the project follow an architecture principle, and if not, why."""

    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="architecture_alignments",
        verbose_name=_("project"),
    )
    principle = models.ForeignKey(
        "strategy.Principle",
        on_delete=models.PROTECT,
        related_name="alignments",
        verbose_name=_("architecture principle"),
    )
    follows = models.BooleanField(_("follows the principle"), default=True)
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        ordering = ["principle__number"]
        verbose_name = _("architecture alignment")
        verbose_name_plural = _("architecture alignments")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "principle"], name="alignment_unique_principle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.principle}"

    def clean(self) -> None:
        if not self.follows and not self.explanation.strip():
            raise ValidationError(
                {"explanation": _("Explain why the project does not follow the principle.")}
            )


class ProjectLink(TenantModel):
    """A link from a project to another object of its municipality (a body, a meeting,
    another project, later an IT system)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="links", verbose_name=_("project")
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")

    class Meta:
        ordering = ["target_type", "target_id"]
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "target_type", "target_id"], name="projectlink_unique_target"
            )
        ]

    def __str__(self) -> str:
        return str(self.target)
