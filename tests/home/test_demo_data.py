"""load_demo_data builds the demo site, and running it again changes nothing."""

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command

from accounts.models import Membership, User
from home.demo import content
from home.demo.people import DEFAULT_DEMO_PASSWORD

pytestmark = pytest.mark.django_db

ROLES = ["trainee", "instructor", "manager", "hr", "admin"]


def snapshot():
    """Every row of every model, as values: a second run must leave all of it identical."""
    state = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        state[model._meta.label] = serializers.serialize("json", model._default_manager.order_by("pk"))
    return state


def test_demo_accounts_exist_one_per_role(client, shared_demo):
    for role in ROLES:
        user = User.objects.get(email=f"{role}@example.com")
        assert user.check_password(DEFAULT_DEMO_PASSWORD)
        assert user.name_ko and user.name_en
    assert User.objects.get(email="admin@example.com").is_superuser
    assert Membership.objects.get(user__email="hr@example.com").role == Membership.Role.HR
    assert Membership.objects.get(user__email="trainee@example.com").role == Membership.Role.EMPLOYEE
    response = client.post("/accounts/login/", {"login": "trainee@example.com", "password": DEFAULT_DEMO_PASSWORD})
    assert response.status_code == 302


def test_demo_catalog_has_institutes_courses_lessons_and_staff(client, shared_demo):
    from courses.models import CoursePage, Enrolment, InstitutePage, LessonPage

    institutes = InstitutePage.objects.live()
    assert institutes.count() >= 3
    for institute in institutes:
        assert institute.instructors_group.user_set.exists() and institute.managers_group.user_set.exists()
    courses = CoursePage.objects.live()
    assert courses.count() >= 8
    assert {c.category for c in courses} == {
        "piloting",
        "maintenance",
        "counter_drone",
        "mission_sw",
        "quality_security",
    }
    for course in courses:
        assert course.title_en and course.summary_en
        lessons = LessonPage.objects.live().descendant_of(course).count()
        if course.slug == "drone-operations-safety-funded":  # the funded run's course (test_demo_funded_run)
            assert lessons >= 10
        elif course.slug == "restricted-flight-control-sw":  # the restricted showcase: one lesson, one stamped PDF
            assert lessons == 1
        else:
            assert 4 <= lessons <= 8, course.title
        assert course.runs.exists()
    assert [c.course.title for c in client.get("/courses/", {"q": "정비"}).context["cards"]] == ["군용드론 정비 실무"]
    trainee = User.objects.get(email="trainee@example.com")
    statuses = set(Enrolment.objects.filter(user=trainee).values_list("status", flat=True))
    assert statuses == {"active", "pending", "completed"}
    instructor = User.objects.get(email="instructor@example.com")
    client.force_login(instructor)
    course = CoursePage.objects.get(slug="drone-maintenance-practice")
    assert client.get(f"/cms/pages/{course.pk}/edit/").status_code == 200


def test_second_run_changes_nothing(shared_demo):
    first = snapshot()

    call_command("load_demo_data", stdout=open("/dev/null", "w"))

    assert snapshot() == first


def test_demo_password_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "another-demo-pass-99")

    call_command("load_demo_data", stdout=open("/dev/null", "w"))

    assert User.objects.get(email="hr@example.com").check_password("another-demo-pass-99")


def test_refuses_production_unless_told(settings):
    settings.ACADEMY_ENVIRONMENT = "production"

    with pytest.raises(CommandError, match="--allow-production"):
        call_command("load_demo_data")
    assert not User.objects.exists()

    call_command("load_demo_data", "--allow-production", stdout=open("/dev/null", "w"))
    assert User.objects.filter(email="admin@example.com").exists()


def test_every_course_file_is_in_the_catalog_with_its_final_assessment():
    """A course file left out of ``catalog.json`` would silently never be loaded."""
    listed = content.read("catalog")["courses"]

    assert len(set(listed)) == len(listed)
    funded = content.read("funded")["course"]  # the funded run's course, loaded by home/demo/funded.py
    assert {path.stem for path in (content.DATA_DIR / "courses").glob("*.json")} == {*listed, funded}
    assert {path.stem for path in (content.DATA_DIR / "quizzes").glob("*.json")} == set(listed)
    for slug in listed:
        assert content.read(f"courses/{slug}")["slug"] == slug
