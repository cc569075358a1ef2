"""수료자 명단 (DOMAIN-KR §2.4, issue 16 point 10): per funded run, CSV and XLSX with 이름, 생년월일,
사업장, 비용수급사업장번호, 훈련생구분, 진도율, 총점, 수료여부, 훈련기간; for the run's institute staff only."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import load_workbook

from accounts.models import Membership, Organisation
from assessments import funded
from assessments.models import Attempt
from courses.models.audit import InstituteLogEntry
from tests import factories as f

from .funded_support import funded_course

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _korean():
    with translation.override("ko"):
        yield


@pytest.fixture
def assignment_scores(monkeypatch):
    scores: dict[int, Decimal] = {}
    monkeypatch.setattr(
        funded, "_assignment_sources", [lambda enrolments: {e.pk: scores.get(e.pk) for e in enrolments}]
    )
    return scores


def url(run, file_format="csv"):
    return f"/cms/assessments/runs/{run.pk}/completion-list/?format={file_format}"


def download(client, run, file_format="csv"):
    """The file, after the reason the form asks for (DOMAIN-KR §5.3)."""
    return client.post(url(run), {"format": file_format, "reason": "HRD-Net 수료자 명단 입력"})


def world_with_trainees(scores):
    world = funded_course()
    organisation = Organisation.objects.create(name_ko="대전드론테크", workplace_number="314-81-12345-1")
    passed = f.enrolment(world["run"], status="completed", progress_percent=90)
    passed.user.name_ko = "김수료"
    passed.user.birth_date = datetime.date(1990, 5, 17)
    passed.user.save()
    Membership.objects.create(organisation=organisation, user=passed.user)
    for quiz, score in ((world["progress_test"], "50"), (world["final_test"], "70")):
        Attempt.objects.create(
            quiz=quiz, enrolment=passed, user=passed.user, number=1, state=Attempt.State.SUBMITTED, score=Decimal(score)
        )
    scores[passed.pk] = Decimal("60")
    studying = f.enrolment(world["run"], progress_percent=40)
    studying.user.name_ko = "이미수"
    studying.user.save()
    f.enrolment(world["run"], status="pending")  # not a trainee yet: not listed
    return world


def test_the_csv_has_the_fields_hrd_net_asks_for(client, assignment_scores):
    world = world_with_trainees(assignment_scores)
    client.force_login(world["manager"])

    response = download(client, world["run"])

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "이름",
        "생년월일",
        "사업장",
        "비용수급사업장번호",
        "훈련생구분",
        "진도율(%)",
        "총점",
        "수료여부",
        "훈련기간",
    ]
    assert rows[1] == [
        "김수료",
        "1990-05-17",
        "대전드론테크",
        "314-81-12345-1",
        "자사근로자(007)",
        "90",
        "63.00",
        "수료",
        "2026-03-02 ~ 2026-03-31",
    ]
    assert rows[2] == ["이미수", "", "", "", "", "40", "0.00", "미수료", "2026-03-02 ~ 2026-03-31"]
    assert len(rows) == 3


def test_every_download_is_written_to_the_runs_history(client, assignment_scores):
    """Who (the entry's user), when (its time), which run (its object) and how many trainees."""
    world = world_with_trainees(assignment_scores)
    client.force_login(world["manager"])

    download(client, world["run"])
    download(client, world["run"], "xlsx")

    entries = list(
        InstituteLogEntry.objects.filter(action="assessments.completion_list_export").order_by("timestamp", "id")
    )
    assert [(e.user_id, e.object_id, e.data) for e in entries] == [
        (world["manager"].pk, str(world["run"].pk), {"format": "csv", "rows": 2}),
        (world["manager"].pk, str(world["run"].pk), {"format": "xlsx", "rows": 2}),
    ]
    assert all(e.timestamp and e.institute_id == world["institute"].pk for e in entries)
    report = client.get("/cms/reports/site-history/").content.decode()
    assert "수료자 명단을 내려받았습니다(교육생 2명, XLSX)" in report


def test_a_refused_download_writes_nothing(client, assignment_scores):
    world = world_with_trainees(assignment_scores)
    client.force_login(f.manager_of(f.institute_page()))
    assert client.get(url(world["run"])).status_code == 404
    assert not InstituteLogEntry.objects.filter(action="assessments.completion_list_export").exists()


def test_the_xlsx_has_the_same_rows(client, assignment_scores):
    world = world_with_trainees(assignment_scores)
    client.force_login(world["manager"])

    response = download(client, world["run"], "xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "이름" and values[1][0] == "김수료" and values[1][6] == "63.00"


def test_another_institutes_staff_get_a_404_and_an_unfunded_run_has_no_list(client, assignment_scores):
    world = world_with_trainees(assignment_scores)
    client.force_login(f.manager_of(f.institute_page()))
    assert client.get(url(world["run"])).status_code == 404

    unfunded = funded_course(funded=False)
    client.force_login(unfunded["manager"])
    assert client.get(url(unfunded["run"])).status_code == 404


def test_the_run_screen_offers_the_list_for_funded_runs_only(client):
    world = funded_course()
    client.force_login(world["manager"])
    assert url(world["run"]).split("?")[0] in client.get(f"/cms/academy/runs/{world['run'].pk}/").content.decode()

    unfunded = funded_course(funded=False)
    client.force_login(unfunded["manager"])
    page = client.get(f"/cms/academy/runs/{unfunded['run'].pk}/").content.decode()
    assert "completion-list" not in page
