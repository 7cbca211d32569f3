"""Forms of the business case: the case's frame (years, discount rate, assumptions) and its
cost lines.

The model's ``clean()`` refuses a three-point estimate out of order and a year outside the
horizon; the model form runs it, so those messages land next to the fields named.
"""

from django import forms
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from styrbord.benefits.models import BusinessCase, CostLine
from styrbord.benefits.models.cases import default_discount_rate
from styrbord.core.forms import VersionedModelForm, style

MONEY = forms.NumberInput(attrs={"min": 0, "step": "0.01", "inputmode": "decimal"})


class CaseForm(VersionedModelForm):
    class Meta:
        model = BusinessCase
        fields = ["start_year", "horizon_years", "discount_rate", "assumptions"]
        widgets = {
            "start_year": forms.NumberInput(attrs={"min": 2000, "max": 2100, "step": 1}),
            "horizon_years": forms.NumberInput(attrs={"min": 1, "max": 20, "step": 1}),
            "discount_rate": forms.NumberInput(
                attrs={"min": 0, "max": 30, "step": "0.01", "inputmode": "decimal"}
            ),
            "assumptions": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, cost_years: set[int] | frozenset[int] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        # The years the case's cost lines lie in: the horizon must keep covering them, or
        # those costs would silently drop out of the case.
        self.cost_years = cost_years
        self.fields["discount_rate"].help_text = _(
            "The default is the Ministry of Finance's socio-economic discount rate, "
            "%(rate)s %% a year."
        ) % {"rate": number_format(default_discount_rate())}
        self.fields["horizon_years"].help_text = _("How many years the case counts, 1 to 20.")
        self.fields["assumptions"].help_text = _(
            "What the estimates rest on, in Markdown: prices, volumes, who was asked."
        )

    def clean(self):
        cleaned = super().clean()
        start, horizon = cleaned.get("start_year"), cleaned.get("horizon_years")
        if start is None or horizon is None or not self.cost_years:
            return cleaned
        outside = sorted(year for year in self.cost_years if not start <= year < start + horizon)
        if outside:
            field = (
                "start_year"
                if self.instance.pk and start != self.initial.get("start_year")
                else "horizon_years"
            )
            self.add_error(
                field,
                _(
                    "Cost lines in %(years)s would fall outside the years of the case. Move "
                    "or delete them first, or choose years that include them."
                )
                % {"years": ", ".join(str(year) for year in outside)},
            )
        return cleaned


class CostForm(VersionedModelForm):
    """The year is a choice of the case's years."""

    class Meta:
        model = CostLine
        fields = ["cost_type", "kind", "year", "description", "minimum", "likely", "maximum"]
        widgets = {"minimum": MONEY, "likely": MONEY, "maximum": MONEY}
        # The model's "type" and "kind" read alike; the form names what each one asks.
        labels = {"cost_type": _("What the money is for"), "kind": _("One-off or running")}
        help_texts = {
            "kind": _("One-off: paid once in the year. Running: paid in that year as operation."),
            "minimum": _("The lowest the cost can reasonably be."),
            "likely": _("The best estimate."),
            "maximum": _("The highest the cost can reasonably be."),
        }

    def __init__(self, *args, case: BusinessCase, **kwargs):
        super().__init__(*args, **kwargs)
        years = list(case.years)
        stored = self.instance.year if self.instance.pk else None
        choices = [(year, str(year)) for year in years]
        if stored is not None and stored not in years:
            # Kept so the form shows what is stored; the model refuses it on save.
            choices.insert(0, (stored, _("%(year)s (outside the horizon)") % {"year": stored}))
        self.fields["year"] = forms.TypedChoiceField(
            label=capfirst(CostLine._meta.get_field("year").verbose_name),
            choices=choices,
            coerce=int,
            help_text=_("A running cost needs a line per year it is paid."),
        )
        style(self)
