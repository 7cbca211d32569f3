"""The fast select widgets write the same markup as Django's templates."""

from django import forms

from styrbord.core.widgets import FastSelect, FastSelectMultiple

CHOICES = [
    ("", "---------"),
    ("a", "Æblerne & <pærerne>"),
    ("Gruppe", [("b", "B"), ("c", 'C "citeret"')]),
    (3, "Tre"),
]


def test_a_select_renders_as_djangos_template_does():
    attrs = {"class": "form-select", "id": "id_x", "required": True, "disabled": False}
    ours = FastSelect(attrs=attrs, choices=CHOICES).render("x", "c")
    django = forms.Select(attrs=attrs, choices=CHOICES).render("x", "c")
    assert ours == django.replace("\n", "").replace("  ", "")


def test_a_multiple_select_renders_as_djangos_template_does():
    ours = FastSelectMultiple(choices=CHOICES).render("y", ["a", 3])
    django = forms.SelectMultiple(choices=CHOICES).render("y", ["a", 3])
    assert ours == django.replace("\n", "").replace("  ", "")
    assert ours.count("selected") == 2
