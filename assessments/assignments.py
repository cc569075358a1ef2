"""과제 (assignments): reads, the trainee's page, and writes (submit, grade, reopen).

Kept apart from the quiz modules (``selectors``, ``services``) so each activity reads on its own;
the same rules hold: selectors read, the presenter shapes the page, services validate everything
before they write, in one transaction, with row locks where a rule must hold.

Rules:

- A trainee whose enrolment in a run of the course studies (``studying_enrolment``) has at most
  one submission per assignment and enrolment. It is a *draft* they may change (text, files) until
  the due date; *submitting* makes it final, unless an instructor reopens it (then it is a draft
  again, which they may change and submit even after the due date).
- Files are checked by extension and content (``common.uploads.check_file_kind``), size and count,
  stored in the configured storage under an unguessable name, with their SHA-256 and size.
- The institute's staff grade a submitted submission: one score per rubric criterion (total = the
  sum) or one score, within 0 and the maximum, and 첨삭; grading records who and when, and
  re-evaluates completion at once.
- Completion: a required assignment needs a grade that ``grading.passes`` (the quiz pass rule,
  on the score converted to 100 points).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from common.uploads import UploadError, check_file_kind
from courses import events
from courses.completion import Requirement
from courses.models import Enrolment
from courses.permissions import policy_for, under_paths
from courses.selectors import staff_courses, studying_enrolment
from courses.services import enrolment_evaluate_completion
from ops.audit import audit_record
from pagecache.generation import current_generation, kept_for

from . import funded
from .grading import passes, required_score
from .models import AssignmentCriterion, AssignmentPage, AssignmentSubmission, SubmissionFile, SubmissionReopening
from .services import AssessmentError

CENT = Decimal("0.01")
#: How many first bytes of a file are read to check its content against its extension.
HEAD_BYTES = 8192

# --------------------------------------------------------------------------------------------
# Reads
# --------------------------------------------------------------------------------------------


def _format(score: Decimal) -> str:
    return f"{score.normalize():f}" if score == score.to_integral() else f"{score:.2f}"


def assignment_scores_for(enrolments: list[Enrolment]) -> dict[tuple[int, int], tuple[Decimal | None, Decimal]]:
    """``(enrolment id, assignment id) → (score, max)`` of every submitted submission of the
    enrolments (one query). ``score`` is None while the submission awaits grading; a draft (never
    submitted, or reopened) is absent: not submitted."""
    rows = AssignmentSubmission.objects.filter(
        enrolment__in=enrolments,
        state__in=[AssignmentSubmission.State.SUBMITTED, AssignmentSubmission.State.GRADED],
    ).values_list("enrolment_id", "assignment_id", "state", "score", "assignment__max_score")
    return {
        (enrolment_id, assignment_id): (
            score if state == AssignmentSubmission.State.GRADED else None,
            Decimal(max_score),
        )
        for enrolment_id, assignment_id, state, score, max_score in rows
    }


def assignment_score(enrolment: Enrolment, page: AssignmentPage) -> tuple[Decimal | None, Decimal] | None:
    """The trainee's 과제 score for one run: ``(score, max)`` in points, ``score`` None while it
    awaits grading; None when nothing was submitted (a draft is not a submission).

    The funded runs' weighted total reads this (a missing submission counts 0 there)."""
    return assignment_scores_for([enrolment]).get((enrolment.pk, page.pk))


def percent_of(score: Decimal, max_score) -> Decimal:
    """A score in points converted to 100 points, as the pass rule compares it."""
    return (Decimal(score) * 100 / Decimal(max_score)).quantize(CENT, rounding=ROUND_HALF_UP)


REQUIRED_ASSIGNMENTS_SECONDS = 3600


