"""The demo's funded run (사업주훈련, DOMAIN-KR §1): a 12-차시 course with a progress test, a final test
with an essay, the satisfaction survey, a required 과제 (its weight is half the total), and five
trainees at different stages.

Content lives in ``data/funded.json`` (identifiers, weights, tests, survey, the 과제, trainees) and
``data/courses/<slug>.json`` (the course and its lessons). The stages, by the trainee's ``stage``:

- ``daily_cap``: 8 차시 credited today (KST) in the study-day ledger: a 9th is refused today;
- ``below_half``: 차시 1 done, 차시 2 studied for 40 % of its 학습시간 (counts 0, 차시 3 stays closed);
- ``waiting_final``: 10 of 12 차시 at 100 % (진도율 83 %), progress test passed, survey answered: the
  final test is open to them;
- ``essay_pair``: two trainees at 100 % who submitted the final test with near-identical essays
  (for the 모사답안 review), their essays waiting for grading.

Study is recorded as the heartbeat would have left it (progress rows and ledger rows on past days
of the training period); tests and the survey go through the services with the clock (``now``) on
those days. A trainee already enrolled in the run is left alone, so a second run changes nothing.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Choice, Question, QuestionBank, QuizPage, QuizQuestion, SurveyPage
from assessments.similarity import similarity_check
from compliance.models import StudyDayLesson
from courses import services as course_services
from courses.models import CoursePage, CourseRun, Enrolment, InstitutePage, LessonPage, LessonProgress
from courses.progress_rule import KST, kst_date
from home.demo_identity import checked_before

from . import content
from .assessments import ensure_assignment
from .catalog import _child, _person, _publish, ensure_course
from .people import ensure_user


def _kst(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=KST)


def ensure_funded_course(institute: InstitutePage, data: dict, instructor, *, instructor_role: str) -> CoursePage:
    course_data = content.read(f"courses/{data['course']}")
    course, created = ensure_course(institute, course_data, instructor, instructor_role=instructor_role)
    if created:
        course.simsa_code = data["simsa_code"]
        for field, value in data["weights"].items():
            setattr(course, field, value)
        _publish(course)
    return course


def ensure_funded_run(course: CoursePage, data: dict) -> CourseRun:
    """The funded run, its 훈련기간 from ``starts_in_days`` for ``length_days`` around today."""
    run_data = data["run"]
    existing = CourseRun.objects.filter(course=course, title=run_data["title"]).first()
    if existing is not None:
        return existing
    start = timezone.localdate() + datetime.timedelta(days=run_data["starts_in_days"])
    end = start + datetime.timedelta(days=run_data["length_days"] - 1)
    run = CourseRun(
        course=course,
        title=run_data["title"],
        title_en=run_data["title_en"],
        starts_on=start,
        ends_on=end,
        capacity=run_data["capacity"],
        emp_ins_flag=run_data["emp_ins_flag"],
        hrd_tracse_id=run_data["hrd_tracse_id"],
        hrd_tracse_tme=run_data["hrd_tracse_tme"],
        training_start=start,
        training_end=end,
        unlock_next_at=run_data["unlock_next_at"],
    )
    run.full_clean()  # the funding rules (identifiers, 훈련기간, 학습시간) hold for the demo too
    run.save()
    return run


def _question(bank: QuestionBank, category: str, item: dict) -> Question:
    question = Question.objects.create(
        bank=bank,
        category=category,
        type=item["type"],
        text=item["text"],
        points=Decimal(str(item["points"])),
        feedback=item.get("feedback", ""),
        grader_info=item.get("grader_info", ""),
    )
    Choice.objects.bulk_create(
        [
            Choice(question=question, text=c["text"], weight=Decimal("1" if c["correct"] else "0"), sort_order=i)
            for i, c in enumerate(item.get("choices", []))
        ]
    )
    return question


def ensure_tests(course: CoursePage, data: dict) -> tuple[QuizPage, QuizPage]:
    """The progress test (3 questions drawn from a pool of 9, the pool rule on) and the final test
    (fixed questions, one of them an essay)."""
    progress = _child(course, QuizPage, data["progress_test"]["slug"])
    final = _child(course, QuizPage, data["final_test"]["slug"])
    if progress is not None and final is not None:
        return progress, final
    bank = QuestionBank.objects.create(
        institute=course.institute, course=course, title=data["bank_title"], description=course.title
    )
    shared = data["quiz_settings"]

    test = data["progress_test"]
    for item in test["questions"]:
        _question(bank, test["category"], item)
    progress = course.add_child(
        instance=QuizPage(
            title=test["title"],
            title_en=test["title_en"],
            slug=test["slug"],
            intro=test["intro"],
            kind="progress",
            pass_mark=test["pass_mark"],
            time_limit_minutes=test["time_limit_minutes"],
            draw_bank=bank,
            draw_category=test["category"],
            draw_count=test["draw_count"],
            require_item_pool=True,
            required=True,
            **shared,
        )
    )
    _publish(progress)

    test = data["final_test"]
    final = course.add_child(
        instance=QuizPage(
            title=test["title"],
            title_en=test["title_en"],
            slug=test["slug"],
            intro=test["intro"],
            kind="final",
            pass_mark=test["pass_mark"],
            time_limit_minutes=test["time_limit_minutes"],
            required=True,
            **shared,
        )
    )
    for index, item in enumerate(test["questions"]):
        final.quiz_questions.add(QuizQuestion(question=_question(bank, test["category"], item), sort_order=index))
    _publish(final)
    return progress, final


def ensure_survey(course: CoursePage, data: dict) -> SurveyPage:
    survey = _child(course, SurveyPage, data["slug"])
    if survey is None:
        survey = course.add_child(
            instance=SurveyPage(
                title=data["title"],
                title_en=data["title_en"],
                slug=data["slug"],
                intro=data["intro"],
                required_before_final=data["required_before_final"],
            )
        )
        _publish(survey)
    return survey


# --------------------------------------------------------------------------------------------
# The trainees
# --------------------------------------------------------------------------------------------


def _study(enrolment: Enrolment, lesson: LessonPage, *, day: datetime.date, seconds: int, finished: bool) -> None:
    """What the heartbeat leaves after ``seconds`` of credit for ``lesson`` on ``day`` (KST)."""
    at = _kst(day, 9)
    progress, _created = LessonProgress.objects.get_or_create(
        enrolment=enrolment, lesson=lesson, defaults={"started_at": at}
    )
    progress.seconds_studied = min(progress.seconds_studied + seconds, lesson.study_minutes * 60)
    if finished:
        progress.final_activity_at = progress.completed_at = at + datetime.timedelta(seconds=seconds)
    progress.save()
    course_services.enrolments_recount_seconds([enrolment.pk])
    StudyDayLesson.objects.create(enrolment=enrolment, day=day, lesson=lesson, seconds=seconds, first_credited_at=at)


def _study_days(enrolment: Enrolment, lessons: list[LessonPage], first_day: datetime.date) -> None:
    """Study ``lessons`` fully, 8 a day from ``first_day`` on (the daily cap)."""
    for index, lesson in enumerate(lessons):
        _study(
            enrolment,
            lesson,
            day=first_day + datetime.timedelta(days=index // 8),
            seconds=lesson.study_minutes * 60,
            finished=True,
        )


def _answers(attempt, *, essay: str = "") -> dict[int, list[str]]:
    answers = {}
    for question in Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices"):
        if question.type == "essay":
            answers[question.pk] = [essay]
        else:
            answers[question.pk] = [attempt.choice_token(c.pk) for c in question.choices.all() if c.weight > 0]
    return answers


def _take(quiz: QuizPage, enrolment: Enrolment, at: datetime.datetime, *, essay: str = "") -> None:
    checked_before(enrolment, quiz=quiz, at=at)  # the identity checks of 입과 and this attempt (§1.7)
    attempt = assessment_services.attempt_start(quiz=quiz, user=enrolment.user, now=at)
    assessment_services.attempt_submit(
        attempt=attempt, raw_answers=_answers(attempt, essay=essay), now=at + datetime.timedelta(minutes=15)
    )


def funded_trainees() -> list[dict]:
    """The funded run's demo trainees (e-mail, names, stage), as ``data/funded.json`` lists them."""
    return content.read("funded")["trainees"]


