"""The TIME disposition from functional and technical fit."""

import pytest
from django.utils import translation

from styrbord.systems.disposition import MEANINGS, Disposition, time_disposition


@pytest.fixture(autouse=True)
def english():
    """The assertions read the English source texts, whatever the Danish catalogue says."""
    with translation.override("en"):
        yield


# Rows: functional fit 1–4; columns: technical fit 1–4. High is 3 or more.
T, I, M, E = (  # noqa: E741 - the quadrants' own letters
    Disposition.TOLERATE,
    Disposition.INVEST,
    Disposition.MIGRATE,
    Disposition.ELIMINATE,
)
GRID = {
    1: {1: E, 2: E, 3: T, 4: T},
    2: {1: E, 2: E, 3: T, 4: T},
    3: {1: M, 2: M, 3: I, 4: I},
    4: {1: M, 2: M, 3: I, 4: I},
}


@pytest.mark.parametrize(
    ("functional", "technical", "expected"),
    [
        (functional, technical, expected)
        for functional, row in GRID.items()
        for technical, expected in row.items()
    ],
)
def test_each_combination_of_fits_gives_its_quadrant(functional, technical, expected):
    assert time_disposition(functional, technical) == expected


@pytest.mark.parametrize(("functional", "technical"), [(None, 3), (3, None), (None, None)])
def test_a_missing_fit_gives_no_disposition(functional, technical):
    assert time_disposition(functional, technical) is None


@pytest.mark.parametrize(("functional", "technical"), [(0, 3), (5, 3), (3, 0), (3, 5)])
def test_a_fit_outside_one_to_four_is_refused(functional, technical):
    with pytest.raises(ValueError):
        time_disposition(functional, technical)


def test_the_disposition_is_its_stored_string_value():
    assert time_disposition(4, 4) == "invest"


def test_each_disposition_has_a_label_and_a_meaning():
    assert [str(label) for label in Disposition.labels] == [
        "Tolerate",
        "Invest",
        "Migrate",
        "Eliminate",
    ]
    assert set(MEANINGS) == set(Disposition)
    assert all(str(meaning) for meaning in MEANINGS.values())