def required_assignments(courses: list) -> list[AssignmentPage]:
    """The required, live assignments of these courses, in tree order.

    Kept per course under the page-tree generation (``pagecache.generation``: any saved, published,
    moved or deleted page renews it), so the course page and 나의 강의실 of a course without one, the
    usual case, ask the cache instead of the database; one query for the courses not kept yet."""
    if not courses:
        return []
    generation = current_generation()
    keys = {course.pk: f"academy:required-assignments:v1:{course.path}" for course in courses}
    found = cache.get_many(list(keys.values()))
    result: list[AssignmentPage] = []
    missing = []
    for course in courses:
        kept = kept_for(found.get(keys[course.pk]), generation)
        if kept is None:
            missing.append(course)
        else:
            result.extend(kept)
    if missing:
        fresh = list(
            AssignmentPage.objects.live()
            .filter(under_paths([course.path for course in missing]), required=True)
            .order_by("path")
        )
        for course in missing:
            own = [page for page in fresh if page.path.startswith(course.path)]
            cache.set(keys[course.pk], (generation, own), REQUIRED_ASSIGNMENTS_SECONDS)
            result.extend(own)
    return sorted(result, key=lambda page: page.path)


def assignment_requirements(enrolments: list[Enrolment]) -> dict[int, list[Requirement]]:
    """Completion requirements of required, live assignments, for a batch of enrolments (the
    assignments from the cache, ``required_assignments``; one query for the scores when there are any).

    Part of the assessments app's requirement provider (``selectors.assessment_requirements``)."""
    result: dict[int, list[Requirement]] = {e.pk: [] for e in enrolments}
    if not enrolments:
        return result
    courses = {e.run.course.pk: e.run.course for e in enrolments}
    assignments = required_assignments(list(courses.values()))
    if not assignments:
        return result
    scores = assignment_scores_for(enrolments)
    for enrolment in enrolments:
        course = enrolment.run.course
        if funded.uses_weighted_rule(enrolment):  # the 과제 counts in the weighted total instead
            continue
        for assignment in assignments:
            if not assignment.path.startswith(course.path):
                continue
            threshold = required_score(assignment, course)
            found = scores.get((enrolment.pk, assignment.pk))
            percent = percent_of(found[0], found[1]) if found and found[0] is not None else None
            values = {"title": assignment.display_title, "score": threshold}
            if found is None:
                label = _("%(title)s: at least %(score)s points (not submitted yet)") % values
            elif percent is None:
                label = _("%(title)s: at least %(score)s points (submitted, awaiting grading)") % values
            else:
                label = _("%(title)s: at least %(score)s points (now %(current)s)") % {
                    **values,
                    "current": _format(percent),
                }
            result[enrolment.pk].append(
                Requirement(
                    key=f"assignment:{assignment.pk}",
                    label=label,
                    met=passes(assignment, course=course, score=percent),
                )
            )
    return result


def funded_assignment_scores(enrolments: list[Enrolment]) -> dict[int, Decimal | None]:
    """Each enrolment's 과제 score out of 100 for the weighted 수료기준 of funded runs
    (``funded.register_assignment_score_source``): the mean of the course's required, live
    assignments, each converted to 100 points, one not submitted or not graded yet counting 0;
    None when the trainee submitted none of them (the panel then says 과제 미제출). Two queries."""
    result: dict[int, Decimal | None] = dict.fromkeys((e.pk for e in enrolments), None)
    if not enrolments:
        return result
    courses = {e.run.course.pk: e.run.course for e in enrolments}
    pages = list(AssignmentPage.objects.live().filter(under_paths([c.path for c in courses.values()]), required=True))
    if not pages:
        return result
    scores = assignment_scores_for(enrolments)
    for enrolment in enrolments:
        course = enrolment.run.course
        own = [p for p in pages if p.path.startswith(course.path)]
        found = [scores.get((enrolment.pk, p.pk)) for p in own]
        if not own or all(item is None for item in found):
            continue
        percents = [percent_of(item[0], item[1]) if item and item[0] is not None else Decimal("0") for item in found]
        result[enrolment.pk] = (sum(percents, Decimal("0")) / len(percents)).quantize(CENT, rounding=ROUND_HALF_UP)
    return result


def user_may_read_submission(*, user, submission: AssignmentSubmission) -> bool:
    """The submitting trainee, and the staff of the institute that owns the course (its policy)."""
    if not user.is_authenticated:
        return False
    if submission.user_id == user.pk:
        return True
    return policy_for(AssignmentSubmission).user_has_permission_for_instance(user, "view", submission)


