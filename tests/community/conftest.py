"""A small world for the boards: institute A's course with two runs, B's staff, four trainees."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from community.models import Question
from tests import factories as f


def make_question(run, asker, *, title, visibility=Question.Visibility.PRIVATE, waiting=True, **fields):
    now = fields.pop("created_at", timezone.now())
    return Question.objects.create(
        course=run.course,
        run=run,
        asker=asker,
        title=title,
        body=f"{title} 본문",
        visibility=visibility,
        created_at=now,
        waiting_since=now if waiting else None,
        **fields,
    )


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def world(db):
    alpha, beta = f.institute_page("알파연구원"), f.institute_page("베타연구원")
    course = f.course_page(alpha, "알파 비행 과정")
    other_course = f.course_page(alpha, "알파 정비 과정")
    run1 = f.course_run(course, title="2026년 1차")
    run2 = f.course_run(course, title="2026년 2차")
    ann, bob, cat, dan = (f.UserFactory(name_ko=name) for name in ("김안나", "이보배", "박찬", "최단"))
    f.enrolment(run1, ann)
    f.enrolment(run1, bob)
    f.enrolment(run2, cat)
    withdrawn = f.UserFactory(name_ko="정철수")
    f.enrolment(run1, withdrawn, status="withdrawn")
    instructor_a, manager_a = f.instructor_of(alpha), f.manager_of(alpha)
    run1.instructors.add(instructor_a)
    questions = {
        "ann_private": make_question(run1, ann, title="앤 비공개 질문"),
        "ann_public": make_question(run1, ann, title="앤 공개 질문", visibility=Question.Visibility.PUBLIC),
        "cat_public": make_question(run2, cat, title="캣 공개 질문", visibility=Question.Visibility.PUBLIC),
    }
    return {
        "alpha": alpha,
        "beta": beta,
        "course": course,
        "other_course": other_course,
        "run1": run1,
        "run2": run2,
        "questions": questions,
        "users": {
            "ann": ann,
            "bob": bob,
            "cat": cat,
            "dan": dan,
            "withdrawn": withdrawn,
            "instructor_a": instructor_a,
            "manager_a": manager_a,
            "instructor_b": f.instructor_of(beta),
            "manager_b": f.manager_of(beta),
            "admin": f.AdminUserFactory(),
            "anonymous": None,
        },
    }
