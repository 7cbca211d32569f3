"""What happens between meetings: action items, the annual wheel and calendar feeds."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel
from styrbord.governance.models.bodies import Body
from styrbord.governance.models.meetings import AgendaItem, ItemKind


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ActionItem(TenantModel):
    """An opfølgningspunkt: something someone must do after an agenda item."""

    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="action_items",
        verbose_name=_("agenda item"),
    )
    text = models.TextField(_("action"))
    owner = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        related_name="action_items",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [models.Index(fields=["municipality", "status", "due_on"])]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()


QUARTER_CHOICES = [(1, _("Q1")), (2, _("Q2")), (3, _("Q3")), (4, _("Q4"))]
MONTH_CHOICES = [
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
]


class CycleItem(TenantModel):
    """A recurring part of a body's year (årshjul): an agenda item that comes back in given
    quarters, or an event held as its own meeting (a seminar, dialogue meetings)."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="cycle_items", verbose_name=_("body")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("agenda item kind"), max_length=20, choices=ItemKind.choices, default=ItemKind.ORIENTATION
    )
    quarters = models.CharField(
        _("quarters"),
        max_length=7,
        default="1,2,3,4",
        help_text=_("The quarters it recurs in."),
    )
    month = models.PositiveSmallIntegerField(
        _("month"),
        choices=MONTH_CHOICES,
        null=True,
        blank=True,
        help_text=_("For something held once a year in a given month; overrides the quarters."),
    )
    is_event = models.BooleanField(
        _("held as its own meeting"),
        default=False,
        help_text=_("For example the annual seminar or dialogue meetings."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        ordering = ["body", "position", "id"]
        verbose_name = _("annual-wheel item")
        verbose_name_plural = _("annual-wheel items")

    def __str__(self) -> str:
        return self.title

    @property
    def quarter_numbers(self) -> list[int]:
        if self.month:
            return [(self.month - 1) // 3 + 1]
        return sorted({int(part) for part in self.quarters.split(",") if part.strip().isdigit()})

    def clean(self) -> None:
        numbers = [part.strip() for part in self.quarters.split(",") if part.strip()]
        if not self.month and (
            not numbers or any(part not in {"1", "2", "3", "4"} for part in numbers)
        ):
            raise ValidationError({"quarters": _("Choose at least one quarter.")})


def hash_feed_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(TenantModel):
    """An iCalendar subscription link for one body's or one person's meetings.

    The link is the secret: only its hash is stored, so it is shown once when made. It
    stops working when revoked, or when its owner no longer has a role in the municipality.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("owner"),
    )
    body = models.ForeignKey(
        Body,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("body"),
    )
    person = models.ForeignKey(
        "core.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(body__isnull=False, person__isnull=True)
                | models.Q(body__isnull=True, person__isnull=False),
                name="calendarfeed_body_xor_person",
            )
        ]

    def __str__(self) -> str:
        return str(self.body or self.person)
