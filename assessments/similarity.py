"""모사답안 (copied answers, DOMAIN-KR §1.6): gathering what trainees wrote, queueing the pairs the
engine (``common.similarity``) finds at least ``ACADEMY_SIMILARITY_THRESHOLD`` alike, and the
instructor's decision.

- Funded runs only (the rules of DOMAIN-KR §1 govern those). A course's trainees are compared per
  item across every funded run of the course (the same report handed in again in the next 차수).
- Text quoted from the course does not count (DOMAIN-KR §1.6 적용기준 1): ``course_content`` gathers
  the course's own text (course overview, lesson bodies, quiz instructions, the questions of its
  quizzes with their answer templates, assignment instructions; Korean and English), and the
  engine cuts every run of ``engine.CONTENT_NGRAM`` normalised characters found there out of both
  answers before scoring (see ``common.similarity``). The evidence records the share cut
  (``quoted``) for the reviewer.
- Sources: each kind of item (essay answers, assignments) is a :class:`Source` registered in
  ``_sources``; a source lists a course's items with each trainee's submission and knows how to set
  a submission's score to 0. Adding a source is one class.
- ``similarity_check`` is idempotent: the unique (item, pair) constraint means the same pair is
  never queued twice for the same item, whoever runs the check (after a submission, nightly).
- ``similarity_case_decide``: 모사 sets the item's score of both trainees to 0 (through the scoring
  services, so totals and completion follow) and marks their scores ``is_copied_answer=Y``;
  아님 marks them N. Both need a reason and are logged.
- ``similarity_requirements`` (a completion requirement provider): a trainee judged 모사 has the
  unmet requirement "모사답안 판정 …" naming the items (both trainees see it, and the reason on the
  item). While a case waits for the instructors, the trainee is told nothing about it: a pair the
  check queued on its own is a suspicion, not a finding, and may be dismissed. Completion is held
  all the same (a certificate issued now might have to be revoked), under the neutral line
  "평가 결과 확인 중", which is true of every answer an instructor still has to look at and names
  neither the item nor 모사.
"""

from __future__ import annotations

import itertools
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from common import similarity as engine
from courses.completion import Requirement
from courses.models import CoursePage, CourseRun, Enrolment
from courses.permissions import policy_for, under_paths
from ops.audit import audit_record

from .models import (
    Attempt,
    AttemptAnswer,
    CopiedAnswer,
    QuestionType,
    QuizPage,
    SimilarityCase,
    SimilarityItemKind,
)

REASON_MAX = 2000


class SimilarityError(Exception):
    """A decision the rules refuse; the message is translated and meant for the user."""


def threshold() -> Decimal:
    return Decimal(str(settings.ACADEMY_SIMILARITY_THRESHOLD))


# --------------------------------------------------------------------------------------------
# What is compared
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    """One trainee's submission to one item: the row it is (``object_id``), its text and files."""

    enrolment_id: int
    user_id: int
    object_id: int
    text: str = ""
    files: tuple[engine.FileFingerprint, ...] = ()
    #: For a total over several items: the text per item (compared on the items both answered).
    parts: tuple[tuple[int, str], ...] = ()
    #: Multiple choice: the questions answered, and the wrong ones with the choices picked.
    answered: frozenset[int] = frozenset()
    wrong: tuple[tuple[int, tuple[int, ...]], ...] = ()


@dataclass
class Item:
    kind: str
    key: str
    label: str
    submissions: list[Submission] = field(default_factory=list)
    #: Multiple choice: per (question, wrong choices picked), how many of the cohort picked them;
    #: per question, how many answered it.
    picked: dict = field(default_factory=dict)
    answered: dict = field(default_factory=dict)


class Source(ABC):
    """A kind of item the check compares (an interface: each source answers the three questions below)."""

    kind: str = ""

    @abstractmethod
    def items(self, *, course: CoursePage, runs: list[CourseRun]) -> list[Item]:
        """The items of the course's funded runs, each with every trainee's submission."""

    @abstractmethod
    def texts(self, object_ids: list[int]) -> dict[int, str]:
        """What each row says, for the reviewer's side-by-side view."""

    @abstractmethod
    def mark_copied(self, *, object_ids: list[int], flag: str, actor, reason: str, now) -> None:
        """Record ``flag`` (``CopiedAnswer``) on the scores of these rows; for Y, set their score to 0."""


