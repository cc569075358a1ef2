"""The staff side of assignments: the list of a run's submissions, the grading form, reopening,
and the editor's rubric check. Scoped by institute."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from assessments import assignments
from assessments.models import AssignmentPage, AssignmentSubmission, SubmissionReopening
from assessments.services import AssessmentError
from courses.models import InstituteLogEntry
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def world():
    alpha, beta = f.institute_page(), f.institute_page()
    course = f.course_page(alpha, min_progress_percent=0)
    page = f.assignment_page(course, title="정비 일지 과제")
    run = f.course_run(course)
    waiting = f.enrolment(run, f.UserFactory(name_ko="가나다"))
    drafting = f.enrolment(run, f.UserFactory(name_ko="라마바"))
    idle = f.enrolment(run, f.UserFactory(name_ko="사아자"))
    submitted_at = timezone.now() - datetime.timedelta(days=2, hours=1)
    submission = assignments.submission_save(
        assignment=page, user=waiting.user, text="정비 기록", submit=True, now=submitted_at
    )
    assignments.submission_save(assignment=page, user=drafting.user, text="쓰는 중")
    return {
        "page": page,
        "run": run,
        "submission": submission,
        "idle": idle,
        "instructor": f.instructor_of(alpha),
        "other_instructor": f.instructor_of(beta),
        "list_url": reverse("assignment_grading:submissions", args=[run.pk, page.pk]),
        "grade_url": reverse("assignment_grading:grade", args=[submission.pk]),
    }


def test_the_list_shows_every_trainee_with_state_and_age_waiting_first(client, world):
    client.force_login(world["instructor"])
    response = client.get(world["list_url"], HTTP_ACCEPT_LANGUAGE="en")
    text = response.content.decode()
    assert response.status_code == 200
    assert text.index("가나다") < text.index("라마바") < text.index("사아자")
    for label in ("Submitted, awaiting grading", "Draft (not submitted)", "Not submitted"):
        assert label in text
    assert "2\xa0days, 1\xa0hour ago" in text  # the age of the submission (timesince)


def test_the_index_counts_submissions_waiting_per_run(client, world):
    client.force_login(world["instructor"])
    response = client.get(reverse("assignment_grading:index"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "정비 일지 과제" in text and world["list_url"] in text
    assert "<strong>1</strong>" in text  # one submission awaiting grading


def test_another_institutes_instructor_finds_nothing(client, world):
    client.force_login(world["other_instructor"])
    assert client.get(world["list_url"]).status_code == 404
    assert client.get(world["grade_url"]).status_code == 404
    assert client.post(world["grade_url"], {"score": "100", "feedback": "x"}).status_code == 404
    assert "정비 일지 과제" not in client.get(reverse("assignment_grading:index")).content.decode()
    world["submission"].refresh_from_db()
    assert world["submission"].score is None


def test_a_trainee_cannot_open_the_grading_screens(client, world):
    client.force_login(world["submission"].user)
    assert client.get(world["grade_url"]).status_code in (302, 403)
    assert client.post(world["grade_url"], {"score": "100"}).status_code in (302, 403)
    world["submission"].refresh_from_db()
    assert world["submission"].score is None


def test_without_a_rubric_one_score_within_the_maximum(client, world):
    client.force_login(world["instructor"])
    refused = client.post(world["grade_url"], {"score": "100.5", "feedback": "좋아요"})
    assert refused.status_code == 200
    assert 'name="score"' in refused.content.decode()
    response = client.post(world["grade_url"], {"score": "72.5", "feedback": "표기법을 통일하세요."})
    assert response.status_code == 302 and response["Location"] == world["list_url"]
    submission = AssignmentSubmission.objects.get(pk=world["submission"].pk)
    assert (submission.state, submission.score, submission.graded_by) == (
        "graded",
        Decimal("72.50"),
        world["instructor"],
    )
    assert submission.feedback == "표기법을 통일하세요."


def test_a_draft_shows_no_grading_form_and_cannot_be_graded(client, world):
    draft = AssignmentSubmission.objects.get(state="draft")
    client.force_login(world["instructor"])
    url = reverse("assignment_grading:grade", args=[draft.pk])
    assert 'name="score"' not in client.get(url).content.decode()
    client.post(url, {"score": "50"})
    draft.refresh_from_db()
    assert draft.score is None and draft.state == "draft"


def test_reopening_gives_the_submission_back_to_the_trainee(client, world):
    client.force_login(world["instructor"])
    response = client.post(world["grade_url"], {"action": "reopen", "reason": "Attach the flight log too."})
    assert response.status_code == 302
    submission = AssignmentSubmission.objects.get(pk=world["submission"].pk)
    assert submission.state == "draft" and submission.reopened_by == world["instructor"]
    client.force_login(submission.user)
    assert 'value="submit"' in client.get(world["page"].url).content.decode()  # the form is back


def test_reopening_without_a_reason_is_refused_and_changes_nothing(client, world):
    client.force_login(world["instructor"])

    response = client.post(world["grade_url"], {"action": "reopen", "reason": "   "}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert "Give the reason for reopening the submission." in response.content.decode()
    submission = AssignmentSubmission.objects.get(pk=world["submission"].pk)
    assert submission.state == "submitted" and submission.reopened_at is None
    assert not SubmissionReopening.objects.exists()


def test_reopening_without_a_reason_is_refused_in_korean(client, world):
    client.force_login(world["instructor"])

    with translation.override("ko"):
        response = client.post(world["grade_url"], {"action": "reopen"}, HTTP_ACCEPT_LANGUAGE="ko")

    assert response.status_code == 400
    assert "재제출을 허용하는 사유를 입력하세요." in response.content.decode()


def test_each_reopening_is_logged_and_shown_on_the_grading_screen(client, world):
    submission = world["submission"]
    assignments.submission_grade(submission=submission, actor=world["instructor"], score=Decimal("40"))
    first = timezone.now() - datetime.timedelta(hours=3)
    assignments.submission_reopen(
        submission=submission, actor=world["instructor"], reason="Attach the flight log too.", now=first
    )
    assignments.submission_save(assignment=world["page"], user=submission.user, text="정비 기록 2", submit=True)
    manager = f.manager_of(world["page"].course.institute)
    assignments.submission_reopen(submission=submission, actor=manager, reason="Wrong file uploaded.")

    rows = list(SubmissionReopening.objects.order_by("reopened_at"))
    assert [(r.reopened_by, r.reason, r.from_state, r.from_score) for r in rows] == [
        (world["instructor"], "Attach the flight log too.", "graded", Decimal("40.00")),
        (manager, "Wrong file uploaded.", "submitted", None),
    ]
    assert rows[0].reopened_at == first
    logged = InstituteLogEntry.objects.filter(action="assessments.submission_reopen").order_by("timestamp")
    assert [(entry.user_id, entry.data["reason"]) for entry in logged] == [
        (world["instructor"].pk, "Attach the flight log too."),
        (manager.pk, "Wrong file uploaded."),
    ]
    client.force_login(world["instructor"])
    text = client.get(world["grade_url"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Reopenings" in text
    assert "Attach the flight log too." in text and "Wrong file uploaded." in text
    assert world["instructor"].get_full_name() in text and manager.get_full_name() in text


def test_another_institutes_instructor_cannot_reopen(world):
    with pytest.raises(AssessmentError):
        assignments.submission_reopen(
            submission=world["submission"], actor=world["other_instructor"], reason="Not mine to reopen."
        )
    assert AssignmentSubmission.objects.get(pk=world["submission"].pk).state == "submitted"
    assert not SubmissionReopening.objects.exists()


# --------------------------------------------------------------------------------------------
# The editor's form
# --------------------------------------------------------------------------------------------


def _page_form(course, user, *, max_score: int, points: list[int]):
    form_class = AssignmentPage.get_edit_handler().get_form_class()
    data = {
        "title": "새 과제",
        "slug": "new-assignment",
        "submission_type": "both",
        "allowed_extensions": "pdf, hwp",
        "max_file_mb": "20",
        "max_files": "3",
        "max_score": str(max_score),
        "pass_mark": "60",
        "required": "on",
        "criteria-TOTAL_FORMS": str(len(points)),
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for index, value in enumerate(points):
        data.update({f"criteria-{index}-title": f"항목 {index}", f"criteria-{index}-points": str(value)})
        data[f"criteria-{index}-ORDER"] = str(index + 1)
    return form_class(data, instance=AssignmentPage(), parent_page=course, for_user=user)


def test_the_rubric_must_add_up_to_the_maximum_score(world):
    course = world["page"].course
    manager = f.manager_of(course.institute)
    wrong = _page_form(course, manager, max_score=100, points=[40, 50])
    assert not wrong.is_valid()
    assert "add up to 90" in str(wrong.errors["max_score"])
    right = _page_form(course, manager, max_score=100, points=[40, 60])
    assert right.is_valid(), right.errors
    no_rubric = _page_form(course, manager, max_score=20, points=[])
    assert no_rubric.is_valid(), no_rubric.errors


def test_unknown_file_types_are_refused_in_the_editor(world):
    course = world["page"].course
    form = _page_form(course, f.manager_of(course.institute), max_score=100, points=[])
    form.data = {**form.data, "allowed_extensions": "pdf, exe"}
    assert not form.is_valid()
    assert "exe" in str(form.errors["allowed_extensions"])


def test_the_dashboard_shows_assignments_waiting_for_a_grade_in_the_users_institute_only(client, world):
    client.force_login(world["instructor"])
    text = client.get("/cms/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Assignments to grade" in text
    assert "정비 일지 과제" in text and world["list_url"] in text and "1 submission to grade" in text

    client.force_login(world["other_instructor"])
    text = client.get("/cms/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "No assignment is waiting for a grade." in text and "정비 일지 과제" not in text

    assignments.submission_grade(submission=world["submission"], actor=world["instructor"], score=Decimal("90"))
    client.force_login(world["instructor"])
    text = client.get("/cms/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "No assignment is waiting for a grade." in text


def test_the_gradebook_has_a_column_per_assignment_in_100_points(client, world):
    page = world["page"]
    AssignmentPage.objects.filter(pk=page.pk).update(max_score=50)
    url = reverse("gradebook:run", args=[world["run"].pk])
    client.force_login(world["instructor"])
    text = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<th>정비 일지 과제</th>" in text and "Awaiting grading" in text

    assignments.submission_grade(submission=world["submission"], actor=world["instructor"], score=Decimal("35"))
    text = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Awaiting grading" not in text
    assert "70 <span" in text  # 35 of 50 points is 70 of 100, a pass at 60

    export = client.post(url, {"format": "csv", "reason": "성적 확인"}, HTTP_ACCEPT_LANGUAGE="en").content.decode(
        "utf-8-sig"
    )
    header, first = export.splitlines()[:2]
    assert "정비 일지 과제 · Score" in header and "정비 일지 과제 · Result" in header
    assert first.startswith("가나다") and first.endswith("70.0,Pass")
