"""bench/scale_data.py builds a synthetic set; page query counts do not grow with it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from bench import scale_data
from courses.models import CoursePage, Enrolment, LessonPage, LessonProgress
from tests import factories as f

pytestmark = pytest.mark.django_db


def generate(**sizes):
    scale_data.generate(**sizes, stdout=open("/dev/null", "w"))


def test_generates_graded_quiz_attempts_with_their_answers():
    from django.db.models import Sum

    from assessments.models import Attempt, AttemptAnswer, QuizPage

    sizes = dict(trainees=20, courses=4, lessons=3, enrolments=2, progress=3, institutes=2, certificates=25)
    generate(**sizes, attempts=25)
    generate(**sizes, attempts=25)  # repeatable: nothing doubled

    assert QuizPage.objects.filter(slug="final-quiz").count() == 4
    assert Attempt.objects.filter(state="submitted").count() == 25
    assert AttemptAnswer.objects.count() == 250
    for attempt in Attempt.objects.annotate(earned=Sum("answers__points")):
        assert attempt.earned == attempt.points_earned
        assert attempt.score == attempt.points_earned * 10


def count(client, url):
    client.get(url)  # caches warm, as in normal use
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_generates_the_requested_sizes_and_is_repeatable():
    generate(trainees=40, courses=6, lessons=4, enrolments=3, progress=4, institutes=2, certificates=50)

    from certificates.models import Certificate

    assert Certificate.objects.count() == 50
    assert Enrolment.objects.filter(status="completed").count() == 50
    assert User.objects.filter(email__endswith="@scale.example").count() == 40
    assert CoursePage.objects.filter(slug__startswith="scale-course-").count() == 6
    assert LessonPage.objects.count() == 24
    assert Enrolment.objects.count() == 120
    assert LessonProgress.objects.count() == 480

    generate(trainees=40, courses=6, lessons=4, enrolments=3, progress=4, institutes=2, certificates=50)
    assert Enrolment.objects.count() == 120
    assert Certificate.objects.count() == 50
    assert LessonProgress.objects.count() == 480


def test_pages_keep_their_query_counts_as_the_data_grows(client):
    generate(trainees=10, courses=6, lessons=4, enrolments=2, progress=2, institutes=2)
    trainee = f.UserFactory()
    course = CoursePage.objects.get(slug="scale-course-0")
    run = course.runs.get()
    f.enrolment(run, user=trainee)
    f.enrolment(CoursePage.objects.get(slug="scale-course-4").runs.get(), user=trainee)  # a blended course
    lesson = LessonPage.objects.child_of(course).first()
    client.force_login(trainee)
    client.get("/courses/")
    small = [count(client, url) for url in ("/courses/", course.url, lesson.url, "/learn/")]

    generate(trainees=300, courses=60, lessons=4, enrolments=2, progress=2, institutes=2)
    for other in CoursePage.objects.filter(slug__startswith="scale-course-").exclude(
        slug__in=["scale-course-0", "scale-course-4"]
    )[:48]:
        f.enrolment(other.runs.get(), user=trainee)
    assert Enrolment.objects.filter(user=trainee).count() == 50
    large = [count(client, url) for url in ("/courses/", course.url, lesson.url, "/learn/")]

    assert small == large
