"""Assessments of funded runs (사업주훈련, DOMAIN-KR §1.1 and §1.5): when a test opens, when inputs
freeze, and the weighted 수료기준 that replaces "every required quiz passed" for those runs.

Unfunded runs never reach the rules here: every function answers "no refusal" or "nothing to add"
for them, so their behaviour stays what ``selectors`` and ``services`` always did.

- ``gate_refusal`` is the one gate, for quizzes (by their kind) and for the 과제 (assignment)
  activity, which calls it with ``kind="assignment"``.
- ``inputs_end``: the instant a funded run's trainee inputs freeze (the day after the training
  period's end, 00:00 KST); an attempt's answers are refused from then on and the attempt is closed
  with what was saved (its ``freeze_at``).
- ``funded_requirements`` is the completion requirement provider (registered in
  ``AssessmentsConfig.ready``): progress of at least 80 %, the weighted total of the progress
  tests, the final test and the assignment of at least ``CoursePage.min_total_score``, and each
  weighted test taken (the 과제 submitted), as DOMAIN-KR §1.1 quotes the 지원규정.
- The assignment's score comes from a source registered with ``register_assignment_score_source``;
  while none is registered, the assignment counts as not submitted (0).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.dates import kdate, kdatetime
from courses.classroom import AssessmentRow, AssessmentState, ScoreSummary
from courses.completion import Requirement
from courses.funding import FUNDED_MIN_PROGRESS_PERCENT
from courses.models import COURSE_DEPTH, CourseRun, Enrolment
from courses.permissions import under_paths

from .grading import WeightedPart, weighted_total
from .models import AssignmentPage, AssignmentSubmission, Attempt, QuizKind, QuizPage, SurveyPage, SurveyResponse

#: The kinds whose attempts are limited to one (plus one per retake grant) in funded runs.
ONE_ATTEMPT_KINDS = (QuizKind.PROGRESS, QuizKind.FINAL)
ASSIGNMENT = "assignment"
ASSIGNMENT_LABEL = gettext_lazy("Assignment")
TRAINEE_OWN_EMPLOYEE = gettext_lazy("Own employee (007)")


def is_funded(run: CourseRun) -> bool:
    return run.is_funded


# --------------------------------------------------------------------------------------------
# The calendar of a funded run
# --------------------------------------------------------------------------------------------


def _kst(day: datetime.date, at: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, at), timezone.get_default_timezone())


def inputs_end(run: CourseRun) -> datetime.datetime | None:
    """The instant a funded run's trainee inputs freeze: the training period's last day, 24:00 KST."""
    if not is_funded(run) or run.training_end is None:
        return None
    return _kst(run.training_end + datetime.timedelta(days=1), datetime.time(0, 0))


def last_start(run: CourseRun) -> datetime.datetime | None:
    """The last instant an attempt may start: 23:57 KST (the setting) on the training period's last day."""
    if not is_funded(run) or run.training_end is None:
        return None
    hour, minute = (int(part) for part in settings.ACADEMY_FUNDED_LAST_START.split(":"))
    return _kst(run.training_end, datetime.time(hour, minute))


def inputs_frozen(run: CourseRun, now: datetime.datetime | None = None) -> bool:
    end = inputs_end(run)
    return end is not None and (now or timezone.now()) >= end


# --------------------------------------------------------------------------------------------
# The gates
# --------------------------------------------------------------------------------------------


def opens_at_percent(kind: str) -> int | None:
    """The progress (%) at which an assessment of ``kind`` opens in a funded run (None: no progress gate)."""
    if kind == QuizKind.PROGRESS:
        return settings.ACADEMY_FUNDED_PROGRESS_TEST_OPENS_AT
    if kind in (QuizKind.FINAL, ASSIGNMENT):
        return settings.ACADEMY_FUNDED_FINAL_TEST_OPENS_AT
    return None