def _closed_essay_answers(course: CoursePage, runs: list[CourseRun]):
    return (
        AttemptAnswer.objects.filter(
            attempt__enrolment__run__in=runs,
            attempt__quiz__in=QuizPage.objects.filter(under_paths([course.path])),
            attempt__state__in=[Attempt.State.SUBMITTED, Attempt.State.TIMED_OUT],
            question__type=QuestionType.ESSAY,
            question__similarity_exempt=False,
            response__isnull=False,
        )
        .select_related("attempt", "question")
        .order_by("attempt__enrolment_id", "attempt__number", "pk")
    )


class EssaySource(Source):
    """서술형: each essay question is an item (``AttemptAnswer`` rows); exempt questions are skipped."""

    kind = SimilarityItemKind.ESSAY

    def items(self, *, course, runs):
        items: dict[int, Item] = {}
        for answer in _closed_essay_answers(course, runs):
            text = _as_text(answer.response, answer.question.response_template)
            item = items.setdefault(
                answer.question_id,
                Item(kind=self.kind, key=f"question:{answer.question_id}", label=_short(answer.question.text)),
            )
            item.submissions.append(
                Submission(
                    enrolment_id=answer.attempt.enrolment_id,
                    user_id=answer.attempt.user_id,
                    object_id=answer.pk,
                    text=text,
                )
            )
        return list(items.values())

    def texts(self, object_ids):
        return {a.pk: _as_text(a.response) for a in AttemptAnswer.objects.filter(pk__in=object_ids)}

    def mark_copied(self, *, object_ids, flag, actor, reason, now):
        from .services import essay_answers_mark_copied

        essay_answers_mark_copied(
            answers=list(AttemptAnswer.objects.filter(pk__in=object_ids)),
            flag=flag,
            actor=actor,
            reason=reason,
            now=now,
        )


class EssayTotalSource(Source):
    """The essays of one quiz attempt taken together (the "overall" 90 %): an item per quiz with at
    least two essay questions; each submission is an ``Attempt``."""

    kind = SimilarityItemKind.ESSAY_TOTAL

    def items(self, *, course, runs):
        attempts: dict[int, dict] = {}
        for answer in _closed_essay_answers(course, runs):
            text = _as_text(answer.response, answer.question.response_template)
            entry = attempts.setdefault(answer.attempt_id, {"attempt": answer.attempt, "parts": []})
            entry["parts"].append((answer.question_id, text))
        quizzes = {q.pk: q for q in QuizPage.objects.filter(pk__in={e["attempt"].quiz_id for e in attempts.values()})}
        items: dict[int, Item] = {}
        for entry in attempts.values():
            attempt = entry["attempt"]
            if len(entry["parts"]) < 2:
                continue  # one essay: the per-question item says it all
            item = items.setdefault(
                attempt.quiz_id,
                Item(
                    kind=self.kind,
                    key=f"quiz:{attempt.quiz_id}",
                    label=_("%(quiz)s: all essay answers") % {"quiz": quizzes[attempt.quiz_id].title},
                ),
            )
            item.submissions.append(
                Submission(
                    enrolment_id=attempt.enrolment_id,
                    user_id=attempt.user_id,
                    object_id=attempt.pk,
                    parts=tuple(sorted(entry["parts"])),
                )
            )
        return list(items.values())

    def texts(self, object_ids):
        result: dict[int, list[str]] = {pk: [] for pk in object_ids}
        answers = AttemptAnswer.objects.filter(
            attempt_id__in=object_ids, question__type=QuestionType.ESSAY, question__similarity_exempt=False
        ).order_by("question_id")
        for answer in answers:
            result[answer.attempt_id].append(_as_text(answer.response))
        return {pk: "\n\n".join(parts) for pk, parts in result.items()}

    def mark_copied(self, *, object_ids, flag, actor, reason, now):
        from .services import essay_answers_mark_copied

        answers = AttemptAnswer.objects.filter(
            attempt_id__in=object_ids, question__type=QuestionType.ESSAY, question__similarity_exempt=False
        )
        essay_answers_mark_copied(answers=list(answers), flag=flag, actor=actor, reason=reason, now=now)


