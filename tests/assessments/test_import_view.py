"""Importing GIFT and Moodle XML banks through the admin: all or nothing, errors by line or question."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import Question
from tests import factories as f

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


@pytest.fixture
def setup(client):
    institute = f.institute_page()
    bank = f.question_bank(institute, f.course_page(institute), "드론 문제은행")
    client.force_login(f.instructor_of(institute))
    return {"institute": institute, "bank": bank}


def upload(client, bank, name, data=None, **extra):
    content = data if data is not None else (DATA / name).read_bytes()
    return client.post(
        "/cms/assessments/import/",
        {"bank": bank.pk, "file": SimpleUploadedFile(name, content), **extra},
        follow=True,
    )


@pytest.mark.parametrize("name", ["drone_bank.gift", "drone_bank.xml"])
def test_valid_files_import_every_question(client, setup, name):
    response = upload(client, setup["bank"], name)

    assert "문제 13개를 가져왔습니다" in response.content.decode()
    questions = Question.objects.filter(bank=setup["bank"])
    assert questions.count() == 13
    assert {q.type for q in questions} == {"single", "multiple", "true_false", "short", "numeric"}
    single = questions.filter(type="single").first()
    assert single.choices.filter(weight=1).count() == 1


@pytest.mark.parametrize("name", ["drone_bank_broken.gift", "drone_bank_broken.xml"])
def test_broken_files_import_nothing_and_name_each_problem(client, setup, name):
    response = upload(client, setup["bank"], name)

    text = response.content.decode()
    assert "아무것도 가져오지 않았습니다" in text
    problems = text[text.index("고쳐야 할 문제") :]
    assert problems.count("<li>") >= 9
    assert ("번째 줄" in problems) if name.endswith(".gift") else ("번 문항" in problems)
    assert not Question.objects.exists()


def test_unsupported_questions_are_listed_and_need_consent(client, setup):
    gift = "::지원::다음 중 참인 것은? {T}\n\n::설명문::다음 문항은 비행 전 점검에 관한 것입니다.\n".encode()

    first = upload(client, setup["bank"], "mixed.gift", gift)
    assert "지원하지 않는 문제" in first.content.decode()
    assert not Question.objects.exists()

    second = upload(client, setup["bank"], "mixed.gift", gift, skip_unsupported="on")
    assert Question.objects.count() == 1
    assert "문제 1개를 가져왔습니다" in second.content.decode()


def test_cannot_import_into_another_institutes_bank(client, setup):
    foreign = f.question_bank(f.institute_page(), title="남의 은행")

    response = upload(client, foreign, "drone_bank.gift")

    assert response.status_code == 200
    assert not Question.objects.exists()


def test_wrong_file_type_is_refused(client, setup):
    response = upload(client, setup["bank"], "bank.docx", b"PK\x03\x04")

    assert "아무것도 가져오지 않았습니다" in response.content.decode()
    assert not Question.objects.exists()