def gate_refusal(*, enrolment: Enrolment, kind: str, now: datetime.datetime | None = None) -> str:
    """Why the trainee of ``enrolment`` cannot start an assessment of ``kind`` (a ``QuizKind`` or
    ``"assignment"``) now, or ``""`` when the gates are open. Unfunded runs have no gates.

    Progress and final tests (and the assignment) open at a progress threshold; the final test also
    waits for the course's satisfaction survey when it is required (``survey.survey_refusal``); no attempt starts
    after 23:57 on the last day of the training period, and nothing after its end. The number of
    attempts is the caller's question (``selectors.start_refusal``).
    """
    run = enrolment.run
    if not is_funded(run):
        return ""
    now = now or timezone.now()
    if inputs_frozen(run, now):
        return _("The training period ended on %(date)s: no attempt or answer is accepted any more.") % {
            "date": kdate(run.training_end)
        }
    start_until = last_start(run)
    if start_until is not None and now >= start_until:
        return _("Attempts can be started until %(time)s on the last day of the training period (%(date)s).") % {
            "time": settings.ACADEMY_FUNDED_LAST_START,
            "date": kdate(run.training_end),
        }
    threshold = opens_at_percent(kind)
    if threshold is not None and enrolment.progress_percent < threshold:
        return _("Opens at %(required)s%% progress (now %(current)s%%).") % {
            "required": threshold,
            "current": enrolment.progress_percent,
        }
    if kind == QuizKind.FINAL:
        from .survey import survey_refusal  # the survey may be required before the final test

        return survey_refusal(enrolment=enrolment)
    return ""


# --------------------------------------------------------------------------------------------
# The assignment's score (the 과제 activity plugs itself in here)
# --------------------------------------------------------------------------------------------

AssignmentScoreSource = Callable[[list[Enrolment]], dict[int, Decimal | None]]
"""Takes enrolments; answers per enrolment id its assignment score out of 100, or None (not submitted)."""

_assignment_sources: list[AssignmentScoreSource] = []


def register_assignment_score_source(source: AssignmentScoreSource) -> None:
    if source not in _assignment_sources:
        _assignment_sources.append(source)


def assignment_scores(enrolments: list[Enrolment]) -> dict[int, Decimal | None]:
    """Each enrolment's assignment score (None: not submitted). With several sources, the first
    that has a score for an enrolment gives it."""
    scores: dict[int, Decimal | None] = dict.fromkeys((e.pk for e in enrolments), None)
    for source in _assignment_sources:
        for enrolment_id, score in source(enrolments).items():
            if scores.get(enrolment_id) is None and score is not None:
                scores[enrolment_id] = Decimal(score)
    return scores


# --------------------------------------------------------------------------------------------
# The weighted 수료기준
# --------------------------------------------------------------------------------------------


def uses_weighted_rule(enrolment: Enrolment) -> bool:
    """Funded runs of courses that set the weights follow the weighted rule; a funded run of a course
    without weights keeps "every required assessment passed" (nothing to weigh)."""
    return is_funded(enrolment.run) and enrolment.run.course.has_assessment_weights


def _format(score: Decimal) -> str:
    return f"{score:.2f}"


def weighted_parts(enrolments: list[Enrolment]) -> dict[int, list[WeightedPart]]:
    """The parts of the weighted total of each enrolment (whose course sets weights): the mean kept
    score of the course's live progress tests, of its final tests (a test not taken counts 0), and
    the assignment's score. Attempts count for the run they were taken in. Three queries."""
    result: dict[int, list[WeightedPart]] = {}
    if not enrolments:
        return result
    from .selectors import kept_attempt

    courses = {e.run.course.pk: e.run.course for e in enrolments}
    quizzes = list(
        QuizPage.objects.live()
        .filter(under_paths([course.path for course in courses.values()]), kind__in=ONE_ATTEMPT_KINDS)
        .order_by("path")
    )
    attempts: dict[tuple[int, int], list[Attempt]] = {}
    if quizzes:
        for attempt in Attempt.objects.closed().filter(enrolment__in=enrolments, quiz__in=quizzes):
            attempts.setdefault((attempt.quiz_id, attempt.enrolment_id), []).append(attempt)
    assignments = assignment_scores(enrolments)
    for enrolment in enrolments:
        course = enrolment.run.course
        parts = []
        for kind, weight in (
            (QuizKind.PROGRESS, course.weight_progress_test),
            (QuizKind.FINAL, course.weight_final_test),
        ):
            own = [quiz for quiz in quizzes if quiz.kind == kind and quiz.path.startswith(course.path)]
            kept = [kept_attempt(quiz, attempts.get((quiz.pk, enrolment.pk), [])) for quiz in own]
            scores = [attempt.score for attempt in kept if attempt is not None]
            parts.append(
                WeightedPart(
                    key=kind,
                    weight=weight or 0,
                    score=sum(scores, Decimal("0")) / len(own) if scores else None,
                    missing=not own or len(scores) < len(own),  # one of several not taken counts 0
                    # taken = a closed attempt, graded or still waiting for its essay grades
                    untaken=any(not attempts.get((quiz.pk, enrolment.pk)) for quiz in own),
                )
            )
        score = assignments.get(enrolment.pk)
        parts.append(
            WeightedPart(
                key=ASSIGNMENT,
                weight=course.weight_assignment or 0,
                score=score,
                missing=score is None,
                untaken=score is None,
            )
        )
        result[enrolment.pk] = parts
    return result