def assignments_for_staff(user):
    """Assignments (live or not) of the courses of the institutes the user works for."""
    assignments = AssignmentPage.objects.all()
    if not user.is_superuser:
        assignments = assignments.filter(under_paths([course.path for course in staff_courses(user)]))
    return assignments.order_by("path")


@dataclass(frozen=True)
class SubmissionRow:
    """A trainee of a run on the grading list: their submission (or None) and its files."""

    enrolment: Enrolment
    submission: AssignmentSubmission | None
    file_count: int

    @property
    def state_label(self) -> str:
        return self.submission.get_state_display() if self.submission else _("Not submitted")


def run_submission_rows(*, run, assignment: AssignmentPage) -> list[SubmissionRow]:
    """Every trainee of the run who studies (active or completed), with their submission: three queries."""
    from django.db.models import Count

    enrolments = list(
        Enrolment.objects.filter(run=run, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED])
        .select_related("user")
        .order_by("user__name_ko", "pk")
    )
    submissions = {
        s.enrolment_id: s
        for s in AssignmentSubmission.objects.filter(assignment=assignment, enrolment__in=enrolments).annotate(
            file_count=Count("files")
        )
    }
    order = {
        AssignmentSubmission.State.SUBMITTED: 0,
        AssignmentSubmission.State.GRADED: 1,
        AssignmentSubmission.State.DRAFT: 2,
    }
    rows = [
        SubmissionRow(
            enrolment=e,
            submission=submissions.get(e.pk),
            file_count=getattr(submissions.get(e.pk), "file_count", 0),
        )
        for e in enrolments
    ]
    # Waiting for a grade first (oldest first), then graded, drafts, nothing.
    return sorted(
        rows,
        key=lambda r: (
            order.get(r.submission.state, 3) if r.submission else 3,
            (r.submission.submitted_at or r.submission.saved_at).timestamp() if r.submission else 0,
        ),
    )


def gradebook_assignment_cells(*, course, enrolments: list[Enrolment]) -> dict:
    """The gradebook's assignment columns (live assignments of the course, in syllabus order) and,
    per enrolment id, one cell each: the score converted to 100 points (as quiz scores are), the
    pass rule's answer, and whether a submission awaits grading. Two queries."""
    pages = list(AssignmentPage.objects.live().descendant_of(course).order_by("path"))
    submissions = {
        (s.assignment_id, s.enrolment_id): s
        for s in AssignmentSubmission.objects.filter(assignment__in=pages, enrolment__in=enrolments)
    }
    cells: dict[int, list[dict]] = {}
    for enrolment in enrolments:
        cells[enrolment.pk] = []
        for page in pages:
            submission = submissions.get((page.pk, enrolment.pk))
            graded = submission is not None and submission.is_graded
            percent = percent_of(submission.score, page.max_score) if graded else None
            cells[enrolment.pk].append(
                {
                    "score": percent,
                    "passed": passes(page, course=course, score=percent) if graded else None,
                    "attempts": 1 if submission and submission.submitted_at else 0,
                    "in_progress": False,
                    "awaiting_grading": submission is not None
                    and submission.state == AssignmentSubmission.State.SUBMITTED,
                }
            )
    return {"assignments": pages, "cells": cells}


def submissions_to_grade(user):
    """(assignment, run) pairs of the user's institutes with submissions awaiting a grade: dicts of
    ``assignment_id``, ``run_id``, ``waiting`` and ``oldest`` (submitted), oldest first."""
    from django.db.models import Count, Min

    return (
        policy_for(AssignmentSubmission)
        .instances_user_has_permission_for(user, "change")
        .awaiting_grading()
        .values("assignment_id", run_id=models.F("enrolment__run_id"))
        .annotate(waiting=Count("pk"), oldest=Min("submitted_at"))
        .order_by("oldest", "assignment_id", "run_id")
    )


# --------------------------------------------------------------------------------------------
# The trainee's page (presenter)
# --------------------------------------------------------------------------------------------