class ChoicesSource(Source):
    """Shared rare wrong answers in single- and multiple-choice questions (DOMAIN-KR criterion 3):
    an item per quiz, each closed attempt a submission, scored by ``engine.rare_wrong_choice_score``
    with the cohort being every closed attempt at the quiz in the course's funded runs."""

    kind = SimilarityItemKind.CHOICES

    def items(self, *, course, runs):
        answers = (
            AttemptAnswer.objects.filter(
                attempt__enrolment__run__in=runs,
                attempt__quiz__in=QuizPage.objects.filter(under_paths([course.path])),
                attempt__state__in=[Attempt.State.SUBMITTED, Attempt.State.TIMED_OUT],
                question__type__in=[QuestionType.SINGLE, QuestionType.MULTIPLE],
                question__similarity_exempt=False,
                response__isnull=False,
            )
            .select_related("attempt")
            .order_by("attempt_id", "question_id")
        )
        attempts: dict[int, dict] = {}
        for answer in answers:
            entry = attempts.setdefault(answer.attempt_id, {"attempt": answer.attempt, "answered": set(), "wrong": []})
            entry["answered"].add(answer.question_id)
            if answer.fraction is not None and answer.fraction < 1 and isinstance(answer.response, list):
                entry["wrong"].append((answer.question_id, tuple(sorted(answer.response))))
        items: dict[int, Item] = {}
        for entry in attempts.values():
            attempt = entry["attempt"]
            item = items.setdefault(attempt.quiz_id, Item(kind=self.kind, key=f"choices:{attempt.quiz_id}", label=""))
            for question_id in entry["answered"]:
                item.answered[question_id] = item.answered.get(question_id, 0) + 1
            for wrong in entry["wrong"]:
                item.picked[wrong] = item.picked.get(wrong, 0) + 1
            item.submissions.append(
                Submission(
                    enrolment_id=attempt.enrolment_id,
                    user_id=attempt.user_id,
                    object_id=attempt.pk,
                    answered=frozenset(entry["answered"]),
                    wrong=tuple(entry["wrong"]),
                )
            )
        titles = dict(QuizPage.objects.filter(pk__in=list(items)).values_list("pk", "title"))
        for quiz_id, item in items.items():
            item.label = _("%(quiz)s: shared wrong choices") % {"quiz": titles.get(quiz_id, "")}
        return list(items.values())

    def texts(self, object_ids):
        from .models import Choice

        result: dict[int, list[str]] = {pk: [] for pk in object_ids}
        answers = list(
            AttemptAnswer.objects.filter(
                attempt_id__in=object_ids,
                question__type__in=[QuestionType.SINGLE, QuestionType.MULTIPLE],
                fraction__lt=1,
            )
            .select_related("question")
            .order_by("question_id")
        )
        ids = {i for a in answers if isinstance(a.response, list) for i in a.response}
        names = dict(Choice.objects.filter(pk__in=ids).values_list("pk", "text"))
        for answer in answers:
            picked = ", ".join(names.get(i, "?") for i in (answer.response or []))
            result[answer.attempt_id].append(f"{_short(answer.question.text, 60)} → {picked}")
        return {pk: "\n".join(lines) for pk, lines in result.items()}

    def mark_copied(self, *, object_ids, flag, actor, reason, now):
        from .services import essay_answers_mark_copied

        answers = AttemptAnswer.objects.filter(attempt_id__in=object_ids)
        essay_answers_mark_copied(answers=list(answers), flag=flag, actor=actor, reason=reason, now=now)


