"""The Wagtail admin speaks good Korean to instructors and managers (locale_overrides/ corrects Wagtail)."""

from pathlib import Path

import polib
import pytest
from django.core import mail
from django.utils import translation

from tests import factories as f
from tests.support.i18n import SOURCES, makemessages_on_copy

pytestmark = pytest.mark.django_db

# Wagtail's own Korean catalogue says these; none may reach an instructor or a manager.
BAD_KOREAN = ["더 많은 움직임", "당신의 후기를 기다리는 중", "당신", "자취", "Approve with comment", "Request changes"]


@pytest.fixture
def in_review():
    institute = f.institute_page("알파연구원")
    course = f.course_page(institute, "알파 과정")
    module = f.module_page(course, "1단원 기초")
    lesson = f.lesson_page(module, "1차시 비행 전 점검")
    lesson.save_revision().publish()
    instructor = f.instructor_of(institute)
    manager = f.manager_of(institute)
    mail.outbox.clear()
    lesson.get_workflow().start(lesson, instructor)
    return {"course": course, "module": module, "lesson": lesson, "instructor": instructor, "manager": manager}


def korean_page(client, user, url: str) -> str:
    client.force_login(user)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 200, url
    return response.content.decode()


def test_override_catalogue_wins_over_wagtails_own():
    with translation.override("ko"):
        assert translation.gettext("Title") == "제목"
        assert translation.gettext("More actions") == "추가 작업"
        assert translation.gettext("Awaiting your review") == "검토 대기 중"
        assert translation.gettext("Request changes") == "수정 요청"
        assert translation.gettext("Approve with comment") == "의견과 함께 승인"
        # the instructor's job title on a course is a different word from a page's title
        assert translation.gettext("Job title") == "직함"


def test_reviewer_sees_the_moderation_actions_in_korean(client, in_review):
    html = korean_page(client, in_review["manager"], f"/cms/pages/{in_review['lesson'].pk}/edit/")

    for good in ["수정 요청", "의견과 함께 승인", "추가 작업"]:
        assert good in html
    for bad in BAD_KOREAN:
        assert bad not in html


def test_dashboard_lists_pages_awaiting_review_in_korean(client, in_review):
    html = korean_page(client, in_review["manager"], "/cms/")

    assert "검토 대기 중" in html
    assert "<title>대시보드 - 아카데미 관리</title>" in html
    assert "css/admin.css" in html
    assert "1차시 비행 전 점검" in html
    for bad in BAD_KOREAN:
        assert bad not in html


def test_explorer_and_editor_speak_korean(client, in_review):
    explorer = korean_page(client, in_review["instructor"], f"/cms/pages/{in_review['course'].pk}/")
    editor = korean_page(client, in_review["instructor"], f"/cms/pages/{in_review['course'].pk}/edit/")

    assert "제목" in explorer and "직함" not in explorer  # a page's title is not a job title
    assert "Exploring" not in explorer and "Sort by" not in explorer
    assert "영문" in editor  # the tab with the English fields
    for bad in BAD_KOREAN:
        assert bad not in explorer
        assert bad not in editor


def test_moderation_email_subjects_name_the_event(in_review):
    lesson, manager, instructor = in_review["lesson"], in_review["manager"], in_review["instructor"]
    submitted = [m for m in mail.outbox if manager.email in m.to]

    assert submitted, [m.subject for m in mail.outbox]
    assert all("검토 요청" in m.subject and "승인되었습니다" not in m.subject for m in submitted)

    mail.outbox.clear()
    workflow_state = lesson.current_workflow_state
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, manager, "reject", comment="보안 검토가 필요합니다")
    rejected = [m for m in mail.outbox if instructor.email in m.to]

    assert rejected, [m.subject for m in mail.outbox]
    assert all("반려" in m.subject and "거절당" not in m.subject for m in rejected)

    mail.outbox.clear()
    lesson.current_workflow_state.cancel(user=instructor)
    lesson.get_workflow().start(lesson, instructor)
    mail.outbox.clear()
    while (state := lesson.current_workflow_state) is not None:
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, manager, "approve")
        lesson.refresh_from_db()
    approved = [m for m in mail.outbox if instructor.email in m.to]

    assert approved, [m.subject for m in mail.outbox]
    assert any("승인" in m.subject for m in approved)
    assert all("검토 요청" not in m.subject for m in approved)


OVERRIDES = Path(__file__).resolve().parents[2] / "locale_overrides" / "ko" / "LC_MESSAGES" / "django.po"


def test_every_override_is_a_msgid_wagtail_or_allauth_still_uses():
    import allauth
    import wagtail

    known = set()
    paths = [*Path(wagtail.__file__).parent.glob("**/locale/*/LC_MESSAGES/django.po")]
    paths += Path(allauth.__file__).parent.glob("locale/*/LC_MESSAGES/django.po")
    for path in paths:
        if path.parts[-3] in ("en", "ko"):
            known.update(entry.msgid for entry in polib.pofile(str(path)))
    overrides = polib.pofile(str(OVERRIDES))

    assert len(overrides) > 100
    assert [e.msgid for e in overrides if e.msgid not in known] == []
    assert overrides.untranslated_entries() == [] and overrides.fuzzy_entries() == []


def test_extracting_the_project_strings_leaves_the_overrides_alone(tmp_path):
    """``bin/i18n`` runs makemessages with the overrides first in LOCALE_PATHS: nothing may land there."""
    result = makemessages_on_copy(tmp_path, [*SOURCES, "locale", "locale_overrides"])
    before = OVERRIDES.read_text()  # the copy makemessages ran on was the committed file

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "locale_overrides/ko/LC_MESSAGES/django.po").read_text() == before
    assert "Enrolment requests awaiting approval" in (tmp_path / "locale/ko/LC_MESSAGES/django.po").read_text()
