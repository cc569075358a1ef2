"""Staff screens: runs, enrolment lists with exports, the approval queue and attendance."""

import csv
import io

import pytest
from openpyxl import load_workbook

from courses.models import AttendanceRecord, CourseRun, Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    alpha = f.institute_page("알파연구원")
    beta = f.institute_page("베타연구원")
    course = f.course_page(alpha, "군용드론 정비 실무", enrolment_policy="approval")
    run = f.course_run(course, capacity=10)
    beta_run = f.course_run(f.course_page(beta, "베타 과정"))
    trainees = [
        f.enrolment(run, user=f.UserFactory(name_ko="김수강", email="kim@example.com"), progress_percent=50),
        f.enrolment(run, user=f.UserFactory(name_ko="=HYPERLINK(1)", email="evil@example.com"), status="pending"),
        f.enrolment(run, status="completed", progress_percent=100),
    ]
    return {
        "alpha": alpha,
        "run": run,
        "beta_run": beta_run,
        "trainees": trainees,
        "instructor": f.instructor_of(alpha),
        "manager": f.manager_of(alpha),
    }


def test_enrolment_list_shows_status_progress_and_completion(client, setup):
    client.force_login(setup["instructor"])

    response = client.get(f"/cms/academy/runs/{setup['run'].pk}/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "김수강" in text and "50%" in text and "승인 대기" in text and "수료" in text


def test_enrolment_list_filters_by_status_and_search(client, setup):
    client.force_login(setup["instructor"])

    pending = client.get(f"/cms/academy/runs/{setup['run'].pk}/", {"status": "pending"}).context["enrolments"]
    searched = client.get(f"/cms/academy/runs/{setup['run'].pk}/", {"q": "kim@"}).context["enrolments"]
    bogus = client.get(f"/cms/academy/runs/{setup['run'].pk}/", {"status": "bogus"}).context["enrolments"]

    assert [e.user.email for e in pending] == ["evil@example.com"]
    assert [e.user.email for e in searched] == ["kim@example.com"]
    assert len(bogus) == 3


def test_csv_export_is_excel_friendly_and_neutralises_formulas(client, setup):
    client.force_login(setup["manager"])

    response = client.post(f"/cms/academy/runs/{setup['run'].pk}/", {"format": "csv", "reason": "수강 현황 보고"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:4] == ["한글 이름", "영문 이름", "이메일", "상태"]
    assert len(rows) == 4
    assert ["'=HYPERLINK(1)"] == [row[0] for row in rows if "HYPERLINK" in row[0]]


def test_xlsx_export(client, setup):
    client.force_login(setup["manager"])

    response = client.post(
        f"/cms/academy/runs/{setup['run'].pk}/?status=active", {"format": "xlsx", "reason": "수강 현황 보고"}
    )

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "한글 이름"
    assert rows[1][2] == "kim@example.com" and rows[1][4] == 50
    assert len(rows) == 2


def test_other_institutes_runs_are_404(client, setup):
    client.force_login(setup["instructor"])

    for url in (
        f"/cms/academy/runs/{setup['beta_run'].pk}/",
        f"/cms/academy/runs/{setup['beta_run'].pk}/?format=csv",
        f"/cms/academy/runs/{setup['beta_run'].pk}/edit/",
        f"/cms/academy/runs/{setup['beta_run'].pk}/attendance/",
    ):
        assert client.get(url).status_code == 404, url


def test_trainees_cannot_open_staff_screens(client, setup):
    client.force_login(setup["trainees"][0].user)

    response = client.get(f"/cms/academy/runs/{setup['run'].pk}/")

    assert response.status_code in (302, 403)


def test_approval_queue_approves_and_rejects(client, setup):
    pending = setup["trainees"][1]
    other = f.enrolment(setup["run"], status="pending")
    f.enrolment(setup["beta_run"], status="pending")
    client.force_login(setup["manager"])

    queue = client.get("/cms/academy/approvals/").context["requests"]
    assert {e.pk for e in queue} == {pending.pk, other.pk}

    client.post(f"/cms/academy/enrolments/{pending.pk}/approve/", {"next": "approvals"})
    response = client.post(f"/cms/academy/enrolments/{other.pk}/reject/", {"reason": "정원 초과", "next": "approvals"})

    assert response["Location"] == "/cms/academy/approvals/"
    pending.refresh_from_db()
    other.refresh_from_db()
    assert (pending.status, other.status) == ("active", "rejected")
    assert other.events.last().reason == "정원 초과"


def test_rejecting_without_a_reason_is_refused(client, setup):
    pending = setup["trainees"][1]
    client.force_login(setup["manager"])

    response = client.post(f"/cms/academy/enrolments/{pending.pk}/reject/", {"reason": ""}, follow=True)

    assert "반려 사유를 입력하세요" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_staff_cannot_act_on_another_institutes_enrolment(client, setup):
    foreign = f.enrolment(setup["beta_run"], status="pending")
    client.force_login(setup["manager"])

    response = client.post(f"/cms/academy/enrolments/{foreign.pk}/approve/")

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == "pending"


def test_staff_add_and_remove_a_trainee_with_reason(client, setup):
    newcomer = f.UserFactory(email="new@example.com")
    client.force_login(setup["instructor"])

    client.post(f"/cms/academy/runs/{setup['run'].pk}/", {"email": "NEW@example.com"})
    enrolment = Enrolment.objects.get(user=newcomer)
    assert enrolment.status == "active"
    client.post(f"/cms/academy/enrolments/{enrolment.pk}/remove/", {"reason": "소속 변경"})

    enrolment.refresh_from_db()
    assert enrolment.status == "removed"
    last = enrolment.events.last()
    assert (last.actor, last.reason) == (setup["instructor"], "소속 변경")


def test_adding_an_unknown_email_is_a_field_error(client, setup):
    client.force_login(setup["instructor"])

    response = client.post(f"/cms/academy/runs/{setup['run'].pk}/", {"email": "ghost@example.com"})

    assert response.status_code == 200
    assert "이 이메일을 쓰는 계정이 없습니다" in response.content.decode()


def test_run_form_limits_courses_to_the_institute_and_validates_dates(client, setup):
    client.force_login(setup["manager"])
    form = client.get("/cms/academy/runs/add/").context["form"]
    assert [c.title for c in form.fields["course"].queryset] == ["군용드론 정비 실무"]

    response = client.post(
        "/cms/academy/runs/add/",
        {"course": setup["run"].course_id, "title": "2027년 1차", "starts_on": "2027-03-10", "ends_on": "2027-03-01"},
    )
    assert "교육 종료일이 시작일보다 빠를 수 없습니다" in response.content.decode()
    assert not CourseRun.objects.filter(title="2027년 1차").exists()

    foreign = client.post(
        "/cms/academy/runs/add/",
        {"course": setup["beta_run"].course_id, "title": "침입", "starts_on": "2027-03-01", "ends_on": "2027-03-10"},
    )
    assert foreign.status_code == 200
    assert not CourseRun.objects.filter(title="침입").exists()


def test_attendance_is_recorded_by_the_runs_instructors(client, setup):
    client.force_login(setup["instructor"])
    run = setup["run"]
    client.post(
        f"/cms/academy/runs/{run.pk}/attendance/",
        {"form": "session", "title": "1회차 실습", "starts_at": "2026-12-01T09:00"},
    )
    session = run.sessions.get()
    active = setup["trainees"][0]

    client.post(f"/cms/academy/runs/{run.pk}/attendance/", {"session": session.pk, "present": [str(active.pk)]})

    record = AttendanceRecord.objects.get(session=session, enrolment=active)
    assert record.present and record.recorded_by == setup["instructor"]
    assert not AttendanceRecord.objects.get(session=session, enrolment=setup["trainees"][2]).present