def _part_label(key: str) -> str:
    if key == ASSIGNMENT:
        return str(ASSIGNMENT_LABEL)
    return str(QuizKind(key).label)


def total_requirement(enrolment: Enrolment, parts: list[WeightedPart]) -> Requirement:
    """총점 x / 60 (진행단계평가 10 %, 최종평가 40 %, 과제 50 %: 과제 미제출)."""
    course = enrolment.run.course
    total = weighted_total(parts)
    weights = ", ".join(
        _("%(part)s %(weight)s %%") % {"part": _part_label(part.key), "weight": part.weight}
        for part in parts
        if part.weight
    )
    missing = [
        (_("%(part)s not submitted") if part.key == ASSIGNMENT else _("%(part)s not taken"))
        % {"part": _part_label(part.key)}
        for part in parts
        if part.weight and part.missing
    ]
    if missing:
        weights = f"{weights}: {', '.join(missing)}"
    return Requirement(
        key="weighted_total",
        label=_("Total score %(total)s / %(required)s (%(weights)s)")
        % {"total": _format(total), "required": course.min_total_score, "weights": weights},
        met=total >= course.min_total_score,
    )


def taken_requirement(parts: list[WeightedPart]) -> Requirement | None:
    """응시 (DOMAIN-KR §1.1, the 지원규정 as providers quote it): by the end of the training period the
    trainee has *taken* the 진행단계평가 and the 최종평가, and submitted the 과제 when the course has
    one, whatever the total. Each weighted part the course has counts; None when there is none."""
    counted = [part for part in parts if part.weight]
    if not counted:
        return None
    untaken = [part for part in counted if part.untaken]
    names = ", ".join(_part_label(part.key) for part in counted)
    if untaken:
        label = _("Take every assessment (%(parts)s): %(missing)s") % {
            "parts": names,
            "missing": ", ".join(
                (_("%(part)s not submitted") if part.key == ASSIGNMENT else _("%(part)s not taken"))
                % {"part": _part_label(part.key)}
                for part in untaken
            ),
        }
    else:
        label = _("Take every assessment (%(parts)s)") % {"parts": names}
    return Requirement(key="assessments_taken", label=label, met=not untaken)


def funded_requirements(enrolments: list[Enrolment]) -> dict[int, list[Requirement]]:
    """The completion requirement provider of funded runs: 진도율 ≥ 80 % (when the course asks less),
    every weighted assessment taken (or submitted) and the weighted total ≥
    ``CoursePage.min_total_score``. ``selectors.assessment_requirements`` leaves the progress and
    final tests of these enrolments to this provider."""
    weighted = [e for e in enrolments if uses_weighted_rule(e)]
    result: dict[int, list[Requirement]] = {e.pk: [] for e in weighted}
    required_progress = FUNDED_MIN_PROGRESS_PERCENT
    by_id = {e.pk: e for e in weighted}
    for enrolment_id, parts in weighted_parts(weighted).items():
        enrolment = by_id[enrolment_id]
        if enrolment.run.course.min_progress_percent < required_progress:
            result[enrolment_id].append(
                Requirement(
                    key="funded_progress",
                    label=_("Progress of at least %(required)s %% (now %(current)s %%)")
                    % {"required": required_progress, "current": enrolment.progress_percent},
                    met=enrolment.progress_percent >= required_progress,
                )
            )
        result[enrolment_id].append(total_requirement(enrolment, parts))
        taken = taken_requirement(parts)
        if taken is not None:
            result[enrolment_id].append(taken)
    return result


