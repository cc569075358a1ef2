"""The large synthetic data set the benchmarks run on:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/academy_scale .venv/bin/python bench/scale_data.py [--delete]


Defaults: 20,000 trainees, 200 courses of 10 lessons (2,000 lessons), 5 enrolments per trainee
(100,000), 10 progress rows per enrolment (1,000,000), 100,000 issued certificates (rows
only, no PDF) and a 10-question final quiz per course with a graded attempt for every completed
enrolment (100,000 attempts, 1,000,000 answers). Rows are written with ``bulk_create``
in batches, so the whole set takes minutes on PostgreSQL. Refuses the production settings; run as a
script it uses the development settings unless ``DJANGO_SETTINGS_MODULE`` says otherwise (as
``manage.py`` does). Everything it creates is marked (e-mail ``scale-…@scale.example``, slugs
``scale-…``) and ``--delete`` removes it again. ``bench/run.py`` and ``bench/verify_api.py`` make it
when their database lacks it; the tests call ``generate()``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path
from typing import TextIO

import django

if __name__ == "__main__":  # run as a script: Django is set up before the models are imported
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    django.setup()

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from courses.institutes import institute_setup
from courses.models import (
    Category,
    CourseIndexPage,
    CoursePage,
    CourseRun,
    DeliveryMode,
    Enrolment,
    InstitutePage,
    LessonPage,
    LessonProgress,
    Level,
)
from courses.services import enrolments_recount_seconds
from home.models import HomePage

BATCH = 5000
EMAIL_DOMAIN = "scale.example"


#: The default sizes, as named on the command line (``--trainees`` …) and taken by ``generate()``.
SIZES = {
    "trainees": 20_000,
    "courses": 200,
    "lessons": 10,  # per course
    "enrolments": 5,  # per trainee
    "progress": 10,  # progress rows per enrolment
    "institutes": 5,
    "certificates": 100_000,  # completed enrolments with a certificate
    "attempts": 100_000,  # graded quiz attempts (10 answers each)
}


class Refused(Exception):
    """The settings or the sizes asked for cannot make a data set."""


def _refuse_production() -> None:
    if settings.ACADEMY_ENVIRONMENT == "production":
        raise Refused("Refusing to create synthetic data with the production settings.")


def generate(*, seed: int = 2026, stdout: TextIO | None = None, **sizes: int) -> None:
    """Make the data set (sizes not given take their ``SIZES`` default); a second call adds nothing."""
    _refuse_production()
    unknown = set(sizes) - set(SIZES)
    if unknown:
        raise TypeError(f"Unknown sizes: {', '.join(sorted(unknown))}")
    sizes = {**SIZES, **sizes}
    if sizes["progress"] > sizes["lessons"]:
        raise Refused("--progress cannot exceed --lessons.")
    if sizes["enrolments"] > sizes["courses"]:
        raise Refused("--enrolments cannot exceed --courses.")
    _Generator(seed=seed, stdout=stdout or sys.stdout).run(sizes)


def delete(*, stdout: TextIO | None = None) -> None:
    """Remove everything ``generate()`` made."""
    _refuse_production()
    _Generator(seed=0, stdout=stdout or sys.stdout).delete()


class _Generator:
    def __init__(self, *, seed: int, stdout: TextIO) -> None:
        self.random = random.Random(seed)
        self.stdout = stdout

    def run(self, sizes: dict[str, int]) -> None:
        started = time.monotonic()
        courses = self.create_courses(sizes["institutes"], sizes["courses"], sizes["lessons"])
        self.step("courses and lessons", started)
        users = self.create_trainees(sizes["trainees"])
        self.step("trainees", started)
        enrolments = self.create_enrolments(users, courses, sizes["enrolments"])
        self.step("enrolments", started)
        self.create_progress(enrolments, courses, sizes["progress"])
        self.step("progress", started)
        self.create_certificates(enrolments[: sizes["certificates"]])
        self.step("certificates", started)
        self.create_attempts(courses, enrolments[: sizes["attempts"]])
        self.step("quiz attempts", started)

    def step(self, name: str, started: float) -> None:
        self.stdout.write(f"{time.monotonic() - started:7.1f}s  {name}\n")

    def create_courses(self, n_institutes: int, n_courses: int, n_lessons: int) -> list[dict]:
        home = HomePage.objects.get()
        catalog = CourseIndexPage.objects.first() or home.add_child(
            instance=CourseIndexPage(title="교육과정 안내", title_en="Course catalog", slug="courses")
        )
        categories, levels, modes = Category.values, Level.values, DeliveryMode.values
        institutes = []
        for i in range(n_institutes):
            slug = f"scale-institute-{i}"
            institute = InstitutePage.objects.child_of(catalog).filter(slug=slug).first()
            if institute is None:
                institute = catalog.add_child(
                    instance=InstitutePage(title=f"합성 교육기관 {i}", title_en=f"Synthetic institute {i}", slug=slug)
                )
                institute = institute_setup(institute=institute)
            institutes.append(institute)
        today = timezone.localdate()
        courses = []
        for c in range(n_courses):
            institute = institutes[c % n_institutes]
            slug = f"scale-course-{c}"
            course = CoursePage.objects.child_of(institute).filter(slug=slug).first()
            if course is None:
                course = institute.add_child(
                    instance=CoursePage(
                        title=f"합성 드론 교육과정 {c}",
                        title_en=f"Synthetic drone course {c}",
                        slug=slug,
                        summary="벤치마크용 합성 교육과정입니다.",
                        category=categories[c % len(categories)],
                        level=levels[c % len(levels)],
                        delivery_mode=DeliveryMode.ONLINE if c % 4 else modes[c % len(modes)],
                        study_hours=8 + c % 24,
                    )
                )
                for n in range(n_lessons):
                    course.add_child(
                        instance=LessonPage(
                            title=f"{n + 1}차시",
                            slug=f"lesson-{n + 1}",
                            study_minutes=0,
                            body=[{"type": "paragraph", "value": f"<p>합성 차시 {n + 1}의 학습 내용입니다.</p>"}],
                        )
                    )
            run, _ = CourseRun.objects.get_or_create(
                course=course,
                title="합성 차수",
                defaults={
                    "starts_on": today - datetime.timedelta(days=30),
                    "ends_on": today + datetime.timedelta(days=60),
                    "capacity": None,
                },
            )
            lesson_ids = list(LessonPage.objects.child_of(course).order_by("path").values_list("id", flat=True))
            courses.append({"course": course, "run": run, "lesson_ids": lesson_ids})
        return courses

    def create_trainees(self, n: int) -> list[int]:
        password = make_password("scale-data-not-for-login")
        existing = set(User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").values_list("email", flat=True))
        new = [
            User(email=f"scale-{i}@{EMAIL_DOMAIN}", name_ko=f"합성{i}", name_en=f"Synthetic {i}", password=password)
            for i in range(n)
            if f"scale-{i}@{EMAIL_DOMAIN}" not in existing
        ]
        User.objects.bulk_create(new, batch_size=BATCH)
        return list(User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").order_by("pk").values_list("pk", flat=True))

    def create_enrolments(self, user_ids: list[int], courses: list[dict], per_user: int) -> list[tuple[int, int]]:
        existing = set(Enrolment.objects.filter(user_id__in=user_ids[:1]).values_list("run_id", flat=True))
        if existing:  # already generated
            return list(Enrolment.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}").values_list("pk", "run_id"))
        now = timezone.now()
        rows = []
        for user_id in user_ids:
            for course in self.random.sample(courses, per_user):
                rows.append(
                    Enrolment(user_id=user_id, run=course["run"], status=Enrolment.Status.ACTIVE, created_at=now)
                )
        with transaction.atomic():
            Enrolment.objects.bulk_create(rows, batch_size=BATCH)
        return list(Enrolment.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}").values_list("pk", "run_id"))

    def create_progress(self, enrolments: list[tuple[int, int]], courses: list[dict], per_enrolment: int) -> None:
        if LessonProgress.objects.filter(enrolment_id=enrolments[0][0]).exists():
            return
        lessons_by_run = {course["run"].pk: course["lesson_ids"] for course in courses}
        now = timezone.now()
        batch = []
        for enrolment_id, run_id in enrolments:
            lessons = lessons_by_run[run_id]
            done = self.random.randint(0, per_enrolment)
            for index, lesson_id in enumerate(lessons[:per_enrolment]):
                batch.append(
                    LessonProgress(
                        enrolment_id=enrolment_id,
                        lesson_id=lesson_id,
                        seconds_studied=600,
                        started_at=now,
                        completed_at=now if index < done else None,
                    )
                )
            if len(batch) >= 50_000:
                LessonProgress.objects.bulk_create(batch, batch_size=BATCH)
                batch = []
        LessonProgress.objects.bulk_create(batch, batch_size=BATCH)
        # The enrolments' sums of their lessons' seconds, as the heartbeat keeps them (one UPDATE).
        enrolments_recount_seconds(Enrolment.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}").values("pk"))

    def create_certificates(self, enrolments: list[tuple[int, int]]) -> None:
        """Completed enrolments with an issued certificate (rows only: no PDF is rendered)."""
        import hashlib

        from certificates import codes
        from certificates.models import Certificate

        ids = [pk for pk, _run in enrolments]
        if not ids or Certificate.objects.filter(enrolment_id=ids[0]).exists():
            return
        today = timezone.localdate()
        now = timezone.now()
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            with transaction.atomic():
                Enrolment.objects.filter(pk__in=chunk).update(
                    status=Enrolment.Status.COMPLETED, progress_percent=100, completed_at=now
                )
                rows = []
                for enrolment in Enrolment.objects.filter(pk__in=chunk).select_related("user", "run__course"):
                    code = codes.generate()
                    rows.append(
                        Certificate(
                            enrolment=enrolment,
                            code=code,
                            state=Certificate.State.ISSUED,
                            holder_name_ko=enrolment.user.name_ko,
                            holder_name_en=enrolment.user.name_en,
                            course_title_ko=enrolment.run.course.title,
                            course_title_en=enrolment.run.course.title_en,
                            institute_name_ko="합성 교육기관",
                            institute_name_en="Synthetic institute",
                            study_hours=enrolment.run.course.study_hours,
                            completed_on=today,
                            issued_on=today,
                            sha256=hashlib.sha256(code.encode()).hexdigest(),
                        )
                    )
                Certificate.objects.bulk_create(rows, batch_size=BATCH)

    def create_attempts(self, courses: list[dict], enrolments: list[tuple[int, int]]) -> None:
        """A final quiz per course (10 single-choice questions from its institute's bank) and one
        graded, submitted attempt with all its answers for each given enrolment."""
        from decimal import Decimal

        from assessments.grading import passes
        from assessments.models import Attempt, AttemptAnswer, Choice, Question, QuestionBank, QuizPage, QuizQuestion

        questions_by_institute = {}
        quizzes = {}
        for course in courses:
            page = course["course"]
            institute = page.get_parent().specific
            if institute.pk not in questions_by_institute:
                bank, created = QuestionBank.objects.get_or_create(institute=institute, title="합성 문제은행")
                if created:
                    for n in range(10):
                        question = Question.objects.create(
                            bank=bank, type="single", text=f"합성 문제 {n + 1}", points=Decimal("1")
                        )
                        Choice.objects.bulk_create(
                            Choice(question=question, text=text, weight=Decimal(weight), sort_order=i)
                            for i, (text, weight) in enumerate((("정답", "1"), ("오답 1", "0"), ("오답 2", "0")))
                        )
                questions = list(bank.questions.order_by("pk").prefetch_related("choices"))
                questions_by_institute[institute.pk] = [
                    (q.pk, [c.pk for c in q.choices.all()], next(c.pk for c in q.choices.all() if c.weight == 1))
                    for q in questions
                ]
            quiz = QuizPage.objects.child_of(page).filter(slug="final-quiz").first()
            if quiz is None:
                quiz = page.add_child(instance=QuizPage(title="최종 평가", slug="final-quiz", required=False))
                QuizQuestion.objects.bulk_create(
                    QuizQuestion(quiz=quiz, question_id=q, sort_order=i)
                    for i, (q, _c, _r) in enumerate(questions_by_institute[institute.pk])
                )
            quizzes[course["run"].pk] = (quiz, page, questions_by_institute[institute.pk])
        ids = [pk for pk, _run in enrolments]
        if not ids or Attempt.objects.filter(enrolment_id=ids[0]).exists():
            return
        users = dict(Enrolment.objects.filter(pk__in=ids).values_list("pk", "user_id"))
        now = timezone.now()
        for start in range(0, len(enrolments), BATCH):
            chunk = enrolments[start : start + BATCH]
            attempts, answers = [], []
            for enrolment_id, run_id in chunk:
                quiz, course_page, questions = quizzes[run_id]
                right = [self.random.random() < 0.8 for _q in questions]
                earned = Decimal(sum(right))
                score = earned * 100 / len(questions)
                attempt = Attempt(
                    quiz_id=quiz.pk,
                    enrolment_id=enrolment_id,
                    user_id=users[enrolment_id],
                    number=1,
                    state=Attempt.State.SUBMITTED,
                    started_at=now - datetime.timedelta(minutes=20),
                    closed_at=now,
                    question_ids=[q for q, _c, _r in questions],
                    choice_order={str(q): choices for q, choices, _r in questions},
                    points_earned=earned,
                    points_possible=Decimal(len(questions)),
                    score=score,
                    passed=passes(quiz, course=course_page, score=score),
                )
                attempts.append(attempt)
                for (question_id, choices, correct), ok in zip(questions, right, strict=True):
                    answers.append(
                        AttemptAnswer(
                            attempt=attempt,
                            question_id=question_id,
                            response=[correct if ok else next(c for c in choices if c != correct)],
                            saved_at=now,
                            points=Decimal(int(ok)),
                            fraction=Decimal(int(ok)),
                        )
                    )
            with transaction.atomic():
                Attempt.objects.bulk_create(attempts, batch_size=BATCH)
                AttemptAnswer.objects.bulk_create(answers, batch_size=BATCH)

    def delete(self) -> None:
        from certificates.models import Certificate

        Certificate.objects.filter(enrolment__user__email__endswith=f"@{EMAIL_DOMAIN}").delete()
        Enrolment.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}").delete()
        User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()
        for institute in InstitutePage.objects.filter(slug__startswith="scale-institute-"):
            institute.delete()
        self.stdout.write("Synthetic data removed.\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    helps = {
        "lessons": "lessons per course",
        "enrolments": "enrolments per trainee",
        "progress": "progress rows per enrolment",
        "certificates": "completed enrolments with a certificate",
        "attempts": "graded quiz attempts (10 answers each)",
    }
    for name, default in SIZES.items():
        parser.add_argument(f"--{name}", type=int, default=default, help=helps.get(name))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--delete", action="store_true", help="remove the synthetic data instead")
    args = vars(parser.parse_args())
    seed, remove = args.pop("seed"), args.pop("delete")
    try:
        if remove:
            delete()
        else:
            generate(seed=seed, **args)
    except Refused as error:
        parser.exit(1, f"{error}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
