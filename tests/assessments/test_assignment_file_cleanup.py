"""A submitted file leaves the configured storage with its row, once the deletion commits: when the
trainee removes it from a draft, when the submission goes, and when the assignment page is deleted
in the Wagtail admin. A deletion that rolls back keeps the file."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from assessments import assignments
from assessments.models import AssignmentSubmission, SubmissionFile
from tests import factories as f

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    page = f.assignment_page(course, title="비행 제어 보고서")
    run = f.course_run(course)
    trainees = [f.enrolment(run).user for _ in range(2)]
    names = []
    for number, trainee in enumerate(trainees):
        submission = assignments.submission_save(
            assignment=page,
            user=trainee,
            uploads=[SimpleUploadedFile(f"보고서{number}.pdf", PDF + bytes([number]))],
            submit=True,
        )
        names.append(submission.files.get().file.name)
    assert all(default_storage.exists(name) for name in names)
    return {"institute": institute, "page": page, "trainees": trainees, "names": names}


def test_a_file_removed_from_a_draft_leaves_the_storage_after_the_commit(django_capture_on_commit_callbacks, world):
    trainee = f.enrolment(f.course_run(world["page"].course)).user
    draft = assignments.submission_save(
        assignment=world["page"], user=trainee, uploads=[SimpleUploadedFile("초안.pdf", PDF + b"draft")]
    )
    item = draft.files.get()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assignments.submission_save(assignment=world["page"], user=trainee, remove=[str(item.public_id)])
    assert default_storage.exists(item.file.name)  # not before the commit
    for callback in callbacks:
        callback()

    assert not default_storage.exists(item.file.name)
    assert all(default_storage.exists(name) for name in world["names"])  # the others' files stay


def test_deleting_a_submission_deletes_its_files(django_capture_on_commit_callbacks, world):
    submission = AssignmentSubmission.objects.get(user=world["trainees"][0])

    with django_capture_on_commit_callbacks(execute=True):
        submission.delete()

    assert not default_storage.exists(world["names"][0])
    assert default_storage.exists(world["names"][1])


def test_deleting_the_assignment_page_in_the_admin_deletes_every_submitted_file(
    client, django_capture_on_commit_callbacks, world
):
    client.force_login(f.AdminUserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/cms/pages/{world['page'].pk}/delete/")

    assert response.status_code == 302
    assert not SubmissionFile.objects.exists()
    assert not any(default_storage.exists(name) for name in world["names"])


def test_a_deletion_that_rolls_back_keeps_the_files(django_capture_on_commit_callbacks, world):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            world["page"].delete()
            raise RuntimeError("rolled back")

    assert callbacks == []
    assert SubmissionFile.objects.count() == 2
    assert all(default_storage.exists(name) for name in world["names"])