# --------------------------------------------------------------------------------------------
# The funded classroom's 평가 rows and total (``courses.classroom``'s score reader)
# --------------------------------------------------------------------------------------------


def classroom_scores(enrolments: list[Enrolment], *, now: datetime.datetime | None = None) -> dict[int, ScoreSummary]:
    """Each funded enrolment's 평가 rows (진행단계평가, 최종평가, and 과제 when the course weighs one)
    with their states, its weighted total and its 만족도 설문; registered in ``AssessmentsConfig.ready``.
    Nine queries for the batch."""
    from .selectors import kept_attempt

    now = now or timezone.now()
    funded = [e for e in enrolments if is_funded(e.run)]
    if not funded:
        return {}
    courses = {e.run.course.pk: e.run.course for e in funded}
    quizzes = list(
        QuizPage.objects.live()
        .filter(under_paths([course.path for course in courses.values()]), kind__in=ONE_ATTEMPT_KINDS)
        .order_by("path")
    )
    attempts: dict[tuple[int, int], list[Attempt]] = {}
    if quizzes:
        for attempt in Attempt.objects.filter(enrolment__in=funded, quiz__in=quizzes):
            attempts.setdefault((attempt.quiz_id, attempt.enrolment_id), []).append(attempt)
    weighted = [e for e in funded if e.run.course.has_assessment_weights]
    parts = weighted_parts(weighted)
    assignments: dict[int, Decimal | None] = {}
    assignment_pages: dict[int, list[AssignmentPage]] = {}
    weighing = [course for course in courses.values() if course.weight_assignment]
    if weighing:
        assignments = assignment_scores(funded)
        # The 과제 row links to the course's 과제 when it has one (several: the row stands for all).
        for page in AssignmentPage.objects.live().filter(under_paths([c.path for c in weighing]), required=True):
            course_id = next(c.pk for c in weighing if page.path.startswith(c.path))
            assignment_pages.setdefault(course_id, []).append(page)
    # Submitted and not graded yet: the row says so rather than showing the 0 the total counts.
    awaiting_grading: set[int] = set()
    if assignment_pages:
        awaiting_grading = set(
            AssignmentSubmission.objects.filter(
                enrolment__in=funded,
                assignment__in=[page for pages in assignment_pages.values() for page in pages],
                state=AssignmentSubmission.State.SUBMITTED,
            ).values_list("enrolment_id", flat=True)
        )
    # The 만족도 설문 of each course (a child page, at most one) and who answered it.
    surveys: dict[int, SurveyPage] = {}
    for survey in SurveyPage.objects.live().filter(
        under_paths([course.path for course in courses.values()]), depth=COURSE_DEPTH + 1
    ):
        surveys[next(c.pk for c in courses.values() if survey.path.startswith(c.path))] = survey
    answered: set[int] = set()
    if surveys:
        answered = set(
            SurveyResponse.objects.filter(enrolment__in=funded, survey__in=surveys.values()).values_list(
                "enrolment_id", flat=True
            )
        )
    result = {}
    for enrolment in funded:
        course = enrolment.run.course
        # The 23:57 rule and the end of the 훈련기간 (a kind without a progress gate asks only those).
        time_refusal = gate_refusal(enrolment=enrolment, kind=QuizKind.OTHER, now=now)
        rows = []
        for quiz in quizzes:
            if not quiz.path.startswith(course.path):
                continue
            tries = attempts.get((quiz.pk, enrolment.pk), [])
            threshold = opens_at_percent(quiz.kind)
            open_attempt = next((a for a in tries if a.is_open), None)
            kept = kept_attempt(quiz, tries)
            note, score = "", ""
            if open_attempt is not None:
                state = AssessmentState.IN_PROGRESS
                ends = [d for d in (open_attempt.deadline, open_attempt.freeze_at) if d]
                if ends:
                    deadline = min(ends)
                    note = _("Until %(deadline)s") % {"deadline": kdatetime(deadline)}
            elif kept is not None:
                state = AssessmentState.TAKEN
                score = _format(kept.score)
            elif any(not a.is_open for a in tries):
                state = AssessmentState.TAKEN
                note = _("Waiting for grading")
            elif threshold is not None and enrolment.progress_percent < threshold:
                state = AssessmentState.LOCKED
                note = _("Opens at %(percent)s%% progress") % {"percent": threshold}
            else:
                state = AssessmentState.NOT_TAKEN
                note = time_refusal
                survey = surveys.get(course.pk)
                if (
                    not note
                    and quiz.kind == QuizKind.FINAL
                    and survey is not None
                    and survey.required_before_final
                    and enrolment.pk not in answered
                ):
                    note = _("Opens after the satisfaction survey")
            rows.append(
                AssessmentRow(
                    kind_label=str(QuizKind(quiz.kind).label),
                    title=quiz.display_title,
                    url=quiz.get_url() or "",
                    state=state,
                    note=note,
                    score=score,
                )
            )
        assignment_score = assignments.get(enrolment.pk)
        if course.weight_assignment:
            threshold = opens_at_percent(ASSIGNMENT)
            if enrolment.pk in awaiting_grading:
                state, note, score = AssessmentState.SUBMITTED, _("Waiting for grading"), ""
            elif assignment_score is not None:
                state, note, score = AssessmentState.SUBMITTED, "", _format(assignment_score)
            elif enrolment.progress_percent < threshold:
                state, score = AssessmentState.LOCKED, ""
                note = _("Opens at %(percent)s%% progress") % {"percent": threshold}
            else:
                state, note, score = AssessmentState.NOT_SUBMITTED, time_refusal, ""
            own_pages = assignment_pages.get(course.pk, [])
            page = own_pages[0] if len(own_pages) == 1 else None
            rows.append(
                AssessmentRow(
                    kind_label=str(ASSIGNMENT_LABEL),
                    title=page.display_title if page else "",
                    url=(page.get_url() or "") if page else "",
                    state=state,
                    note=note,
                    score=score,
                )
            )
        own_parts = parts.get(enrolment.pk)
        result[enrolment.pk] = ScoreSummary(
            rows=rows,
            total=_format(weighted_total(own_parts)) if own_parts is not None else None,
            required_total=course.min_total_score,
            weights=", ".join(
                _("%(part)s %(weight)s %%") % {"part": _part_label(part.key), "weight": part.weight}
                for part in own_parts or []
                if part.weight
            ),
            assignment_weighted=bool(course.weight_assignment),
            assignment_submitted=assignment_score is not None,
            **_survey_fields(surveys.get(course.pk), answered=enrolment.pk in answered),
        )
    return result


