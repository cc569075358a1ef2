"""What the end-to-end import tests share: an instructor with a question bank, and the admin upload."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from tests import factories as f

DATA = Path(__file__).parent / "data"


def import_staff(client, bank_title: str) -> dict:
    """An institute's instructor, signed in, with a course (no progress needed) and a question bank."""
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    bank = f.question_bank(institute, course, bank_title)
    instructor = f.instructor_of(institute)
    client.force_login(instructor)
    return {"course": course, "bank": bank, "instructor": instructor}


def upload(client, bank, name):
    """Import the sample file ``name`` (tests/assessments/data) into ``bank`` through the admin."""
    return client.post(
        "/cms/assessments/import/",
        {"bank": bank.pk, "file": SimpleUploadedFile(name, (DATA / name).read_bytes())},
        follow=True,
    )