def d_day(due_at: datetime | None, now: datetime | None = None) -> str:
    """``D-3``, ``D-day``, ``D+2``: Korean calendar days (Asia/Seoul) between today and the due date."""
    if due_at is None:
        return ""
    days = (timezone.localdate(due_at) - timezone.localdate(now or timezone.now())).days
    if days == 0:
        return "D-day"
    return f"D-{days}" if days > 0 else f"D+{-days}"


def change_refusal(
    *, assignment: AssignmentPage, submission: AssignmentSubmission | None, enrolment=None, now=None
) -> str:
    """Why the trainee cannot change their submission now, or ``""`` when they can.

    In a funded run the 과제 gate applies first (``funded.gate_refusal``: it opens at 80 % progress,
    and nothing changes once the training period's inputs are frozen, even after a reopening)."""
    if enrolment is not None:
        gate = funded.gate_refusal(enrolment=enrolment, kind=funded.ASSIGNMENT, now=now)
        if gate:
            return gate
    if submission is not None and submission.state == AssignmentSubmission.State.GRADED:
        return _("Your submission has been graded; it can no longer change.")
    if submission is not None and submission.state == AssignmentSubmission.State.SUBMITTED:
        return _("Your submission was submitted for grading; it can no longer change.")
    reopened = submission is not None and submission.reopened_at is not None
    if assignment.is_past_due(now) and not reopened:
        return _("The due date has passed: submissions can no longer change.")
    return ""


@dataclass(frozen=True)
class CriterionResult:
    criterion: AssignmentCriterion
    points: Decimal | None


def assignment_page_context(*, assignment: AssignmentPage, user, form=None, now=None) -> dict:
    """The assignment page of one trainee (or a staff member, who has no submission)."""
    from .assignment_forms import SubmissionForm

    now = now or timezone.now()
    course = assignment.course
    enrolment = studying_enrolment(user=user, course=course)
    submission = None
    files: list[SubmissionFile] = []
    if enrolment is not None:
        submission = AssignmentSubmission.objects.filter(assignment=assignment, enrolment=enrolment).first()
        if submission is not None:
            files = list(submission.files.all())
    criteria = list(assignment.criteria.all())
    refusal = (
        change_refusal(assignment=assignment, submission=submission, enrolment=enrolment, now=now) if enrolment else ""
    )
    may_change = enrolment is not None and not refusal
    if may_change and form is None:
        form = SubmissionForm(
            assignment=assignment, existing_files=files, initial={"text": submission.text if submission else ""}
        )
    graded = submission is not None and submission.is_graded
    shown_feedback = submission is not None and submission.graded_at is not None  # kept when reopened
    results = []
    if shown_feedback and criteria:
        results = [
            CriterionResult(
                criterion=c,
                points=Decimal(submission.criterion_scores[str(c.pk)])
                if str(c.pk) in submission.criterion_scores
                else None,
            )
            for c in criteria
        ]
    percent = submission.percent if graded else None
    return {
        "enrolment": enrolment,
        "submission": submission,
        "submission_files": files,
        "submission_form": form if may_change else None,
        "change_refusal": refusal,
        "criteria": criteria,
        "criterion_results": results,
        "d_day": d_day(assignment.due_at, now),
        "is_past_due": assignment.is_past_due(now),
        "graded": graded,
        "show_feedback": shown_feedback,
        "percent": percent,
        "required_score": required_score(assignment, course),
        "passes": graded and passes(assignment, course=course, score=percent),
    }


# --------------------------------------------------------------------------------------------
# Writes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _CheckedUpload:
    upload: object
    name: str
    size: int
    sha256: str


