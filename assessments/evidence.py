"""The assessment sections of the inspection evidence pack (DOMAIN-KR §1.9; registry in
``courses.evidence``): every attempt and submission with its times, score and 모사 decision, and
the copied-answer cases the trainee was part of. One query per section, whatever the enrolment
holds. Addresses are not recorded with attempts yet: the column stays for when they are."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.names import mask_name
from courses.evidence import EvidenceSection, register_section
from courses.models import Enrolment

from .models import AssignmentSubmission, Attempt, CopiedAnswer, PracticalResult, SimilarityCase


def _copied(flag: str) -> str:
    return str(dict(CopiedAnswer.choices).get(flag, flag))


def attempt_rows(enrolment: Enrolment) -> list[list]:
    return [
        [
            attempt.quiz.title,
            attempt.quiz.get_kind_display(),
            attempt.number,
            attempt.started_at,
            attempt.closed_at,
            attempt.get_state_display(),
            attempt.score,
            {True: _("Pass"), False: _("Fail")}.get(attempt.passed, ""),
            _copied(attempt.is_copied_answer),
            "",
        ]
        for attempt in Attempt.objects.filter(enrolment=enrolment).select_related("quiz").order_by("started_at", "pk")
    ]


def submission_rows(enrolment: Enrolment) -> list[list]:
    rows = [
        [
            submission.assignment.title,
            submission.get_state_display(),
            submission.submitted_at,
            submission.score,
            submission.graded_by.name_ko if submission.graded_by else "",
            submission.graded_at,
            _copied(submission.is_copied_answer),
        ]
        for submission in AssignmentSubmission.objects.filter(enrolment=enrolment)
        .select_related("assignment", "graded_by")
        .order_by("created_at", "pk")
    ]
    rows += [
        [
            result.assessment.title,
            _("Practical assessment"),
            None,
            result.score,
            result.graded_by.name_ko if result.graded_by else "",
            result.graded_at,
            "",
        ]
        for result in PracticalResult.objects.filter(enrolment=enrolment)
        .select_related("assessment", "graded_by")
        .order_by("graded_at", "pk")
    ]
    return rows


def copied_answer_rows(enrolment: Enrolment) -> list[list]:
    """The cases naming the trainee; the other trainee's name is masked (someone else's data)."""
    cases = (
        SimilarityCase.objects.filter(Q(enrolment_a=enrolment) | Q(enrolment_b=enrolment))
        .select_related("enrolment_a__user", "enrolment_b__user", "decided_by")
        .order_by("created_at", "pk")
    )
    rows = []
    for case in cases:
        other = case.enrolment_b if case.enrolment_a_id == enrolment.pk else case.enrolment_a
        rows.append(
            [
                case.created_at,
                case.item_label,
                mask_name(other.user.name_ko),
                f"{case.score * 100:.1f}%",
                case.get_decision_display() if not case.is_pending else _("Pending"),
                case.reason,
                case.decided_by.name_ko if case.decided_by else "",
                case.decided_at,
            ]
        )
    return rows


def register_sections() -> None:
    register_section(
        EvidenceSection(
            key="attempts",
            title=_("Assessment attempts"),
            columns=(
                _("Quiz"),
                _("Kind"),
                _("Attempt"),
                _("Started"),
                pgettext_lazy("evidence pack", "Submitted"),
                _("Status"),
                _("Score"),
                _("Result"),
                _("Copied answer (모사)"),
                pgettext_lazy("evidence pack", "Address"),
            ),
            rows=attempt_rows,
            order=50,
        )
    )
    register_section(
        EvidenceSection(
            key="submissions",
            title=_("Assignment submissions and practical results"),
            columns=(
                _("Assignment"),
                _("Status"),
                pgettext_lazy("evidence pack", "Submitted"),
                _("Score"),
                _("Graded by"),
                _("Graded"),
                _("Copied answer (모사)"),
            ),
            rows=submission_rows,
            order=55,
        )
    )
    register_section(
        EvidenceSection(
            key="copied_answers",
            title=_("Copied-answer (모사답안) cases and decisions"),
            columns=(
                _("Found"),
                _("Item"),
                _("Other trainee"),
                _("Similarity"),
                _("Decision"),
                _("Reason"),
                _("Decided by"),
                _("Decided"),
            ),
            rows=copied_answer_rows,
            order=60,
        )
    )