class AssignmentSource(Source):
    """과제: each assignment is an item; a submission is compared by its text and by its files
    (identical SHA-256 and size flag at once). Exempt assignments are skipped."""

    kind = SimilarityItemKind.ASSIGNMENT

    def items(self, *, course, runs):
        from .models import AssignmentPage, AssignmentSubmission

        pages = AssignmentPage.objects.filter(under_paths([course.path]), similarity_exempt=False)
        submissions = (
            AssignmentSubmission.objects.filter(
                enrolment__run__in=runs,
                assignment__in=pages,
                state__in=[AssignmentSubmission.State.SUBMITTED, AssignmentSubmission.State.GRADED],
            )
            .select_related("assignment")
            .prefetch_related("files")
            .order_by("enrolment_id", "pk")
        )
        items: dict[int, Item] = {}
        for submission in submissions:
            item = items.setdefault(
                submission.assignment_id,
                Item(kind=self.kind, key=f"assignment:{submission.assignment_id}", label=submission.assignment.title),
            )
            item.submissions.append(
                Submission(
                    enrolment_id=submission.enrolment_id,
                    user_id=submission.user_id,
                    object_id=submission.pk,
                    text=submission.text,
                    files=tuple(
                        engine.FileFingerprint(sha256=f.sha256, size=f.size, name=f.original_name)
                        for f in submission.files.all()
                    ),
                )
            )
        return list(items.values())

    def texts(self, object_ids):
        from .models import AssignmentSubmission

        result = {}
        for submission in AssignmentSubmission.objects.filter(pk__in=object_ids).prefetch_related("files"):
            names = [f"📎 {f.original_name} ({f.size} B, {f.sha256[:12]}…)" for f in submission.files.all()]
            result[submission.pk] = "\n".join([submission.text, *names]).strip()
        return result

    def mark_copied(self, *, object_ids, flag, actor, reason, now):
        from .assignments import submissions_mark_copied
        from .models import AssignmentSubmission

        submissions_mark_copied(
            submissions=list(AssignmentSubmission.objects.filter(pk__in=object_ids)),
            flag=flag,
            actor=actor,
            reason=reason,
            now=now,
        )


_sources: dict[str, Source] = {}


def register_source(source: Source) -> None:
    _sources[source.kind] = source


register_source(EssaySource())
register_source(EssayTotalSource())
register_source(ChoicesSource())
register_source(AssignmentSource())


def _as_text(response, template: str = "") -> str:
    """An essay answer without the lines of the answer template it started from (given text is
    not the trainee's: two answers sharing only the template are not alike)."""
    text = response if isinstance(response, str) else ""
    given = {line.strip() for line in (template or "").splitlines() if line.strip()}
    if given:
        text = "\n".join(line for line in text.splitlines() if line.strip() not in given)
    return text


def case_texts(case: SimilarityCase) -> tuple[str, str]:
    """Both sides of a case, as the reviewer reads them."""
    texts = _sources[case.kind].texts([case.object_a, case.object_b])
    return texts.get(case.object_a, ""), texts.get(case.object_b, "")


def _short(text: str, length: int = 120) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"


# --------------------------------------------------------------------------------------------
# The check
# --------------------------------------------------------------------------------------------


def course_content(course: CoursePage) -> frozenset[str]:
    """The course's own text as the engine's windows (``engine.content_ngrams``): what trainees may
    quote from the course without it counting as alike. A fixed number of queries."""
    from courses.models import LessonPage

    from .models import AssignmentPage, Question, QuizQuestion

    def streams(page, *names):
        for name in names:
            field_ = page._meta.get_field(name)
            yield from field_.get_searchable_content(getattr(page, name))

    texts: list[str] = [*streams(course, "overview", "overview_en")]
    for lesson in LessonPage.objects.filter(under_paths([course.path])):
        texts.extend(streams(lesson, "body", "body_en"))
    for assignment in AssignmentPage.objects.filter(under_paths([course.path])):
        texts.extend(strip_tags(html) for html in (assignment.instructions, assignment.instructions_en))
    quizzes = QuizPage.objects.filter(under_paths([course.path]))
    texts.extend(quizzes.values_list("intro", flat=True))
    questions = Question.objects.filter(
        Q(pk__in=QuizQuestion.objects.filter(quiz__in=quizzes).values("question_id"))
        | Q(bank__in=quizzes.exclude(draw_bank=None).values("draw_bank"))
    ).distinct()
    for text, template in questions.values_list("text", "response_template"):
        texts.extend((text, template))
    return engine.content_ngrams(texts)


