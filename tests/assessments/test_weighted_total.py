"""The weighted total of funded runs (수료기준, DOMAIN-KR §1.1) and the course's weights."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments.grading import WeightedPart, weighted_total
from tests import factories as f


def parts(progress, final, assignment, weights=(10, 40, 50)):
    return [
        WeightedPart(key="progress", weight=weights[0], score=progress),
        WeightedPart(key="final", weight=weights[1], score=final),
        WeightedPart(key="assignment", weight=weights[2], score=assignment),
    ]


def test_weights_10_40_50_and_scores_50_70_60_make_63():
    assert weighted_total(parts(Decimal("50"), Decimal("70"), Decimal("60"))) == Decimal("63.00")


def test_a_missing_assignment_counts_zero_33():
    assert weighted_total(parts(Decimal("50"), Decimal("70"), None)) == Decimal("33.00")


def test_scores_out_of_another_maximum_are_converted_to_the_weight():
    total = weighted_total([WeightedPart(key="assignment", weight=50, score=Decimal("15"), max_score=Decimal("20"))])
    assert total == Decimal("37.50")


def test_the_total_is_rounded_half_up_to_two_decimals():
    # 100/3 with weight 100 → 33.333… → 33.33; 33.35 with weight 30 → 10.005 → 10.01
    assert weighted_total([WeightedPart(key="final", weight=100, score=Decimal("100") / 3)]) == Decimal("33.33")
    assert weighted_total([WeightedPart(key="final", weight=30, score=Decimal("33.35"))]) == Decimal("10.01")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("weights", "valid"),
    [
        ((None, None, None), True),
        ((10, 40, 50), True),
        ((0, 100, None), True),
        ((10, 40, None), False),
        ((30, 40, 50), False),
    ],
)
def test_course_weights_add_up_to_100_when_any_is_set(weights, valid):
    course = f.course_page(f.institute_page())
    course.weight_progress_test, course.weight_final_test, course.weight_assignment = weights
    if valid:
        course.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            course.full_clean()
        assert "100" in str(error.value.message_dict["weight_progress_test"])


@pytest.mark.django_db
def test_the_minimum_total_defaults_to_60():
    assert f.course_page(f.institute_page()).min_total_score == 60