def _check_uploads(assignment: AssignmentPage, uploads) -> list[_CheckedUpload]:
    """Every uploaded file checked (size, type by name and content), its SHA-256 computed."""
    checked = []
    for upload in uploads:
        name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200] or "file"
        if not upload.size:
            raise AssessmentError(_("%(name)s is empty.") % {"name": name})
        if upload.size > assignment.max_file_bytes:
            raise AssessmentError(
                _("%(name)s is larger than %(mb)s MB.") % {"name": name, "mb": assignment.max_file_mb}
            )
        upload.seek(0)
        head = upload.read(HEAD_BYTES)
        try:
            check_file_kind(name, head, allowed=assignment.extensions)
        except UploadError as error:
            raise AssessmentError(str(error)) from None
        digest = hashlib.sha256()
        size = 0
        upload.seek(0)
        for chunk in upload.chunks():
            digest.update(chunk)
            size += len(chunk)
        if size > assignment.max_file_bytes:  # the announced size was wrong
            raise AssessmentError(
                _("%(name)s is larger than %(mb)s MB.") % {"name": name, "mb": assignment.max_file_mb}
            )
        upload.seek(0)
        checked.append(_CheckedUpload(upload=upload, name=name, size=size, sha256=digest.hexdigest()))
    return checked


def stored_file_forget(*, instance: SubmissionFile, **_kwargs) -> None:
    """Delete a submission file's stored copy once the deletion of its row commits (never before:
    a rollback keeps both). Connected to ``post_delete`` of ``SubmissionFile`` (``apps.py``), because
    rows go in more ways than a service sees: a file removed from a draft, and every cascade: an
    assignment page deleted in the Wagtail admin, a submission, an enrolment or an account deleted."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def submission_save(
    *,
    assignment: AssignmentPage,
    user,
    text: str | None = None,
    uploads=(),
    remove: list[str] = (),
    submit: bool = False,
    now=None,
) -> AssignmentSubmission:
    """Save the trainee's draft (text, new files, files to remove) and, with ``submit``, submit it.

    Everything is checked before anything is written; a refusal raises ``AssessmentError`` and
    leaves the submission and the storage as they were. ``text`` None keeps the saved text.
    """
    now = now or timezone.now()
    stored: list[str] = []
    try:
        with transaction.atomic():
            submission = _save(
                assignment=assignment,
                user=user,
                text=text,
                uploads=uploads,
                remove=list(remove),
                submit=submit,
                now=now,
                stored=stored,
            )
    except Exception:
        for name in stored:  # files written before the transaction failed
            default_storage.delete(name)
        raise
    return submission


def _save(*, assignment, user, text, uploads, remove, submit, now, stored: list[str]) -> AssignmentSubmission:
    enrolment = studying_enrolment(user=user, course=assignment.course)
    if enrolment is None:
        raise AssessmentError(_("Enrol in this course to take its assessments."))
    # The enrolment's row serialises two requests of the same trainee (two tabs, a double click).
    Enrolment.objects.select_for_update().only("pk").get(pk=enrolment.pk)
    submission = AssignmentSubmission.objects.filter(assignment=assignment, enrolment=enrolment).first()
    refusal = change_refusal(assignment=assignment, submission=submission, enrolment=enrolment, now=now)
    if refusal:
        raise AssessmentError(refusal)
    files = list(submission.files.all()) if submission else []
    if text is not None and not assignment.accepts_text:
        text = None
    if (uploads or remove) and not assignment.accepts_files:
        raise AssessmentError(_("This assignment takes no files."))
    known = {str(f.public_id): f for f in files}
    if any(key not in known for key in remove):
        raise AssessmentError(_("That file is not part of your submission."))
    checked = _check_uploads(assignment, uploads)
    kept = [f for f in files if str(f.public_id) not in set(remove)]
    if len(kept) + len(checked) > assignment.max_files:
        raise AssessmentError(
            _("At most %(n)s files may be submitted; remove one before adding another.") % {"n": assignment.max_files}
        )
    new_text = (text if text is not None else (submission.text if submission else "")).strip()
    if submit:
        has_text, has_files = bool(new_text), bool(kept or checked)
        if assignment.submission_type == "text" and not has_text:
            raise AssessmentError(_("Write your answer before submitting."))
        if assignment.submission_type == "files" and not has_files:
            raise AssessmentError(_("Add at least one file before submitting."))
        if not (has_text or has_files):
            raise AssessmentError(_("Write your answer or add a file before submitting."))
    if submission is None:
        submission = AssignmentSubmission(
            assignment=assignment, enrolment=enrolment, user=user, created_at=now, saved_at=now
        )
    submission.text = new_text
    submission.saved_at = now
    if submit:
        submission.state = AssignmentSubmission.State.SUBMITTED
        submission.submitted_at = now
    submission.save()
    if submit:  # 모사답안: compare with the course's other trainees once this is committed
        from .tasks import similarity_check_submission_task

        transaction.on_commit(lambda pk=submission.pk: similarity_check_submission_task.delay(pk))
        events.emit("assessment_submitted", enrolment=enrolment, kind="assignment", obj=submission, now=now)
    for old in [known[key] for key in remove]:
        old.delete()  # its stored file goes once this commits (``stored_file_forget``)
    for item in checked:
        row = SubmissionFile(
            submission=submission, original_name=item.name, size=item.size, sha256=item.sha256, uploaded_at=now
        )
        row.file.save(item.name, item.upload, save=False)
        stored.append(row.file.name)
        row.save()
    return submission


@transaction.atomic
def submission_grade(
    *,
    submission: AssignmentSubmission,
    actor,
    score: Decimal | None = None,
    criterion_scores: dict[int, Decimal] | None = None,
    feedback: str = "",
    now=None,
) -> AssignmentSubmission:
    """채점 and 첨삭: one score per rubric criterion (the total is their sum) or, without a rubric,
    one score; each within 0 and its maximum. Records the grader and the time; completion is
    evaluated at once. Grading again replaces the grade."""
    now = now or timezone.now()
    submission = (
        AssignmentSubmission.objects.select_for_update(of=("self",)).select_related("assignment").get(pk=submission.pk)
    )
    assignment = submission.assignment
    if not policy_for(AssignmentSubmission).user_has_permission_for_instance(actor, "change", submission):
        raise AssessmentError(_("Only the staff of the course's institute grade its answers."))
    if submission.state not in (AssignmentSubmission.State.SUBMITTED, AssignmentSubmission.State.GRADED):
        raise AssessmentError(_("Only a submitted assignment can be graded."))
    if submission.is_copied_answer == "Y":
        raise AssessmentError(_("This answer was judged a copied answer (모사답안): its score stays 0."))
    criteria = list(assignment.criteria.all())
    if criteria:
        given = criterion_scores or {}
        if set(given) != {c.pk for c in criteria}:
            raise AssessmentError(_("Give a score for every criterion of the rubric."))
        for criterion in criteria:
            value = Decimal(given[criterion.pk])
            if not 0 <= value <= criterion.points:
                raise AssessmentError(
                    _("%(criterion)s: give between 0 and %(max)s points.")
                    % {"criterion": criterion.display_title, "max": criterion.points}
                )
        stored = {str(c.pk): str(Decimal(given[c.pk]).quantize(CENT)) for c in criteria}
        total = sum((Decimal(v) for v in stored.values()), Decimal("0"))
    else:
        if score is None:
            raise AssessmentError(_("Give a score."))
        total = Decimal(score).quantize(CENT)
        stored = {}
    if not 0 <= total <= assignment.max_score:
        raise AssessmentError(_("Give a score between 0 and %(max)s.") % {"max": assignment.max_score})
    previous = submission.score if submission.state == AssignmentSubmission.State.GRADED else None
    submission.state = AssignmentSubmission.State.GRADED
    submission.score = total
    submission.criterion_scores = stored
    submission.feedback = feedback.strip()
    submission.graded_by = actor
    submission.graded_at = now
    submission.save(update_fields=["state", "score", "criterion_scores", "feedback", "graded_by", "graded_at"])
    audit_record(
        action="assessments.submission_graded",
        actor=actor,
        subject_user=Enrolment.objects.values_list("user_id", flat=True).get(pk=submission.enrolment_id),
        obj=submission,
        data={"enrolment": submission.enrolment_id, "score": total, "previous_score": previous},
    )
    events.emit(
        "assessment_scored", enrolment=Enrolment(pk=submission.enrolment_id), kind="assignment", obj=submission, now=now
    )
    enrolment_evaluate_completion(enrolment=Enrolment(pk=submission.enrolment_id), now=now)
    return submission


@transaction.atomic
def submissions_mark_copied(
    *, submissions: list[AssignmentSubmission], flag: str, actor, reason: str, now=None
) -> None:
    """모사답안 decision on submissions: ``flag`` Y grades each 0 (the reason as its 첨삭) and
    re-evaluates completion; every submission records ``is_copied_answer`` (Y wins over N)."""
    now = now or timezone.now()
    for submission in sorted(submissions, key=lambda s: s.pk):
        submission = AssignmentSubmission.objects.select_for_update().get(pk=submission.pk)
        if flag == "Y":
            submission.state = AssignmentSubmission.State.GRADED
            submission.score = Decimal("0.00")
            submission.criterion_scores = {key: "0.00" for key in submission.criterion_scores}
            submission.feedback = _("Judged a copied answer (모사답안): %(reason)s") % {"reason": reason}
            submission.graded_by, submission.graded_at = actor, now
        elif submission.is_copied_answer != "X":
            continue
        submission.is_copied_answer = flag
        submission.save()
        events.emit(
            "assessment_scored",
            enrolment=Enrolment(pk=submission.enrolment_id),
            kind="assignment",
            obj=submission,
            now=now,
        )
        enrolment_evaluate_completion(enrolment=Enrolment(pk=submission.enrolment_id), now=now)


#: The longest reason of a reopening.
REOPEN_REASON_MAX = 2000


@transaction.atomic
def submission_reopen(*, submission: AssignmentSubmission, actor, reason: str, now=None) -> AssignmentSubmission:
    """Give a submitted (or graded) submission back to the trainee as a draft, to change and submit
    again, even after the due date. A reason is required; a ``SubmissionReopening`` keeps who, when,
    why and the state and score before, and the institute's log records it. The last grade's 첨삭
    stays readable; the grade no longer counts until the new submission is graded."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise AssessmentError(_("Give the reason for reopening the submission."))
    if len(reason) > REOPEN_REASON_MAX:
        raise AssessmentError(_("The reason is too long (at most %(n)s characters).") % {"n": REOPEN_REASON_MAX})
    submission = AssignmentSubmission.objects.select_for_update().get(pk=submission.pk)
    if not policy_for(AssignmentSubmission).user_has_permission_for_instance(actor, "change", submission):
        raise AssessmentError(_("Only the staff of the course's institute reopen its submissions."))
    if submission.state == AssignmentSubmission.State.DRAFT:
        raise AssessmentError(_("This submission is a draft already."))
    if submission.is_copied_answer == "Y":
        # A 모사 ruling is final (0 points, regrading refused): a resubmission could never be graded.
        raise AssessmentError(_("This submission was judged a copied answer; it cannot be reopened."))
    reopening = SubmissionReopening.objects.create(
        submission=submission,
        reopened_by=actor,
        reopened_at=now,
        reason=reason,
        from_state=submission.state,
        # the grade that stops counting; a resubmission awaiting grading still carries the old one
        from_score=submission.score if submission.state == AssignmentSubmission.State.GRADED else None,
    )
    submission.state = AssignmentSubmission.State.DRAFT
    submission.reopened_at = now
    submission.reopened_by = actor
    submission.save(update_fields=["state", "reopened_at", "reopened_by"])
    # the grade stops counting: the 공단 reports follow
    events.emit(
        "assessment_scored", enrolment=Enrolment(pk=submission.enrolment_id), kind="assignment", obj=submission, now=now
    )
    log(
        instance=submission,
        action="assessments.submission_reopen",
        user=actor,
        data={"reopening": reopening.pk, "from_state": reopening.from_state, "reason": reason},
    )
    audit_record(
        action="assessments.submission_reopened",
        actor=actor,
        subject_user=Enrolment.objects.values_list("user_id", flat=True).get(pk=submission.enrolment_id),
        obj=submission,
        reason=reason,
        data={
            "enrolment": submission.enrolment_id,
            "from_state": reopening.from_state,
            "from_score": reopening.from_score,
        },
    )
    return submission