def _survey_fields(survey: SurveyPage | None, *, answered: bool) -> dict:
    if survey is None:
        return {}
    return {
        "survey_title": survey.display_title,
        "survey_url": survey.get_url() or "",
        "survey_answered": answered,
        "survey_required": survey.required_before_final,
    }


# --------------------------------------------------------------------------------------------
# 수료자 명단 (DOMAIN-KR §2.4): a funded run's list for entry on HRD-Net
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CompletionListRow:
    """One trainee of a funded run as HRD-Net asks for them. The birth date is the trainee's own
    (``User.birth_date``, on their profile), the 사업장 and 비용수급사업장번호 their employer's
    (``Organisation.workplace_number``); a column stays empty while the person or the organisation
    has not given it."""

    name: str
    birth_date: str
    workplace: str
    workplace_number: str
    trainee_type: str
    progress_percent: int
    total: str
    completed: bool
    training_period: str
    #: Whose row it is (for the personal data access log); not a column of the file.
    user_id: int = 0


def completion_list(run: CourseRun) -> list[CompletionListRow]:
    """The 수료자 명단 of a funded run: its studying and completed trainees, by name. Four queries."""
    from accounts.models import Membership, Organisation

    enrolments = list(
        Enrolment.objects.filter(run=run, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED])
        .select_related("user", "run__course")
        .order_by("user__name_ko", "pk")
    )
    # The employer: the organisation the trainee first joined as an employee (its name is the
    # 사업장, its employment-insurance number the 비용수급사업장번호).
    workplaces: dict[int, Organisation] = {}
    for membership in (
        Membership.objects.employees()
        .filter(user_id__in=[e.user_id for e in enrolments])
        .select_related("organisation")
        .order_by("joined_at", "pk")
    ):
        workplaces.setdefault(membership.user_id, membership.organisation)
    parts = weighted_parts([e for e in enrolments if uses_weighted_rule(e)])
    period = ""
    if run.training_start and run.training_end:
        period = f"{run.training_start:%Y-%m-%d} ~ {run.training_end:%Y-%m-%d}"
    return [
        CompletionListRow(
            name=enrolment.user.name_ko or enrolment.user.get_full_name(),
            birth_date=f"{enrolment.user.birth_date:%Y-%m-%d}" if enrolment.user.birth_date else "",
            workplace=workplaces[enrolment.user_id].name_ko if enrolment.user_id in workplaces else "",
            workplace_number=workplaces[enrolment.user_id].workplace_number if enrolment.user_id in workplaces else "",
            # 훈련생구분: 자사근로자 (EMON trneeSe 007, the default of 사업주훈련) for an employee of a
            # member organisation; the Academy records nothing else.
            trainee_type=str(TRAINEE_OWN_EMPLOYEE) if enrolment.user_id in workplaces else "",
            progress_percent=enrolment.progress_percent,
            total=_format(weighted_total(parts[enrolment.pk])) if enrolment.pk in parts else "",
            completed=enrolment.status == Enrolment.Status.COMPLETED,
            training_period=period,
            user_id=enrolment.user_id,
        )
        for enrolment in enrolments
    ]