def load_funded() -> dict:
    """The funded course, run, tests, survey, 과제 and trainees; answers what it built (for the tests)."""
    data = content.read("funded")
    catalog_data = content.read("catalog")
    course_data = content.read(f"courses/{data['course']}")
    institute = InstitutePage.objects.get(slug=course_data["institute"])
    instructor_data = next(i for i in catalog_data["institutes"] if i["slug"] == institute.slug)["instructor"]
    instructor = ensure_user(_person(instructor_data))
    course = ensure_funded_course(institute, data, instructor, instructor_role=catalog_data["lead_instructor_role"])
    run = ensure_funded_run(course, data)
    progress_test, final_test = ensure_tests(course, data)
    survey = ensure_survey(course, data["survey"])
    assignment = ensure_assignment(course, data["assignment"])
    lessons = list(LessonPage.objects.live().descendant_of(course).filter(required=True).order_by("path"))

    today = kst_date(timezone.now())
    survey_data = data["survey_answers"]
    essays = iter(data["essay_answers"])
    comments = iter(survey_data["comments"] * len(data["trainees"]))
    trainees = {}
    for person in data["trainees"]:
        user = ensure_user(_person(person))
        trainees.setdefault(person["stage"], []).append(user)
        if Enrolment.objects.filter(user=user, run=run).exists():
            continue
        enrolment = course_services.enrolment_request(user=user, run=run)
        stage = person["stage"]
        if stage == "daily_cap":
            _study_days(enrolment, lessons[:8], today)
        elif stage == "below_half":
            day = today - datetime.timedelta(days=2)
            _study(enrolment, lessons[0], day=day, seconds=lessons[0].study_minutes * 60, finished=True)
            _study(enrolment, lessons[1], day=day, seconds=lessons[1].study_minutes * 60 * 2 // 5, finished=False)
        else:
            done = 10 if stage == "waiting_final" else len(lessons)
            _study_days(enrolment, lessons[:done], today - datetime.timedelta(days=6))
        course_services.enrolment_refresh_progress(enrolment=enrolment)
        enrolment.refresh_from_db()
        if stage in ("waiting_final", "essay_pair"):
            test_day = today - datetime.timedelta(days=3)
            _take(progress_test, enrolment, _kst(test_day, 10))
            assessment_services.survey_respond(
                survey=survey,
                enrolment=enrolment,
                answers=survey_data["answers"],
                comment=next(comments),
                now=_kst(test_day, 11),
            )
        if stage == "essay_pair":
            _take(final_test, enrolment, _kst(today - datetime.timedelta(days=2), 14), essay=next(essays))
    # The 모사답안 check the Celery task runs after each essay, here at once: the pair is in the
    # instructor's review queue when the demo opens, whether or not a worker runs (idempotent).
    similarity_check(course=course)
    return {
        "course": course,
        "run": run,
        "progress_test": progress_test,
        "final_test": final_test,
        "survey": survey,
        "assignment": assignment,
        "trainees": trainees,
    }
