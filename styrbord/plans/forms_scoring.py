"""Forms of the prioritisation: a scoring criterion, and one item's scores on every
criterion of its plan version."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from styrbord.core.forms import StyledForm, VersionedModelForm, style
from styrbord.plans.models import Criterion, ItemScore

SCORES = (1, 2, 3, 4, 5)


class CriterionForm(VersionedModelForm):
    """The model's validators refuse a weight outside 1–100 next to the field; the service
    refuses a name the version already has."""

    class Meta:
        model = Criterion
        fields = ["name", "description", "kind", "weight"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["weight"].widget.attrs.update({"min": 1, "max": 100, "inputmode": "numeric"})


@dataclass(frozen=True)
class ScoreRow:
    """One criterion's part of the form, for the template's fieldset."""

    criterion: Criterion
    score: forms.BoundField
    comment: forms.BoundField


class ScoresForm(StyledForm):
    """A score (blank = not scored) and a comment per criterion, named by the criterion's
    id so that the whole item is scored in one go."""

    def __init__(
        self,
        *args,
        criteria: Sequence[Criterion],
        scores: Sequence[ItemScore] = (),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        given = {score.criterion_id: score for score in scores}
        choices = [("", _("Not scored"))] + [(str(n), str(n)) for n in SCORES]
        for criterion in self.criteria:
            self.fields[self.score_name(criterion)] = forms.TypedChoiceField(
                label=_("Score"),
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                help_text=criterion.get_kind_display(),
                error_messages={"invalid_choice": _("A score is from 1 to 5.")},
            )
            self.fields[self.comment_name(criterion)] = forms.CharField(
                label=_("Comment"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            existing = given.get(criterion.pk)
            if existing is not None:
                self.initial[self.score_name(criterion)] = str(existing.score)
                self.initial[self.comment_name(criterion)] = existing.comment
        # The fields were added after StyledForm styled the (then empty) form.
        style(self)

    @staticmethod
    def score_name(criterion: Criterion) -> str:
        return f"score_{criterion.pk}"

    @staticmethod
    def comment_name(criterion: Criterion) -> str:
        return f"comment_{criterion.pk}"

    def rows(self) -> list[ScoreRow]:
        return [
            ScoreRow(
                criterion=criterion,
                score=self[self.score_name(criterion)],
                comment=self[self.comment_name(criterion)],
            )
            for criterion in self.criteria
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        for criterion in self.criteria:
            comment = (cleaned.get(self.comment_name(criterion)) or "").strip()
            score_name = self.score_name(criterion)
            # Clearing a score deletes it with its comment; say so rather than lose the text.
            if comment and score_name in cleaned and cleaned[score_name] is None:
                self.add_error(
                    self.comment_name(criterion),
                    _("Give a score to keep the comment, or clear the comment."),
                )
        return cleaned

    def entries(self) -> Iterator[tuple[Criterion, int | None, str]]:
        """(criterion, score or None, comment) for each criterion, from valid data."""
        for criterion in self.criteria:
            yield (
                criterion,
                self.cleaned_data[self.score_name(criterion)],
                self.cleaned_data[self.comment_name(criterion)].strip(),
            )

    def add_service_error(self, criterion: Criterion, error: ValidationError) -> None:
        """Put a service's refusal next to this criterion's fields, or on top of the form."""
        fields = {"score": self.score_name(criterion), "comment": self.comment_name(criterion)}
        if not hasattr(error, "error_dict"):
            self.add_error(None, error.messages)
            return
        for name, messages in error.message_dict.items():
            self.add_error(fields.get(name), messages)
