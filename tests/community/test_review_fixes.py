"""The security review of the boards: a restricted course's board and notices ask its conditions and
are logged; a course's notices follow the course's own visibility; staff never make a private question
public nor rewrite it; staff views of askers' data are logged; asking is rate-limited; the list pages."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts import services as account_services
from accounts.models import VettingStatus
from community import services
from community.models import Notice, Question
from courses.models import Sensitivity
from ops.models import AuditEvent, PersonalDataAccess
from tests import factories as f
from tests.compliance.pledge_support import signed_pledge, stepped_up

from .conftest import client_for, make_question

pytestmark = pytest.mark.django_db


def _notice(title, **fields):
    return Notice.objects.create(
        title=title, body=f"{title} 내용", published_at=timezone.now() - datetime.timedelta(days=1), **fields
    )


@pytest.fixture
def restricted():
    institute = f.institute_page("보안연구원")
    course = f.course_page(institute, "제한 과정", sensitivity=Sensitivity.RESTRICTED)
    run = f.course_run(course)
    organisation = f.OrganisationFactory(
        vetting_status=VettingStatus.APPROVED, vetting_expires_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    passing = f.UserFactory(name_ko="홍길동")
    f.MembershipFactory(organisation=organisation, user=passing)
    f.enrolment(run, passing)
    account_services.nationality_record(user=passing, nationality="KR", notice_agreed=True)
    signed_pledge(passing, institute, at=timezone.now() - datetime.timedelta(minutes=30))
    stepped_up(passing)
    failing = f.UserFactory(name_ko="김미달")  # enrolled, but in no vetted organisation
    f.enrolment(run, failing)
    question = make_question(run, failing, title="제한 과정 질문")
    own = make_question(run, passing, title="통과자 질문")
    notice = _notice("제한 과정 공지", course=course, institute=institute)
    return {
        "institute": institute,
        "course": course,
        "run": run,
        "passing": passing,
        "failing": failing,
        "question": question,
        "own": own,
        "notice": notice,
    }


def _views():
    return list(AuditEvent.objects.filter(action="restricted.view").order_by("pk").values_list("data", flat=True))


def test_a_restricted_courses_board_refuses_a_trainee_missing_a_condition_and_logs_it(restricted):
    course = restricted["course"]
    board = reverse("community:questions", args=[course.pk])
    failing = client_for(restricted["failing"])
    cache.clear()

    listed = failing.get(board)
    assert listed.status_code == 403 and listed["X-Academy-Refusal"] == "organisation"
    assert "제한 과정 질문" not in listed.content.decode()
    detail = failing.get(reverse("community:question", args=[course.pk, restricted["question"].pk]))
    assert detail.status_code == 403 and "제한 과정 질문" not in detail.content.decode()
    asked = failing.post(board, {"title": "새 질문", "body": "본문", "visibility": "private"})
    assert asked.status_code == 403
    followed = failing.post(
        reverse("community:question", args=[course.pk, restricted["question"].pk]), {"body": "추가 질문"}
    )
    assert followed.status_code == 403
    assert not Question.objects.filter(title="새 질문").exists()
    assert restricted["question"].replies.count() == 0
    assert [data["result"] for data in _views()] == ["refused:organisation"] * 4

    passing = client_for(restricted["passing"])
    opened = passing.get(board)
    assert opened.status_code == 200 and "통과자 질문" in opened.content.decode()
    assert passing.post(board, {"title": "새 질문", "body": "본문", "visibility": "private"}).status_code == 302
    assert _views()[-1]["result"] == "allowed" and _views()[-1]["course"] == course.pk


def test_a_restricted_courses_notice_and_course_box_are_closed_to_a_refused_trainee(restricted):
    notice_url = reverse("community:notice", args=[restricted["notice"].pk])
    refused = client_for(restricted["failing"]).get(notice_url)
    assert refused.status_code == 403 and "제한 과정 공지 내용" not in refused.content.decode()
    assert client_for(restricted["passing"]).get(notice_url).status_code == 200
    assert client_for(f.instructor_of(restricted["institute"])).get(notice_url).status_code == 200
    assert client_for(None).get(notice_url).status_code == 302  # sign in first

    from community.templatetags.community import course_community, learner_notices, questions_link

    class Request:
        def __init__(self, user):
            self.user = user

    refused_box = course_community({"request": Request(restricted["failing"])}, restricted["course"])
    assert refused_box["notices"] == [] and refused_box["may_use_board"] is False
    assert questions_link({"request": Request(restricted["failing"])}, restricted["course"])["refused"] is True
    assert learner_notices({"request": Request(restricted["failing"])})["notices"] == []
    opened_box = course_community({"request": Request(restricted["passing"])}, restricted["course"])
    assert [n.title for n in opened_box["notices"]] == ["제한 과정 공지"] and opened_box["may_use_board"]
    assert [n.title for n in learner_notices({"request": Request(restricted["passing"])})["notices"]] == [
        "제한 과정 공지"
    ]


def test_a_course_notice_follows_the_courses_visibility(world):
    users, alpha = world["users"], world["alpha"]
    hidden = f.course_page(alpha, "비공개 과정")
    hidden.live = False
    hidden.save()
    members = f.course_page(alpha, "회원 과정", sensitivity=Sensitivity.MEMBERS)
    locked = f.course_page(alpha, "잠긴 과정")
    PageViewRestriction.objects.create(page=locked, restriction_type=PageViewRestriction.PASSWORD, password="pw")
    urls = {
        name: reverse("community:notice", args=[_notice(f"{name} 공지", course=course, institute=alpha).pk])
        for name, course in (("hidden", hidden), ("members", members), ("locked", locked), ("open", world["course"]))
    }
    anonymous, dan, staff = client_for(None), client_for(users["dan"]), client_for(users["instructor_a"])
    assert anonymous.get(urls["open"]).status_code == 200
    assert anonymous.get(urls["hidden"]).status_code == 404
    assert dan.get(urls["hidden"]).status_code == 404
    assert anonymous.get(urls["members"]).status_code == 302
    assert dan.get(urls["members"]).status_code == 200
    assert anonymous.get(urls["locked"]).status_code == 404
    assert dan.get(urls["locked"]).status_code == 404
    for url in urls.values():
        assert staff.get(url).status_code == 200
        assert client_for(users["admin"]).get(url).status_code == 200
    assert client_for(users["instructor_b"]).get(urls["hidden"]).status_code == 404


def test_the_admin_edit_form_never_makes_a_private_question_public_nor_rewrites_it(world):
    question = world["questions"]["ann_private"]
    manager = client_for(world["users"]["manager_a"])
    url = reverse("community_questions:edit", args=[question.pk])
    page = manager.get(url)
    assert page.status_code == 200
    manager.post(url, {"visibility": "public", "title": "바뀐 제목", "body": "바뀐 본문"})
    question.refresh_from_db()
    assert question.visibility == "private" and question.title == "앤 비공개 질문"
    assert question.body == "앤 비공개 질문 본문"

    public = world["questions"]["ann_public"]
    manager.post(reverse("community_questions:edit", args=[public.pk]), {"visibility": "private", "title": "x"})
    public.refresh_from_db()
    assert public.visibility == "private" and public.title == "앤 공개 질문"


def test_staff_views_of_the_board_thread_edit_and_history_are_personal_data_records(world):
    users, course = world["users"], world["course"]
    instructor = client_for(users["instructor_a"])
    question = world["questions"]["ann_private"]
    pages = {
        "board": reverse("community:questions", args=[course.pk]),
        "thread": reverse("community:question", args=[course.pk, question.pk]),
        "edit": reverse("community_questions:edit", args=[question.pk]),
        "history": reverse("community_questions:history", args=[question.pk]),
    }
    for name, url in pages.items():
        before = PersonalDataAccess.objects.count()
        assert instructor.get(url).status_code == 200, name
        rows = list(PersonalDataAccess.objects.order_by("pk")[before:])
        assert len(rows) == 1, name
        assert rows[0].action == "view" and users["ann"].pk in rows[0].subject_ids, name
    # A trainee reading their own board is no one else's data: not recorded.
    before = PersonalDataAccess.objects.count()
    client_for(users["ann"]).get(pages["board"])
    assert PersonalDataAccess.objects.count() == before


def test_asking_and_following_up_are_rate_limited_per_user(world, settings):
    cache.clear()
    ann = client_for(world["users"]["ann"])
    board = reverse("community:questions", args=[world["course"].pk])
    for number in range(services.POSTS_PER_HOUR - 1):
        assert ann.post(board, {"title": f"질문 {number}", "body": "본문", "visibility": "private"}).status_code == 302
    thread = reverse("community:question", args=[world["course"].pk, world["questions"]["ann_private"].pk])
    assert ann.post(thread, {"body": "추가 질문"}).status_code == 302  # the tenth post of the hour
    refused = ann.post(board, {"title": "열한 번째", "body": "본문", "visibility": "private"})
    assert refused.status_code == 429
    assert "last hour" in refused.content.decode() or "1시간" in refused.content.decode()
    assert not Question.objects.filter(title="열한 번째").exists()
    assert ann.post(thread, {"body": "또 추가"}).status_code == 429
    # Another trainee is not affected.
    bob = client_for(world["users"]["bob"])
    assert bob.post(board, {"title": "밥 질문", "body": "본문", "visibility": "private"}).status_code == 302
    cache.clear()


def test_a_withdrawn_asker_reads_the_thread_but_cannot_follow_up(world):
    cache.clear()
    withdrawn = world["users"]["withdrawn"]
    question = make_question(world["run1"], withdrawn, title="철수 질문")
    url = reverse("community:question", args=[world["course"].pk, question.pk])
    client = client_for(withdrawn)
    page = client.get(url)
    assert page.status_code == 200 and "<textarea" not in page.content.decode()
    assert client.post(url, {"body": "추가 질문"}).status_code == 403
    assert question.replies.count() == 0
    with pytest.raises(services.PermissionDenied):
        services.reply_add(question=question, author=withdrawn, body="추가")


def test_the_learner_board_is_paginated(world):
    ann = world["users"]["ann"]
    base = timezone.now() - datetime.timedelta(days=1)
    for number in range(23):
        make_question(
            world["run1"], ann, title=f"페이지 질문 {number:02d}", created_at=base + datetime.timedelta(minutes=number)
        )
    client = client_for(ann)
    board = reverse("community:questions", args=[world["course"].pk])
    first = client.get(board).content.decode()
    # ann sees her 2 fixture questions (asked now) and the 23 older ones: 25, newest first, 20 a page.
    assert "앤 공개 질문" in first and "페이지 질문 22" in first and "페이지 질문 05" in first
    assert "페이지 질문 04" not in first
    assert "?page=2" in first
    second = client.get(board + "?page=2").content.decode()
    assert "페이지 질문 04" in second and "페이지 질문 00" in second and "페이지 질문 05" not in second
    for bad in ("abc", "0", "-1", "999"):
        assert client.get(board + f"?page={bad}").status_code == 200
