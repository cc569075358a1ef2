"""Factories for the test suite (factory_boy)."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission

from accounts.models import Membership, Organisation, User

PASSWORD = "correct-horse-battery-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    name_ko = factory.Sequence(lambda n: f"교육생{n}")
    name_en = factory.Sequence(lambda n: f"Trainee {chr(65 + n % 26)}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """A verified primary e-mail unless ``verified=False``."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class StaffUserFactory(UserFactory):
    """Someone who may open the Wagtail admin (as instructors and managers can)."""

    @factory.post_generation
    def admin_access(obj, create, extracted, **kwargs):
        if create:
            group, _ = Group.objects.get_or_create(name="Test staff")
            group.permissions.add(
                Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
            )
            obj.groups.add(group)


class AdminUserFactory(UserFactory):
    is_superuser = True
    is_staff = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_ko = factory.Sequence(lambda n: f"드론기업{n}")
    name_en = factory.Sequence(lambda n: f"Drone Company {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.EMPLOYEE


# --------------------------------------------------------------------------------------------
# The catalog tree
# --------------------------------------------------------------------------------------------

import datetime  # noqa: E402

from django.utils import timezone  # noqa: E402

from courses.institutes import institute_add_staff, institute_setup  # noqa: E402
from courses.models import (  # noqa: E402
    CourseIndexPage,
    CoursePage,
    CourseRun,
    Enrolment,
    InstitutePage,
    LessonPage,
    ModulePage,
)
from home.models import HomePage  # noqa: E402

_counter = iter(range(1, 10**9))


def catalog_page() -> CourseIndexPage:
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    home = HomePage.objects.get()
    return home.add_child(instance=CourseIndexPage(title="교육과정 안내", title_en="Course catalog", slug="courses"))


def institute_page(title: str | None = None, **fields) -> InstitutePage:
    n = next(_counter)
    title = title or f"드론연구원{n}"
    page = catalog_page().add_child(
        instance=InstitutePage(
            title=title,
            title_en=fields.pop("title_en", f"Drone Institute {n}"),
            slug=fields.pop("slug", f"institute-{n}"),
            **fields,
        )
    )
    return institute_setup(institute=page)


def course_page(institute: InstitutePage, title: str | None = None, **fields) -> CoursePage:
    n = next(_counter)
    defaults = {
        "title": title or f"드론 과정 {n}",
        "title_en": f"Drone course {n}",
        "slug": f"course-{n}",
        "summary": "드론 운용 요원을 위한 과정입니다.",
        "summary_en": "A course for drone operators.",
        "category": "piloting",
        "level": "beginner",
        "study_hours": 8,
        "delivery_mode": "online",
        "enrolment_policy": "open",
    }
    defaults.update(fields)
    return institute.add_child(instance=CoursePage(**defaults))


def lesson_page(parent, title: str | None = None, *, minutes: int = 0, body=None, **fields) -> LessonPage:
    n = next(_counter)
    body = body if body is not None else [{"type": "paragraph", "value": f"<p>차시 {n}의 내용입니다.</p>"}]
    return parent.add_child(
        instance=LessonPage(title=title or f"{n}차시", slug=f"lesson-{n}", study_minutes=minutes, body=body, **fields)
    )


def module_page(course: CoursePage, title: str = "1단원") -> ModulePage:
    n = next(_counter)
    return course.add_child(instance=ModulePage(title=title, slug=f"module-{n}"))


def course_run(course: CoursePage, *, capacity: int | None = None, **fields) -> CourseRun:
    today = timezone.localdate()
    defaults = {
        "title": "2026년 1차",
        "starts_on": today - datetime.timedelta(days=1),
        "ends_on": today + datetime.timedelta(days=60),
        "capacity": capacity,
    }
    defaults.update(fields)
    return CourseRun.objects.create(course=course, **defaults)


def enrolment(run: CourseRun, user=None, status: str = Enrolment.Status.ACTIVE, **fields) -> Enrolment:
    return Enrolment.objects.create(run=run, user=user or UserFactory(), status=status, **fields)


def instructor_of(institute: InstitutePage, **user_fields):
    user = UserFactory(**user_fields)
    institute_add_staff(institute=institute, user=user, role="instructor")
    return user


def manager_of(institute: InstitutePage, **user_fields):
    user = UserFactory(**user_fields)
    institute_add_staff(institute=institute, user=user, role="manager")
    return user


# --------------------------------------------------------------------------------------------
# Assessments
# --------------------------------------------------------------------------------------------

from decimal import Decimal  # noqa: E402

from assessments.models import (  # noqa: E402
    Choice,
    PracticalAssessment,
    Question,
    QuestionBank,
    QuizPage,
    QuizQuestion,
    RubricCriterion,
)


def question_bank(institute: InstitutePage, course: CoursePage | None = None, title: str = "문제은행") -> QuestionBank:
    return QuestionBank.objects.create(institute=institute, course=course, title=title)


def question(bank: QuestionBank, type: str = "single", *, text: str | None = None, points="1", choices=None, **fields):
    """A question; ``choices`` is a list of (text, weight) for choice questions."""
    n = next(_counter)
    defaults = {
        "single": [("정답", "1"), ("오답 가", "0"), ("오답 나", "0")],
        "multiple": [("가", "0.5"), ("나", "0.5"), ("다", "0")],
    }
    row = Question.objects.create(bank=bank, type=type, text=text or f"문제 {n}", points=Decimal(points), **fields)
    for index, (choice_text, weight) in enumerate(choices if choices is not None else defaults.get(type, [])):
        Choice.objects.create(question=row, text=choice_text, weight=Decimal(weight), sort_order=index)
    return row


def quiz_page(course: CoursePage, questions=(), **fields) -> QuizPage:
    n = next(_counter)
    defaults = {"title": f"최종평가 {n}", "slug": f"quiz-{n}", "shuffle_questions": False, "shuffle_choices": False}
    defaults.update(fields)
    quiz = course.add_child(instance=QuizPage(**defaults))
    for index, q in enumerate(questions):
        QuizQuestion.objects.create(quiz=quiz, question=q, sort_order=index)
    return quiz


def practical_assessment(
    course: CoursePage, criteria=(("비행 전 점검", 40), ("호버링", 60)), **fields
) -> PracticalAssessment:
    assessment = PracticalAssessment.objects.create(course=course, title=fields.pop("title", "비행 실기평가"), **fields)
    for index, (title, points) in enumerate(criteria):
        RubricCriterion.objects.create(assessment=assessment, title=title, points=points, sort_order=index)
    return assessment


def assignment_page(course: CoursePage, criteria=(), **fields):
    """A live assignment (과제) of ``course``; ``criteria`` is a list of (title, points) for its rubric."""
    from assessments.models import AssignmentCriterion, AssignmentPage

    n = next(_counter)
    defaults = {"title": f"과제 {n}", "slug": f"assignment-{n}", "instructions": "<p>보고서를 제출하시오.</p>"}
    defaults.update(fields)
    page = course.add_child(instance=AssignmentPage(**defaults))
    for index, (title, points) in enumerate(criteria):
        AssignmentCriterion.objects.create(assignment=page, title=title, points=points, sort_order=index)
    return page


# --------------------------------------------------------------------------------------------
# Certificates (rows only; tests of issuance go through the services and the worker)
# --------------------------------------------------------------------------------------------

import hashlib  # noqa: E402

from certificates import codes  # noqa: E402
from certificates.models import Certificate  # noqa: E402


def certificate(enrolment: Enrolment | None = None, *, state: str = "issued", **fields) -> Certificate:
    """An issued certificate row as the render task leaves it (no PDF file; a fingerprint)."""
    if enrolment is None:
        enrolment = globals()["enrolment"](course_run(course_page(institute_page())), status="completed")
    today = timezone.localdate()
    code = fields.pop("code", None) or codes.generate()
    defaults = {
        "code": code,
        "state": state,
        "holder_name_ko": enrolment.user.name_ko,
        "holder_name_en": enrolment.user.name_en,
        "course_title_ko": enrolment.run.course.title,
        "course_title_en": enrolment.run.course.title_en,
        "institute_name_ko": "국방드론교육원",
        "institute_name_en": "Defense Drone Institute",
        "study_hours": enrolment.run.course.study_hours,
        "completed_on": today,
        "issued_on": today if state != "pending" else None,
        "sha256": hashlib.sha256(code.encode()).hexdigest() if state != "pending" else "",
    }
    defaults.update(fields)
    return Certificate.objects.create(enrolment=enrolment, **defaults)
