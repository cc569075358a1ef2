"""The demo cohort of the instructor's run dashboard (*Course runs → run → Dashboard*).

Ten trainees (``home/demo/data/instructor_cohort.json``) in the first run of the piloting course
(blended: it has on-site sessions): some finished every lesson and passed the quiz, some study
slowly, two stopped a while ago, one never started, two failed the quiz, a few missed sessions.
Enrolment, quiz attempts and attendance go through the services; the lesson rows are written as
``home.demo.learning`` writes them, with the day each trainee last studied. A second load finds the
first trainee enrolled and changes nothing.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.utils import timezone

from accounts.models import User
from assessments import services as assessment_services
from assessments.models import Question, QuizPage
from courses import services as course_services
from courses.models import AttendanceSession, CoursePage, Enrolment, LessonProgress

DATA = Path(__file__).parent / "demo" / "data" / "instructor_cohort.json"


def _answers(attempt, right: int) -> dict[int, list[str]]:
    """The first ``right`` questions of the attempt answered rightly, the others wrongly."""
    questions = {q.pk: q for q in Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices")}
    answers = {}
    for index, question_id in enumerate(attempt.question_ids):
        question, good = questions[question_id], index < right
        if question.type in ("single", "multiple"):
            chosen = [c for c in question.choices.all() if (c.weight > 0) == good][: 1 if not good else None]
            answers[question_id] = [attempt.choice_token(c.pk) for c in chosen]
        elif question.type == "true_false":
            answers[question_id] = ["true" if bool(question.correct_answer) == good else "false"]
        elif question.type == "short" and good:
            answers[question_id] = [question.accepted_answer_list[0]]
        elif question.type == "numeric" and good:
            answers[question_id] = [str(question.numeric_answer)]
        else:
            answers[question_id] = ["-1"]
    return answers


def load_instructor_cohort() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    course = CoursePage.objects.filter(slug=data["course"]).first()
    run = course.runs.order_by("starts_on").first() if course else None
    if run is None or Enrolment.objects.filter(run=run, user__email=data["trainees"][0]["email"]).exists():
        return
    quiz = QuizPage.objects.live().descendant_of(course).order_by("path").first()
    lessons = list(course.lessons())
    now = timezone.now()
    enrolled = {}
    for row in data["trainees"]:
        user = User.objects.filter(email=row["email"]).first() or User.objects.create_user(
            row["email"], None, name_ko=row["name_ko"], name_en=row["name_en"]
        )
        enrolment = course_services.enrolment_request(user=user, run=run)
        if enrolment.status != Enrolment.Status.ACTIVE:
            continue
        enrolled[row["email"]] = enrolment
        Enrolment.objects.filter(pk=enrolment.pk).update(
            created_at=timezone.make_aware(datetime.datetime.combine(run.starts_on, datetime.time(9)))
        )
        if row["days_ago"] is not None:
            studied = now - datetime.timedelta(days=row["days_ago"])
            for lesson in lessons[: row["lessons"]]:
                LessonProgress.objects.update_or_create(
                    enrolment=enrolment,
                    lesson=lesson,
                    defaults={
                        "seconds_studied": lesson.study_minutes * 60,
                        "started_at": studied - datetime.timedelta(minutes=lesson.study_minutes),
                        "completed_at": studied,
                        "last_studied_at": studied,
                    },
                )
            course_services.enrolments_recount_seconds([enrolment.pk])
            course_services.enrolment_refresh_progress(enrolment=enrolment)
        if quiz is not None and row["right"] is not None:
            attempt = assessment_services.attempt_start(quiz=quiz, user=user)
            assessment_services.attempt_submit(attempt=attempt, raw_answers=_answers(attempt, row["right"]))
    for row in data["sessions"]:
        session = AttendanceSession.objects.create(
            run=run, title=row["title"], starts_at=now - datetime.timedelta(days=row["days_ago"])
        )
        for email, enrolment in enrolled.items():
            course_services.attendance_record(
                session=session, enrolment=enrolment, present=email not in row["absent"], actor=None
            )
