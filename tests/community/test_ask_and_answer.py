"""Asking, answering and following up: validation, the inbox, notifications and their e-mail."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from community.models import Question, Reply
from notifications.models import Notification
from ops.models import PersonalDataAccess

from .conftest import client_for, make_question

pytestmark = pytest.mark.django_db


def test_an_empty_question_is_a_400_with_field_errors(world):
    ann = client_for(world["users"]["ann"])
    response = ann.post(f"/learn/courses/{world['course'].pk}/questions/", {"title": "", "body": " ", "visibility": ""})
    assert response.status_code == 400
    text = response.content.decode()
    assert text.count('class="field__error"') == 3
    assert Question.objects.count() == 3


def test_staff_who_study_nothing_see_no_ask_form_and_cannot_post(world):
    instructor = client_for(world["users"]["instructor_a"])
    url = f"/learn/courses/{world['course'].pk}/questions/"
    assert "ask-heading" not in instructor.get(url).content.decode()
    assert instructor.post(url, {"title": "t", "body": "b", "visibility": "private"}).status_code == 404


def test_asking_tells_the_runs_instructors_and_answering_tells_the_asker(world, django_capture_on_commit_callbacks):
    users = world["users"]
    ann = client_for(users["ann"])
    with django_capture_on_commit_callbacks(execute=True):
        response = ann.post(
            f"/learn/courses/{world['course'].pk}/questions/",
            {"title": "배터리 보관 온도", "body": "겨울철 보관 온도는?", "visibility": "private"},
        )
    question = Question.objects.get(title="배터리 보관 온도")
    assert response.status_code == 302 and response["Location"].endswith(f"/questions/{question.pk}/")
    assert question.run == world["run1"] and question.waiting_since is not None
    asked = Notification.objects.get(kind="question_asked", key=f"question:{question.pk}")
    assert asked.user == users["instructor_a"]  # the run's instructor, not the managers
    assert "배터리 보관 온도" in asked.message_ko and asked.email_due  # e-mail on by default
    assert asked.url == f"/cms/community/questions/inspect/{question.pk}/"

    instructor = client_for(users["instructor_a"])
    empty = instructor.post(asked.url, {"body": "  "})
    assert empty.status_code == 400 and not Reply.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        answered = instructor.post(asked.url, {"body": "영상 5도 이상에서 보관하세요."})
    assert answered.status_code == 302
    question.refresh_from_db()
    assert question.waiting_since is None and question.answered_at is not None
    note = Notification.objects.get(kind="question_answered", user=users["ann"])
    assert note.url == f"/learn/courses/{world['course'].pk}/questions/{question.pk}/" and note.email_due
    page = ann.get(note.url).content.decode()
    assert "영상 5도 이상에서 보관하세요." in page

    # The asker follows up: the question waits again and the instructor who answered is told.
    followed = ann.post(note.url, {"body": "리튬 배터리도 같은가요?"})
    assert followed.status_code == 302
    question.refresh_from_db()
    assert question.waiting_since is not None
    assert Notification.objects.filter(kind="question_asked", user=users["instructor_a"]).count() == 2
    assert [r.by_staff for r in Reply.objects.order_by("pk")] == [True, False]


def test_without_run_instructors_the_institutes_managers_are_told(world):
    users = world["users"]
    client_for(users["cat"]).post(
        f"/learn/courses/{world['course'].pk}/questions/", {"title": "2차 질문", "body": "본문", "visibility": "public"}
    )
    told = set(Notification.objects.filter(kind="question_asked").values_list("user_id", flat=True))
    assert told == {users["manager_a"].pk}


def test_the_inbox_lists_waiting_questions_oldest_first_with_their_age_and_logs_the_reading(world):
    users = world["users"]
    now = timezone.now()
    Question.objects.all().delete()
    make_question(
        world["run1"], users["ann"], title="사흘 된 질문", created_at=now - datetime.timedelta(days=3, hours=2)
    )
    make_question(world["run2"], users["cat"], title="두 시간 된 질문", created_at=now - datetime.timedelta(hours=2))
    make_question(world["run1"], users["bob"], title="답변된 질문", waiting=False)
    manager = client_for(users["manager_a"])
    response = manager.get("/cms/community/questions/")
    text = response.content.decode()
    assert response.status_code == 200
    assert text.index("사흘 된 질문") < text.index("두 시간 된 질문")
    assert "답변된 질문" not in text
    assert "3일 전" in text and "2시간 전" in text
    access = PersonalDataAccess.objects.get(actor=users["manager_a"])
    assert access.action == "view"
    # The admin menu shows the count of waiting questions (the sidebar is drawn from this component).
    from django.test import RequestFactory

    from community.admin_views import QuestionViewSet

    request = RequestFactory().get("/cms/")
    request.user = users["manager_a"]
    item = QuestionViewSet().get_menu_item()
    assert item.is_shown(request) and item.render_component(request).label == "질의응답 (2)"
    request.user = users["ann"]
    assert not item.is_shown(request)
    # Another institute's staff: an empty inbox.
    other = client_for(users["instructor_b"]).get("/cms/community/questions/").content.decode()
    assert "사흘 된 질문" not in other and "두 시간 된 질문" not in other
