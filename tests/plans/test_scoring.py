"""The weighted score of a plan item, the prioritisation matrix and the value-versus-effort
chart: plain objects, no database."""

import re
from decimal import Decimal

import pytest

from styrbord.plans import charts
from styrbord.plans.models import ActionPlanItem, Criterion, CriterionKind, ItemScore
from styrbord.plans.queries import RankedItem
from styrbord.plans.scoring import weighted_score

VALUE, COST = CriterionKind.VALUE, CriterionKind.COST


def _criterion(pk: int, weight: int, kind: str = VALUE) -> Criterion:
    return Criterion(pk=pk, name=f"K{pk}", weight=weight, kind=kind)


def _scores(**by_pk: int) -> list[ItemScore]:
    return [ItemScore(criterion_id=int(pk[1:]), score=score) for pk, score in by_pk.items()]


# Two value criteria (30 + 20) and one cost criterion (50).
CRITERIA = [_criterion(1, 30), _criterion(2, 20), _criterion(3, 50, COST)]


def _ranked(rank: int, title: str, amount: str = "0", **scores: int) -> RankedItem:
    item = ActionPlanItem(pk=rank, rank=rank, title=title, requested_amount=Decimal(amount))
    return RankedItem(
        item=item,
        score=weighted_score(CRITERIA, _scores(**scores)),
        requested_hours=0,
        allocated_hours=0,
    )


# --- the weighted score ---------------------------------------------------------------


def test_a_cost_criterion_counts_as_six_minus_its_score():
    score = weighted_score([_criterion(1, 1), _criterion(2, 1, COST)], _scores(k1=4, k2=5))
    assert [term.counts_as for term in score.terms] == [4, 1]
    assert score.value == Decimal("2.50")


def test_weights_count_as_shares_of_their_sum():
    score = weighted_score([_criterion(1, 30), _criterion(2, 10)], _scores(k1=5, k2=1))
    assert [term.share for term in score.terms] == [Decimal("0.75"), Decimal("0.25")]
    assert score.value == Decimal("4.00")


def test_each_terms_contribution_is_its_share_of_what_it_counts_as():
    score = weighted_score(CRITERIA, _scores(k1=5, k2=4, k3=2))
    assert [term.contribution for term in score.terms] == [
        Decimal("1.50"),
        Decimal("0.80"),
        Decimal("2.00"),
    ]
    assert score.value == Decimal("4.30")


def test_a_missing_criterion_makes_the_score_incomplete():
    score = weighted_score(CRITERIA, _scores(k1=5, k3=1))
    assert [criterion.pk for criterion in score.missing] == [2]
    assert not score.is_complete
    assert score.value == Decimal("5.00")  # the scored criteria's shares are recalculated


def test_every_criterion_scored_is_complete():
    assert weighted_score(CRITERIA, _scores(k1=1, k2=1, k3=1)).is_complete


def test_nothing_scored_gives_no_score():
    score = weighted_score(CRITERIA, [])
    assert (score.value, score.value_score, score.effort_score) == (None, None, None)
    assert not score.is_complete


def test_value_score_is_the_weighted_mean_of_the_value_criteria():
    score = weighted_score(CRITERIA, _scores(k1=5, k2=2, k3=4))
    assert score.value_score == Decimal("3.80")


def test_effort_score_is_the_raw_cost_score_not_inverted():
    score = weighted_score(CRITERIA, _scores(k1=5, k2=2, k3=4))
    assert score.effort_score == Decimal("4.00")


# --- the matrix -----------------------------------------------------------------------


def test_the_matrix_has_a_cell_per_criterion_with_none_where_not_scored():
    (row,) = charts.matrix(CRITERIA, [_ranked(1, "A", k1=4, k3=2)])
    assert [term.score if term else None for term in row.cells] == [4, None, 2]


def test_the_matrix_counts_the_items_ranked_above_with_a_lower_score():
    rows = [
        _ranked(1, "A", k1=2, k2=2, k3=4),
        _ranked(2, "B", k1=3, k2=3, k3=3),
        _ranked(3, "C"),
        _ranked(4, "D", k1=5, k2=5, k3=1),
    ]
    assert [row.outscores for row in charts.matrix(CRITERIA, rows)] == [0, 1, 0, 2]


# --- the value-versus-effort chart ----------------------------------------------------


def test_items_without_a_value_or_a_cost_score_are_left_out_of_the_chart():
    placed, left_out = charts.bubbles(
        [_ranked(1, "A", k1=4, k3=2), _ranked(2, "B", k1=4), _ranked(3, "C", k3=3)]
    )
    assert [bubble.rank for bubble in placed] == [1]
    assert [row.item.rank for row in left_out] == [2, 3]


def test_the_chart_draws_a_circle_per_complete_item():
    placed, _left_out = charts.bubbles(
        [
            _ranked(1, "A", "100000", k1=4, k3=2),
            _ranked(2, "B", "50000", k1=2, k2=2, k3=5),
            _ranked(3, "C", k1=4),
        ]
    )
    svg = charts.value_effort_chart(placed)
    assert svg.count('<circle class="chart-bubble"') == 2


def test_the_chart_is_an_image_with_an_accessible_title_and_description():
    placed, _left_out = charts.bubbles([_ranked(1, "A", k1=4, k3=2)])
    svg = charts.value_effort_chart(placed, chart_id="ve")
    assert 'role="img"' in svg
    assert 'aria-labelledby="ve-title ve-desc"' in svg
    assert '<title id="ve-title">' in svg
    assert '<desc id="ve-desc">' in svg


def test_the_chart_names_the_quadrants():
    placed, _left_out = charts.bubbles([_ranked(1, "A", k1=4, k3=2)])
    svg = charts.value_effort_chart(placed)
    for name, _meaning in charts.quadrant_labels():
        assert f">{name}</text>" in svg


def test_the_chart_escapes_the_titles():
    placed, _left_out = charts.bubbles([_ranked(1, "<script>alert(1)</script>", k1=4, k3=2)])
    svg = charts.value_effort_chart(placed)
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg


def test_the_chart_labels_each_bubble_with_its_rank():
    placed, _left_out = charts.bubbles([_ranked(1, "A", k1=4, k3=2), _ranked(2, "B", k1=2, k3=4)])
    ranks = re.findall(r">(\d+)</text>", charts.value_effort_chart(placed))
    assert {"1", "2"} <= set(ranks)


def test_items_at_the_same_spot_share_one_label():
    placed, _left_out = charts.bubbles([_ranked(1, "A", k1=4, k3=2), _ranked(3, "C", k1=4, k3=2)])
    assert ">1, 3</text>" in charts.value_effort_chart(placed)


def test_no_placed_item_gives_no_chart():
    assert charts.value_effort_chart([]) == ""


def test_a_bubbles_area_is_proportional_to_the_requested_amount():
    largest = Decimal("400000")
    big = charts.radius(largest, largest)
    quarter = charts.radius(Decimal("100000"), largest)
    assert quarter**2 / big**2 == pytest.approx(0.25)


def test_an_item_asking_for_no_money_still_gets_a_visible_bubble():
    assert charts.radius(Decimal(0), Decimal("400000")) == charts.R_MIN
    assert charts.radius(Decimal(0), Decimal(0)) == charts.R_MIN