def compare(
    a: Submission, b: Submission, item: Item | None = None, *, content: frozenset[str] = frozenset()
) -> tuple[float, dict] | None:
    """The similarity of two submissions and its evidence, or None when there is nothing to compare.
    ``content``: the course's text (``course_content``), left out of both texts."""
    if item is not None and item.kind == SimilarityItemKind.CHOICES:
        wrong_b = dict(b.wrong)
        shared = [
            (item.picked[(qid, picked)], item.answered[qid]) for qid, picked in a.wrong if wrong_b.get(qid) == picked
        ]
        wrong_questions = len({qid for qid, _p in a.wrong} | set(wrong_b))
        score = engine.rare_wrong_choice_score(shared, wrong_questions=wrong_questions)
        if not shared:
            return None
        return score, engine.Evidence(method="choices", shared_wrong=len(shared)).as_json()
    matches = engine.files_match(a.files, b.files)
    if matches:
        evidence = engine.Evidence(
            method="files",
            files=[{"a": x.name, "b": y.name, "sha256": x.sha256, "size": x.size} for x, y in matches],
        )
        return 1.0, evidence.as_json()
    if a.parts or b.parts:
        parts_b = dict(b.parts)
        shared = [(text, parts_b[key]) for key, text in a.parts if key in parts_b]
        if len(shared) < 2:
            return None
        text_a, text_b = "\n".join(x for x, _y in shared), "\n".join(y for _x, y in shared)
    else:
        text_a, text_b = a.text, b.text
    comparison = engine.compare_texts(text_a, text_b, at_least=float(threshold()), content=content)
    if comparison is None:
        return None
    evidence = engine.Evidence(method="text", jaccard=comparison.jaccard, lcs=comparison.lcs, quoted=comparison.quoted)
    return comparison.score, evidence.as_json()


def funded_runs(course: CoursePage) -> list[CourseRun]:
    return [run for run in CourseRun.objects.filter(course=course).order_by("pk") if run.is_funded]


def similarity_check(
    *, course: CoursePage, enrolment_ids: Iterable[int] | None = None, now=None
) -> list[SimilarityCase]:
    """Compare the submissions of the course's funded runs pair by pair, item by item, and queue
    each pair at or above the threshold. ``enrolment_ids``: only pairs involving these trainees
    (after one submission). Returns the cases created now (an existing pair is left as it is)."""
    now = now or timezone.now()
    runs = funded_runs(course)
    if not runs:
        return []
    only = set(enrolment_ids) if enrolment_ids is not None else None
    limit = threshold()
    enrolment_runs = dict(Enrolment.objects.filter(run__in=runs).values_list("pk", "run_id"))
    content = course_content(course)
    found: list[SimilarityCase] = []
    for source in _sources.values():
        for item in source.items(course=course, runs=runs):
            for a, b in itertools.combinations(item.submissions, 2):
                if a.user_id == b.user_id or a.enrolment_id == b.enrolment_id:
                    continue
                if only is not None and a.enrolment_id not in only and b.enrolment_id not in only:
                    continue
                result = compare(a, b, item, content=content)
                if result is None or not engine.is_flagged(result[0], limit):
                    continue
                if a.enrolment_id > b.enrolment_id:
                    a, b = b, a
                found.append(
                    SimilarityCase(
                        run_id=enrolment_runs[a.enrolment_id],
                        enrolment_a_id=a.enrolment_id,
                        enrolment_b_id=b.enrolment_id,
                        kind=item.kind,
                        item_key=item.key,
                        item_label=item.label[:300],
                        object_a=a.object_id,
                        object_b=b.object_id,
                        score=engine.rounded(result[0]),
                        evidence=result[1],
                        created_at=now,
                    )
                )
    if not found:
        return []
    existing = set(
        SimilarityCase.objects.filter(item_key__in={c.item_key for c in found}).values_list(
            "item_key", "enrolment_a_id", "enrolment_b_id"
        )
    )
    new, seen = [], set(existing)
    for case in found:
        key = (case.item_key, case.enrolment_a_id, case.enrolment_b_id)
        if key not in seen:  # a retake's second answer similar to the same trainee: one case
            seen.add(key)
            new.append(case)
    # ignore_conflicts: a check running at the same moment (nightly and after a submission) that
    # queued the same pair first wins; nothing is queued twice.
    SimilarityCase.objects.bulk_create(new, ignore_conflicts=True)
    if not new:
        return []
    keys = Q()
    for case in new:
        keys |= Q(item_key=case.item_key, enrolment_a_id=case.enrolment_a_id, enrolment_b_id=case.enrolment_b_id)
    return list(SimilarityCase.objects.filter(keys, created_at=now).order_by("pk"))


