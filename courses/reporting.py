"""What the 공단 reports (EMON, DOMAIN-KR §2) need to know of a funded enrolment's scores, read
through a registry so that ``compliance`` (which writes the reports) never imports ``assessments``
(which owns the scores): the floors of the house.

``assessments`` registers its reader at start-up (``AssessmentsConfig.ready``); it answers with the
parts of the weighted total as ``assessments.funded.weighted_parts`` computes them and the total as
``assessments.grading.weighted_total`` rounds it, so the report and the completion rule never differ.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

#: The part keys (``assessments.funded``): progress tests, final tests, the assignment.
PROGRESS, FINAL, ASSIGNMENT = "progress", "final", "assignment"


@dataclass(frozen=True)
class ReportedPart:
    """One weighted part of a funded enrolment's total (all progress tests, all final tests, the 과제)."""

    key: str
    weight: int
    score: Decimal | None  # the part's score out of ``max_score`` (the mean of its tests); None: nothing taken
    max_score: Decimal
    submitted_at: datetime.datetime | None  # the latest submission of the part
    is_copied_answer: str  # Y (a 모사 decision), N (judged not copied), X (not judged)


@dataclass(frozen=True)
class ReportedScores:
    total: Decimal  # the weighted total, 2 decimals (the completion rule's number)
    parts: list[ReportedPart]


ScoreReportReader = Callable[[list], dict[int, ReportedScores]]

_readers: list[ScoreReportReader] = []


def register_score_report_reader(reader: ScoreReportReader) -> None:
    if reader not in _readers:
        _readers.append(reader)


def score_reports(enrolments: list) -> dict[int, ReportedScores]:
    """Each enrolment's weighted total and parts (enrolments of courses without weights: absent)."""
    result: dict[int, ReportedScores] = {}
    for reader in _readers:
        result.update(reader(enrolments))
    return result