# --------------------------------------------------------------------------------------------
# The 공단 reports (EMON score_hist and attend_hist.totalScore; ``courses.reporting``'s reader)
# --------------------------------------------------------------------------------------------


def reported_scores(enrolments: list[Enrolment]):
    """The weighted total of each enrolment under the weighted rule, with its parts, the latest
    submission of each part and its 모사 flag (Y wins over N over X). Registered in
    ``AssessmentsConfig.ready`` for ``compliance.emon``. Five queries."""
    from courses.reporting import ReportedPart, ReportedScores

    weighted = [e for e in enrolments if uses_weighted_rule(e)]
    if not weighted:
        return {}
    parts = weighted_parts(weighted)
    latest: dict[tuple[int, str], datetime.datetime] = {}
    flags: dict[tuple[int, str], set[str]] = {}

    def note(enrolment_id, key, at, flag):
        if at is not None and (latest.get((enrolment_id, key)) is None or at > latest[(enrolment_id, key)]):
            latest[(enrolment_id, key)] = at
        flags.setdefault((enrolment_id, key), set()).add(flag)

    for row in (
        Attempt.objects.closed()
        .filter(enrolment__in=weighted, quiz__kind__in=ONE_ATTEMPT_KINDS)
        .values("enrolment_id", "quiz__kind", "closed_at", "is_copied_answer")
    ):
        note(row["enrolment_id"], row["quiz__kind"], row["closed_at"], row["is_copied_answer"])
    for row in AssignmentSubmission.objects.filter(enrolment__in=weighted, submitted_at__isnull=False).values(
        "enrolment_id", "submitted_at", "is_copied_answer"
    ):
        note(row["enrolment_id"], ASSIGNMENT, row["submitted_at"], row["is_copied_answer"])

    def flag_of(enrolment_id, key) -> str:
        seen = flags.get((enrolment_id, key), set())
        return "Y" if "Y" in seen else "N" if "N" in seen else "X"

    return {
        enrolment_id: ReportedScores(
            total=weighted_total(own),
            parts=[
                ReportedPart(
                    key=str(part.key),
                    weight=part.weight,
                    score=part.score,
                    max_score=part.max_score,
                    submitted_at=latest.get((enrolment_id, str(part.key))),
                    is_copied_answer=flag_of(enrolment_id, str(part.key)),
                )
                for part in own
            ],
        )
        for enrolment_id, own in parts.items()
    }