def similarity_check_attempt(*, attempt_id: int) -> list[SimilarityCase]:
    """After an attempt with essay answers closed: its trainee against the course's others."""
    attempt = Attempt.objects.select_related("enrolment__run__course").filter(pk=attempt_id).first()
    if attempt is None or not attempt.enrolment.run.is_funded:
        return []
    return similarity_check(course=attempt.enrolment.run.course, enrolment_ids=[attempt.enrolment_id])


def similarity_check_submission(*, submission_id: int) -> list[SimilarityCase]:
    """After an assignment was submitted: its trainee against the course's others."""
    from .models import AssignmentSubmission

    submission = AssignmentSubmission.objects.select_related("enrolment__run__course").filter(pk=submission_id).first()
    if submission is None or not submission.enrolment.run.is_funded:
        return []
    return similarity_check(course=submission.enrolment.run.course, enrolment_ids=[submission.enrolment_id])


def courses_to_check_nightly(*, today=None) -> list[int]:
    """Courses with a funded run that has not ended more than a month ago."""
    import datetime

    today = today or timezone.localdate()
    runs = CourseRun.objects.filter(ends_on__gte=today - datetime.timedelta(days=31)).select_related("course")
    return sorted({run.course_id for run in runs if run.is_funded})


# --------------------------------------------------------------------------------------------
# The decision
# --------------------------------------------------------------------------------------------


