"""과제 (assignments): the trainee submits text and files, the instructor grades with 첨삭, the
trainee reads it, and the grade counts for completion. Services and the HTTP flow."""

from __future__ import annotations

import datetime
import hashlib
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from assessments import assignments
from assessments.models import AssignmentPage, AssignmentSubmission, SubmissionFile
from assessments.services import AssessmentError
from courses import completion
from courses.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are matched in English (the msgids); pages are read in Korean, the default."""
    with translation.override("en"):
        yield


PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
KST = datetime.timezone(datetime.timedelta(hours=9))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def setup():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    assignment = f.assignment_page(
        course,
        criteria=[("문제 분석", 40), ("해결 방안", 60)],
        title="비행 제어 보고서",
        due_at=timezone.now() + datetime.timedelta(days=3),
    )
    run = f.course_run(course)
    enrolment = f.enrolment(run)
    return {
        "institute": institute,
        "course": course,
        "assignment": assignment,
        "run": run,
        "enrolment": enrolment,
        "trainee": enrolment.user,
        "instructor": f.instructor_of(institute),
    }


def pdf(name="report.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


# --------------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------------


def test_an_assignment_goes_under_a_course_or_module_next_to_lessons_and_quizzes(setup):
    from assessments.models import QuizPage
    from courses.models import CoursePage, LessonPage, ModulePage

    assert AssignmentPage.can_create_at(setup["course"])
    assert AssignmentPage.can_create_at(f.module_page(setup["course"]))
    assert not AssignmentPage.can_create_at(setup["institute"])
    assert not AssignmentPage.can_create_at(f.lesson_page(setup["course"]))
    assert set(AssignmentPage.allowed_parent_page_models()) == {CoursePage, ModulePage}
    assert {LessonPage, QuizPage, AssignmentPage} <= set(CoursePage.allowed_subpage_models())


def test_an_assignment_has_moodles_defaults(setup):
    page = setup["course"].add_child(instance=AssignmentPage(title="과제", slug="defaults"))
    assert (page.max_file_mb, page.max_files, page.max_score, page.required) == (20, 3, 100, True)
    assert page.submission_type == "both"
    assert page.extensions == ["pdf", "hwp", "hwpx", "docx", "zip"]


def test_the_page_shows_instructions_due_date_with_d_day_and_the_form(client, setup):
    client.force_login(setup["trainee"])
    response = client.get(setup["assignment"].url)
    text = response.content.decode()
    assert response.status_code == 200
    assert "보고서를 제출하시오." in text
    assert "D-3" in text
    assert 'enctype="multipart/form-data"' in text and 'name="files"' in text and 'name="text"' in text
    assert "문제 분석" in text and "해결 방안" in text


def test_only_enrolled_trainees_and_staff_open_the_page(client, setup):
    page = setup["assignment"]
    assert client.get(page.url).status_code == 302  # anonymous: to the login page
    client.force_login(f.UserFactory())
    response = client.get(page.url)
    assert response.status_code == 302 and response["Location"] == setup["course"].url
    client.force_login(setup["instructor"])
    assert client.get(page.url).status_code == 200


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime.datetime(2026, 3, 2, 23, 59, tzinfo=KST), "D-1"),
        (datetime.datetime(2026, 3, 3, 0, 1, tzinfo=KST), "D-day"),  # midnight in Seoul, not UTC
        (datetime.datetime(2026, 3, 5, 9, 0, tzinfo=KST), "D+2"),
        (datetime.datetime(2026, 2, 26, 9, 0, tzinfo=KST), "D-5"),
    ],
)
def test_d_day_counts_korean_calendar_days(now, expected):
    due = datetime.datetime(2026, 3, 3, 18, 0, tzinfo=KST)
    assert assignments.d_day(due, now) == expected


# --------------------------------------------------------------------------------------------
# Submitting
# --------------------------------------------------------------------------------------------


def test_a_draft_can_be_replaced_until_submitted_and_stores_hash_and_size(setup):
    page, trainee = setup["assignment"], setup["trainee"]
    draft = assignments.submission_save(assignment=page, user=trainee, text="초안", uploads=[pdf("v1.pdf")])
    assert draft.state == AssignmentSubmission.State.DRAFT
    first = draft.files.get()
    assert (first.size, first.sha256) == (len(PDF), hashlib.sha256(PDF).hexdigest())
    first_name = first.file.name

    second = PDF + b"% revised\n"
    submitted = assignments.submission_save(
        assignment=page,
        user=trainee,
        text="최종본",
        uploads=[pdf("v2.pdf", second)],
        remove=[str(first.public_id)],
        submit=True,
    )
    assert submitted.pk == draft.pk
    assert submitted.state == AssignmentSubmission.State.SUBMITTED and submitted.submitted_at
    assert submitted.text == "최종본"
    assert [(x.original_name, x.sha256) for x in submitted.files.all()] == [
        ("v2.pdf", hashlib.sha256(second).hexdigest())
    ]
    assert not SubmissionFile.objects.filter(file=first_name).exists()

    with pytest.raises(AssessmentError, match="submitted for grading"):
        assignments.submission_save(assignment=page, user=trainee, text="또 바꿈")
    assert AssignmentSubmission.objects.get().text == "최종본"


def test_files_are_stored_under_an_unguessable_name_never_a_public_url(client, setup):
    submission = assignments.submission_save(
        assignment=setup["assignment"], user=setup["trainee"], uploads=[pdf("김교육_보고서.pdf")]
    )
    stored = submission.files.get().file.name
    assert stored.startswith("assignments/") and stored.endswith(".pdf")
    assert "김교육" not in stored and "보고서" not in stored and str(setup["trainee"].pk) not in stored.split("/")
    assert len(stored.split("/")[1]) == 32  # 128 random bits
    assert default_storage.exists(stored)
    assert client.get(f"/media/{stored}").status_code == 404


def test_nothing_is_written_when_one_file_is_refused(setup):
    page, trainee = setup["assignment"], setup["trainee"]
    with pytest.raises(AssessmentError, match="not a real .pdf"):
        assignments.submission_save(
            assignment=page, user=trainee, text="본문", uploads=[pdf("ok.pdf"), pdf("fake.pdf", b"MZ\x90\x00binary")]
        )
    assert not AssignmentSubmission.objects.exists()
    assert not SubmissionFile.objects.exists()
    assert not default_storage.exists("assignments") or default_storage.listdir("assignments") == ([], [])


def test_size_count_and_type_limits(setup):
    page, trainee = setup["assignment"], setup["trainee"]
    AssignmentPage.objects.filter(pk=page.pk).update(max_file_mb=1, max_files=2)
    page.refresh_from_db()
    big = PDF + b"0" * (1024 * 1024)
    with pytest.raises(AssessmentError, match="larger than 1 MB"):
        assignments.submission_save(assignment=page, user=trainee, uploads=[pdf("big.pdf", big)])
    with pytest.raises(AssessmentError, match="not accepted"):
        assignments.submission_save(
            assignment=page, user=trainee, uploads=[SimpleUploadedFile("run.exe", b"MZ\x90\x00")]
        )
    with pytest.raises(AssessmentError, match="At most 2 files"):
        assignments.submission_save(assignment=page, user=trainee, uploads=[pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")])
    with pytest.raises(AssessmentError, match="empty"):
        assignments.submission_save(assignment=page, user=trainee, uploads=[pdf("zero.pdf", b"")])
    assert not SubmissionFile.objects.exists()


def test_submitting_needs_what_the_assignment_asks_for(setup):
    page, trainee = setup["assignment"], setup["trainee"]
    with pytest.raises(AssessmentError, match="before submitting"):
        assignments.submission_save(assignment=page, user=trainee, text="  ", submit=True)
    AssignmentPage.objects.filter(pk=page.pk).update(submission_type="files")
    page.refresh_from_db()
    with pytest.raises(AssessmentError, match="at least one file"):
        assignments.submission_save(assignment=page, user=trainee, text="글만", submit=True)
    assert not AssignmentSubmission.objects.filter(state="submitted").exists()


def test_after_the_due_date_nothing_changes_until_staff_reopen(setup):
    page, trainee = setup["assignment"], setup["trainee"]
    assignments.submission_save(assignment=page, user=trainee, text="초안")
    late = page.due_at + datetime.timedelta(minutes=1)
    with pytest.raises(AssessmentError, match="due date has passed"):
        assignments.submission_save(assignment=page, user=trainee, text="늦은 수정", submit=True, now=late)
    assert AssignmentSubmission.objects.get().text == "초안"


def test_a_reopened_submission_can_be_changed_and_submitted_again_even_late(setup):
    page, trainee = setup["assignment"], setup["trainee"]
    submission = assignments.submission_save(assignment=page, user=trainee, text="1차", submit=True)
    assignments.submission_grade(
        submission=submission,
        actor=setup["instructor"],
        criterion_scores={c.pk: 10 for c in page.criteria.all()},
        feedback="근거를 보완하시오.",
    )
    reopened = assignments.submission_reopen(
        submission=submission, actor=setup["instructor"], reason="근거 보완 후 재제출"
    )
    assert reopened.state == AssignmentSubmission.State.DRAFT and reopened.reopened_by == setup["instructor"]
    assert assignments.assignment_score(setup["enrolment"], page) is None  # the old grade no longer counts
    late = page.due_at + datetime.timedelta(days=1)
    again = assignments.submission_save(assignment=page, user=trainee, text="2차", submit=True, now=late)
    assert again.state == AssignmentSubmission.State.SUBMITTED and again.text == "2차"


def test_a_trainee_not_enrolled_cannot_submit(setup):
    with pytest.raises(AssessmentError, match="Enrol"):
        assignments.submission_save(assignment=setup["assignment"], user=f.UserFactory(), text="몰래")
    assert not AssignmentSubmission.objects.exists()


# --------------------------------------------------------------------------------------------
# Grading
# --------------------------------------------------------------------------------------------


def test_grading_on_a_rubric_sums_the_criteria_and_records_grader_and_time(setup):
    page = setup["assignment"]
    first, second = page.criteria.all()
    submission = assignments.submission_save(assignment=page, user=setup["trainee"], text="답", submit=True)
    now = timezone.now()
    graded = assignments.submission_grade(
        submission=submission,
        actor=setup["instructor"],
        criterion_scores={first.pk: Decimal("35.5"), second.pk: Decimal("40")},
        feedback="  원인 분석이 좋습니다.  ",
        now=now,
    )
    assert graded.score == Decimal("75.50")
    assert graded.criterion_scores == {str(first.pk): "35.50", str(second.pk): "40.00"}
    assert (graded.graded_by, graded.graded_at, graded.feedback) == (setup["instructor"], now, "원인 분석이 좋습니다.")
    assert assignments.assignment_score(setup["enrolment"], page) == (Decimal("75.50"), Decimal("100"))


def test_grades_outside_the_limits_are_refused_and_nothing_changes(setup):
    page = setup["assignment"]
    first, second = page.criteria.all()
    submission = assignments.submission_save(assignment=page, user=setup["trainee"], text="답", submit=True)
    for scores, message in (
        ({first.pk: 41, second.pk: 0}, "between 0 and 40"),
        ({first.pk: -1, second.pk: 0}, "between 0 and 40"),
        ({first.pk: 10}, "every criterion"),
    ):
        with pytest.raises(AssessmentError, match=message):
            assignments.submission_grade(submission=submission, actor=setup["instructor"], criterion_scores=scores)
    AssignmentPage.objects.filter(pk=page.pk).update(max_score=50)
    page.criteria.all().delete()
    with pytest.raises(AssessmentError, match="between 0 and 50"):
        assignments.submission_grade(submission=submission, actor=setup["instructor"], score=Decimal("50.01"))
    submission.refresh_from_db()
    assert submission.state == "submitted" and submission.score is None and submission.graded_by is None


def test_a_draft_cannot_be_graded(setup):
    draft = assignments.submission_save(assignment=setup["assignment"], user=setup["trainee"], text="초안")
    with pytest.raises(AssessmentError, match="Only a submitted"):
        assignments.submission_grade(submission=draft, actor=setup["instructor"], criterion_scores={})


# --------------------------------------------------------------------------------------------
# Completion and the score selector
# --------------------------------------------------------------------------------------------


def _requirement(enrolment, page):
    enrolment = Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)
    return next(r for r in completion.requirements(enrolment) if r.key == f"assignment:{page.pk}")


def test_a_required_assignment_counts_for_completion_once_graded_at_the_pass_mark(setup):
    page, enrolment, instructor = setup["assignment"], setup["enrolment"], setup["instructor"]
    first, second = page.criteria.all()

    assert assignments.assignment_score(enrolment, page) is None
    requirement = _requirement(enrolment, page)
    assert not requirement.met and "not submitted yet" in requirement.label

    submission = assignments.submission_save(assignment=page, user=enrolment.user, text="답", submit=True)
    assert assignments.assignment_score(enrolment, page) == (None, Decimal("100"))
    assert "awaiting grading" in _requirement(enrolment, page).label

    assignments.submission_grade(
        submission=submission, actor=instructor, criterion_scores={first.pk: 30, second.pk: 29}
    )
    requirement = _requirement(enrolment, page)
    assert not requirement.met and "now 59" in requirement.label
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE

    assignments.submission_grade(
        submission=submission, actor=instructor, criterion_scores={first.pk: 30, second.pk: 30}
    )
    assert _requirement(enrolment, page).met
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED


def test_the_pass_rule_compares_the_score_converted_to_100_points(setup):
    page = f.assignment_page(setup["course"], max_score=20, pass_mark=60)
    submission = assignments.submission_save(assignment=page, user=setup["trainee"], text="답", submit=True)
    assignments.submission_grade(submission=submission, actor=setup["instructor"], score=Decimal("11.9"))
    assert not _requirement(setup["enrolment"], page).met  # 59.5 of 100
    assignments.submission_grade(submission=submission, actor=setup["instructor"], score=Decimal("12"))
    assert _requirement(setup["enrolment"], page).met  # 60 of 100
    assert assignments.assignment_score(setup["enrolment"], page) == (Decimal("12.00"), Decimal("20"))


def test_an_optional_or_unpublished_assignment_is_no_requirement(setup):
    optional = f.assignment_page(setup["course"], required=False)
    draft = f.assignment_page(setup["course"], live=False)
    enrolment = Enrolment.objects.select_related("run__course").get(pk=setup["enrolment"].pk)
    keys = {r.key for r in completion.requirements(enrolment)}
    assert f"assignment:{setup['assignment'].pk}" in keys
    assert f"assignment:{optional.pk}" not in keys and f"assignment:{draft.pk}" not in keys


# --------------------------------------------------------------------------------------------
# The whole flow over HTTP, without JavaScript
# --------------------------------------------------------------------------------------------


def test_submit_grade_feedback_and_completion_through_the_pages(client, setup):
    page, trainee, instructor = setup["assignment"], setup["trainee"], setup["instructor"]
    first, second = page.criteria.all()

    client.force_login(trainee)
    response = client.post(page.url, {"action": "save", "text": "초안입니다", "files": [pdf("draft.pdf")]})
    assert response.status_code == 302
    submission = AssignmentSubmission.objects.get()
    assert submission.state == "draft" and submission.files.count() == 1
    response = client.post(page.url, {"action": "submit", "text": "최종 보고서입니다"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == "submitted" and submission.text == "최종 보고서입니다"
    text = client.get(page.url).content.decode()
    assert "Submitted, awaiting grading" in text or "채점 대기" in text
    assert 'name="action"' not in text  # no form once submitted

    client.force_login(instructor)
    listing = client.get(reverse("assignment_grading:submissions", args=[setup["run"].pk, page.pk]))
    assert listing.status_code == 200 and trainee.name_ko in listing.content.decode()
    grade_url = reverse("assignment_grading:grade", args=[submission.pk])
    shown = client.get(grade_url).content.decode()
    assert "최종 보고서입니다" in shown and "draft.pdf" in shown
    refused = client.post(grade_url, {f"criterion-{first.pk}": "45", f"criterion-{second.pk}": "50", "feedback": "x"})
    assert refused.status_code == 200  # the form again, with the error
    submission.refresh_from_db()
    assert submission.score is None
    response = client.post(
        grade_url,
        {f"criterion-{first.pk}": "35", f"criterion-{second.pk}": "50", "feedback": "근거 자료를 더 보강하세요."},
    )
    assert response.status_code == 302

    client.force_login(trainee)
    text = client.get(page.url).content.decode()
    assert "근거 자료를 더 보강하세요." in text
    assert "85" in text
    enrolment = Enrolment.objects.get(pk=setup["enrolment"].pk)
    assert enrolment.status == Enrolment.Status.COMPLETED


def test_the_feedback_stays_hidden_until_graded(client, setup):
    page = setup["assignment"]
    submission = assignments.submission_save(assignment=page, user=setup["trainee"], text="답", submit=True)
    AssignmentSubmission.objects.filter(pk=submission.pk).update(feedback="미리 쓴 첨삭")  # a grader's unsaved note
    client.force_login(setup["trainee"])
    assert "미리 쓴 첨삭" not in client.get(page.url).content.decode()


def test_a_refused_upload_shows_the_error_and_keeps_the_typed_text(client, setup):
    client.force_login(setup["trainee"])
    response = client.post(
        setup["assignment"].url,
        {"action": "save", "text": "내가 쓴 긴 답", "files": [pdf("fake.pdf", b"<html>not a pdf</html>")]},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "fake.pdf" in text and "내가 쓴 긴 답" in text
    assert not AssignmentSubmission.objects.exists()


def test_the_grading_service_itself_refuses_anyone_but_the_institutes_staff(setup):
    """The screens check the policy; the service asks it again (a task or a later screen calling it
    cannot grade for another institute)."""
    submission = assignments.submission_save(
        assignment=setup["assignment"], user=setup["trainee"], text="답", submit=True
    )
    for outsider in (f.instructor_of(f.institute_page()), setup["trainee"]):
        with translation.override("en"), pytest.raises(AssessmentError, match="staff of the course's institute"):
            assignments.submission_grade(submission=submission, actor=outsider, score=Decimal("90"))
    submission.refresh_from_db()
    assert submission.score is None and submission.graded_by is None