@transaction.atomic
def similarity_case_decide(*, case: SimilarityCase, copied: bool, reason: str, actor, now=None) -> SimilarityCase:
    """모사 / 아님 with a required reason, by a staff member of the run's institute (recorded: who,
    when, why; logged). 모사 sets the item's score of both trainees to 0 and their scores'
    ``is_copied_answer`` to Y; 아님 sets N where nothing was judged yet. A case is decided once."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise SimilarityError(_("Give the reason for the decision."))
    if len(reason) > REASON_MAX:
        raise SimilarityError(_("The reason is too long (at most %(n)s characters).") % {"n": REASON_MAX})
    case = SimilarityCase.objects.select_for_update().get(pk=case.pk)
    if not policy_for(SimilarityCase).user_has_permission_for_instance(actor, "change", case):
        raise SimilarityError(_("Only the staff of the run's institute decide copied-answer cases."))
    if not case.is_pending:
        raise SimilarityError(_("This case was decided already."))
    case.decision = SimilarityCase.Decision.COPIED if copied else SimilarityCase.Decision.NOT_COPIED
    case.reason, case.decided_by, case.decided_at = reason, actor, now
    case.save(update_fields=["decision", "reason", "decided_by", "decided_at"])
    _sources[case.kind].mark_copied(
        object_ids=[case.object_a, case.object_b],
        flag=CopiedAnswer.YES if copied else CopiedAnswer.NO,
        actor=actor,
        reason=reason,
        now=now,
    )
    log(
        instance=case,
        action="assessments.similarity_decide",
        user=actor,
        data={"decision": case.decision, "reason": reason},
    )
    subjects = dict(
        Enrolment.objects.filter(pk__in=[case.enrolment_a_id, case.enrolment_b_id]).values_list("pk", "user_id")
    )
    for enrolment_id in (case.enrolment_a_id, case.enrolment_b_id):  # one entry per trainee judged
        audit_record(
            action="assessments.copied_answer_decided",
            actor=actor,
            subject_user=subjects.get(enrolment_id),
            obj=case,
            reason=reason,
            data={"decision": case.decision, "enrolment": enrolment_id, "item": case.item_key, "score": case.score},
        )
    # Both ways: 아님 may complete a trainee the review held back; 모사 before the run's grading
    # deadline takes a completion back (and its certificate), whatever kind of item was judged.
    from courses.services import enrolment_evaluate_completion

    for enrolment_id in (case.enrolment_a_id, case.enrolment_b_id):
        enrolment_evaluate_completion(enrolment=Enrolment(pk=enrolment_id), now=now)
    return case


def copied_answer_ids(answer_ids: Iterable[int]) -> set[int]:
    """Which of these essay answers a 모사 decision set to 0 (their grade may no longer change)."""
    answer_ids = set(answer_ids)
    if not answer_ids:
        return set()
    copied = SimilarityCase.objects.copied()
    result = set()
    for a, b in copied.filter(kind=SimilarityItemKind.ESSAY).values_list("object_a", "object_b"):
        result |= {a, b} & answer_ids
    attempts = set()
    attempt_kinds = [SimilarityItemKind.ESSAY_TOTAL, SimilarityItemKind.CHOICES]
    for a, b in copied.filter(kind__in=attempt_kinds).values_list("object_a", "object_b"):
        attempts |= {a, b}
    if attempts:
        result |= set(
            AttemptAnswer.objects.filter(pk__in=answer_ids, attempt_id__in=attempts).values_list("pk", flat=True)
        )
    return result


# --------------------------------------------------------------------------------------------
# The completion panel
# --------------------------------------------------------------------------------------------


def similarity_requirements(enrolments: list[Enrolment]) -> dict[int, list[Requirement]]:
    """모사답안 판정 (unmet) for a trainee judged to have copied or been copied; while a case about
    them awaits the instructors, a neutral unmet "results being confirmed" that names neither the
    item nor 모사 (see the module docstring). One query, none when no run is funded (cases are only
    made for funded runs)."""
    ids = [e.pk for e in enrolments if e.run.is_funded]
    result: dict[int, list[Requirement]] = {}
    if not ids:
        return result
    labels: dict[int, dict[str, list[str]]] = {}
    cases = (
        SimilarityCase.objects.for_enrolments(ids)
        .exclude(decision=SimilarityCase.Decision.NOT_COPIED)
        .order_by("created_at", "pk")
    )
    for case in cases.only("enrolment_a_id", "enrolment_b_id", "decision", "item_label", "reason"):
        for enrolment_id in (case.enrolment_a_id, case.enrolment_b_id):
            if enrolment_id in ids:
                entry = labels.setdefault(enrolment_id, {"copied": [], "pending": []})
                if case.decision == SimilarityCase.Decision.COPIED:
                    entry["copied"].append(
                        _("%(item)s (reason: %(reason)s)") % {"item": case.item_label, "reason": case.reason}
                    )
                else:
                    entry["pending"].append(case.item_label)
    for enrolment_id, entry in labels.items():
        items = result.setdefault(enrolment_id, [])
        if entry["copied"]:
            items.append(
                Requirement(
                    key="copied_answer",
                    label=_("Judged a copied answer: %(items)s scored 0")
                    % {"items": ", ".join(dict.fromkeys(entry["copied"]))},
                    met=False,
                )
            )
        if entry["pending"]:
            items.append(
                Requirement(
                    key="results_being_confirmed",
                    label=_("Results being confirmed: the instructors are still reviewing your answers"),
                    met=False,
                    provisional=True,  # holds completion back, never takes one away
                )
            )
    return result
