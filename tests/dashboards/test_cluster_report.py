"""The cluster report (issue 19, item 3): every figure against values worked out by hand.

The world: institutes A (courses A1, A2) and B (course B1); companies X and Y; the period 2026 Q3.
Runs rA1 (A1, starts 10 July), rA2 (A2, 3 August), rB1 (B1, 30 September, the period's last day);
outside it rOut1 (A1, 1 October) and rOut2 (B1, 30 June). Trainees u1, u2, u6 count for X, u3, u5 for
Y; u4 has no company, and u5 joined Y's account only after applying: no company either. u6 was in X
when applying and joined Y later: X only.

=====  ======  =========  =====================  ===========  =================
run    who     status     certificate            studied (s)  survey (sum / n)
=====  ======  =========  =====================  ===========  =================
rA1    u1      completed  issued                 1800 + 1800  30 / 6
rA1    u2      active                            1800         24 / 6
rA1    u3      completed  revoked (not counted)  –            15 / 5
rA1    u4      pending (not admitted: not counted)
rA1    u6      withdrawn                         900
rA2    u1      completed  pending (not counted)  7200
rA2    u5      active
rB1    u3      completed  issued                 5400         12 / 6
rB1    u4      active                            1800
rOut1  u2      active     (outside)              9999
rOut2  u1      completed  (outside)                           6 / 6
=====  ======  =========  =====================  ===========  =================
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from assessments.models import SurveyPage, SurveyResponse
from assessments.survey import ITEM_KEYS
from courses.models import LessonProgress
from courses.services import enrolments_recount_seconds
from dashboards.cluster import NO_COMPANY, Period, cluster_report
from ops.models import AuditEvent
from tests import factories as f

pytestmark = pytest.mark.django_db

KST = ZoneInfo("Asia/Seoul")
Q3 = Period(2026, 3)
URL = "/cms/dashboards/cluster/"


def _at(day: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(day).replace(tzinfo=KST)


def _answers(value: int, items: int = 6) -> dict:
    return {key: value for key in ITEM_KEYS[:items]}


def _studied(enrolment, lesson, seconds: int) -> None:
    """A lesson studied for ``seconds``, and the enrolment's sum of its lessons kept in step, as the heartbeat
    keeps it (it cannot credit a completed or withdrawn enrolment, so the row is written here)."""
    LessonProgress.objects.create(enrolment=enrolment, lesson=lesson, seconds_studied=seconds)
    enrolments_recount_seconds([enrolment.pk])


@pytest.fixture
def world(settings):
    settings.ACADEMY_SURVEY_MIN_RESPONSES = 3
    a, b = f.institute_page("연구원A", title_en="Institute A"), f.institute_page("연구원B", title_en="Institute B")
    a1 = f.course_page(a, "과정A1")
    a2 = f.course_page(a, "과정A2")
    b1 = f.course_page(b, "과정B1")
    lessons = {course.pk: [f.lesson_page(course), f.lesson_page(course)] for course in (a1, a2, b1)}
    for course in (a1, b1):
        course.add_child(instance=SurveyPage(title="만족도 설문", slug=f"survey-{course.pk}"))
    x = f.OrganisationFactory(name_ko="회사X", name_en="Company X")
    y = f.OrganisationFactory(name_ko="회사Y", name_en="Company Y")
    u = {n: f.UserFactory() for n in range(1, 7)}
    early, later = _at("2026-01-01T09:00"), _at("2026-08-01T09:00")
    for n, org, joined in ((1, x, early), (2, x, early), (3, y, early), (6, x, early), (6, y, later)):
        f.MembershipFactory(user=u[n], organisation=org, joined_at=joined)
    f.MembershipFactory(user=u[5], organisation=y, joined_at=_at("2026-11-01T09:00"))  # after applying
    runs = {
        "rA1": f.course_run(a1, starts_on=datetime.date(2026, 7, 10), ends_on=datetime.date(2026, 8, 31)),
        "rA2": f.course_run(a2, starts_on=datetime.date(2026, 8, 3), ends_on=datetime.date(2026, 9, 30)),
        "rB1": f.course_run(b1, starts_on=datetime.date(2026, 9, 30), ends_on=datetime.date(2026, 12, 31)),
        "rOut1": f.course_run(a1, starts_on=datetime.date(2026, 10, 1), ends_on=datetime.date(2026, 12, 31)),
        "rOut2": f.course_run(b1, starts_on=datetime.date(2026, 6, 30), ends_on=datetime.date(2026, 7, 31)),
    }
    applied = _at("2026-07-01T10:00")

    def enrol(run, n, status, *, seconds=(), certificate=None, survey=None):
        enrolment = f.enrolment(runs[run], u[n], status=status, created_at=applied)
        course_lessons = lessons[runs[run].course_id]
        for lesson, value in zip(course_lessons, seconds, strict=False):
            _studied(enrolment, lesson, value)
        if certificate == "revoked":
            f.certificate(enrolment, state="revoked", revoked_at=applied, revocation_reason="부정 수료")
        elif certificate:
            f.certificate(enrolment, state=certificate)
        if survey:
            SurveyResponse.objects.create(
                survey=SurveyPage.objects.child_of(runs[run].course).get(), enrolment=enrolment, answers=survey
            )
        return enrolment

    enrol("rA1", 1, "completed", seconds=(1800, 1800), certificate="issued", survey=_answers(5))
    enrol("rA1", 2, "active", seconds=(1800,), survey=_answers(4))
    enrol("rA1", 3, "completed", certificate="revoked", survey=_answers(3, items=5))
    enrol("rA1", 4, "pending")
    enrol("rA1", 6, "withdrawn", seconds=(900,))
    enrol("rA2", 1, "completed", seconds=(7200,), certificate="pending")
    enrol("rA2", 5, "active")
    enrol("rB1", 3, "completed", seconds=(5400,), certificate="issued", survey=_answers(2))
    enrol("rB1", 4, "active", seconds=(1800,))
    enrol("rOut1", 2, "active", seconds=(9999,))
    enrol("rOut2", 1, "completed", survey=_answers(1))
    return {"a": a, "b": b, "a1": a1, "a2": a2, "b1": b1, "x": x, "y": y, "users": u, "runs": runs, "lessons": lessons}


def _figures(row):
    fig = row.figures
    return (
        fig.trainees,
        fig.enrolments,
        fig.completions,
        fig.completion_rate,
        fig.certificates,
        fig.study_hours,
        fig.satisfaction,
        fig.survey_responses,
    )


def D(value: str) -> Decimal:
    return Decimal(value)


def test_totals_of_the_quarter(world):
    report = cluster_report(period=Q3)
    total = report.total
    assert (total.trainees, total.enrolments, total.completions, total.certificates) == (6, 8, 4, 2)
    assert total.study_seconds == 20700 and total.study_hours == D("5.8")  # 5.75 h, rounded half up
    assert total.completion_rate == D("50.0")
    assert (total.survey_responses, total.satisfaction) == (4, D("3.52"))  # 81 / 23 answers


def test_by_institute(world):
    rows = {row.label: _figures(row) for row in cluster_report(period=Q3).by_institute}
    assert rows == {
        "연구원A": (5, 6, 3, D("50.0"), 1, D("3.8"), D("4.06"), 3),  # 69 / 17
        "연구원B": (2, 2, 1, D("50.0"), 1, D("2.0"), None, 1),  # one response: withheld
    }


def test_by_course(world):
    rows = {row.label: _figures(row) for row in cluster_report(period=Q3).by_course}
    assert rows == {
        "과정A1": (4, 4, 2, D("50.0"), 1, D("1.8"), D("4.06"), 3),
        "과정A2": (2, 2, 1, D("50.0"), 0, D("2.0"), None, 0),
        "과정B1": (2, 2, 1, D("50.0"), 1, D("2.0"), None, 1),
    }


def test_by_company_at_the_time_of_applying(world):
    report = cluster_report(period=Q3)
    rows = {row.label: _figures(row) for row in report.by_company}
    assert rows == {
        "회사X": (3, 4, 2, D("50.0"), 1, D("3.8"), None, 2),  # u1, u2, u6 (in X when applying)
        "회사Y": (1, 2, 2, D("100.0"), 1, D("1.5"), None, 2),  # u3 (u6 joined Y only after applying)
        "소속 기업 없음": (2, 2, 0, D("0.0"), 0, D("0.5"), None, 0),  # u4, and u5 (joined Y after applying)
    }
    assert report.by_company[-1].key == NO_COMPANY  # never ranked among the companies


def test_a_trainee_of_several_companies_counts_for_each_company_and_once_everywhere_else(world):
    """u7 was in X and Y when applying (and joined Z later), u8 in X, Y and Z: every company row counts
    them, the runs, courses, months and totals once (the report reads each table once, by run and
    company, and takes the repeated rows off the runs)."""
    x, y = world["x"], world["y"]
    z = f.OrganisationFactory(name_ko="회사Z", name_en="Company Z")
    u7, u8 = f.UserFactory(), f.UserFactory()
    early = _at("2026-01-01T09:00")
    for org in (x, y):
        f.MembershipFactory(user=u7, organisation=org, joined_at=early)
    f.MembershipFactory(user=u7, organisation=z, joined_at=_at("2026-10-01T09:00"))  # after applying
    for org in (x, y, z):
        f.MembershipFactory(user=u8, organisation=org, joined_at=early)
    runs = world["runs"]
    applied = _at("2026-07-01T10:00")
    a1_lesson, b1_lesson = world["lessons"][world["a1"].pk][0], world["lessons"][world["b1"].pk][0]
    done = f.enrolment(runs["rA1"], u7, status="completed", created_at=applied)
    _studied(done, a1_lesson, 1800)
    f.certificate(done, state="issued")
    SurveyResponse.objects.create(
        survey=SurveyPage.objects.child_of(world["a1"]).get(), enrolment=done, answers=_answers(5)
    )
    studying = f.enrolment(runs["rB1"], u7, status="active", created_at=applied)
    _studied(studying, b1_lesson, 3600)
    third = f.enrolment(runs["rA1"], u8, status="active", created_at=applied)
    _studied(third, a1_lesson, 600)

    report = cluster_report(period=Q3)
    total = report.total
    assert (total.trainees, total.enrolments, total.completions, total.certificates) == (8, 11, 5, 3)
    assert total.study_seconds == 26700 and total.survey_responses == 5
    assert total.satisfaction == D("3.83")  # 111 / 29
    assert {row.label: _figures(row) for row in report.by_course} == {
        "과정A1": (6, 6, 3, D("50.0"), 2, D("2.4"), D("4.30"), 4),  # 8700 s; 99 / 23
        "과정A2": (2, 2, 1, D("50.0"), 0, D("2.0"), None, 0),
        "과정B1": (3, 3, 1, D("33.3"), 1, D("3.0"), None, 1),
    }
    assert [_figures(row) for row in report.by_month] == [
        (6, 6, 3, D("50.0"), 2, D("2.4"), D("4.30"), 4),
        (2, 2, 1, D("50.0"), 0, D("2.0"), None, 0),
        (3, 3, 1, D("33.3"), 1, D("3.0"), None, 1),
    ]
    assert {row.label: _figures(row) for row in report.by_company} == {
        "회사X": (5, 7, 3, D("42.9"), 2, D("5.4"), D("4.67"), 3),  # 19500 s; 84 / 18
        "회사Y": (3, 5, 3, D("60.0"), 2, D("3.2"), D("3.35"), 3),  # 11400 s; 57 / 17
        "회사Z": (1, 1, 0, D("0.0"), 0, D("0.2"), None, 0),  # u8 only: u7 joined Z after applying
        "소속 기업 없음": (2, 2, 0, D("0.0"), 0, D("0.5"), None, 0),
    }


def test_by_month_of_the_run_start_with_every_month_of_the_period(world):
    rows = [(row.label, _figures(row)) for row in cluster_report(period=Q3).by_month]
    assert rows == [
        ("2026.07", (4, 4, 2, D("50.0"), 1, D("1.8"), D("4.06"), 3)),
        ("2026.08", (2, 2, 1, D("50.0"), 0, D("2.0"), None, 0)),
        ("2026.09", (2, 2, 1, D("50.0"), 1, D("2.0"), None, 1)),  # 30 September: the last day counts
    ]


def test_the_next_quarter_and_the_whole_year(world):
    q4 = cluster_report(period=Period(2026, 4))
    assert (q4.total.enrolments, q4.total.study_seconds) == (1, 9999)  # rOut1 starts on 1 October
    year = cluster_report(period=Period(2026, 0))
    assert (year.total.trainees, year.total.enrolments, year.total.completions) == (6, 10, 5)
    assert len(year.by_month) == 12
    assert year.total.survey_responses == 5 and year.total.satisfaction == D("3.00")  # 87 / 29


def test_no_data(db):
    report = cluster_report(period=Period(2025, 1))
    assert (report.total.trainees, report.total.enrolments, report.total.study_hours) == (0, 0, D("0.0"))
    assert report.total.completion_rate is None and report.total.satisfaction is None
    assert report.by_institute == report.by_course == report.by_company == []
    assert [row.label for row in report.by_month] == ["2025.01", "2025.02", "2025.03"]


def _more_trainees(world, count: int):
    org = f.OrganisationFactory()
    for _n in range(count):
        user = f.UserFactory()
        f.MembershipFactory(user=user, organisation=org)
        enrolment = f.enrolment(world["runs"]["rB1"], user, status="completed")
        f.certificate(enrolment)


def test_a_fixed_number_of_queries(world, django_assert_num_queries):
    with django_assert_num_queries(7):
        cluster_report(period=Q3)
    _more_trainees(world, 12)
    with django_assert_num_queries(7):
        report = cluster_report(period=Q3)
    assert report.total.enrolments == 20


# --------------------------------------------------------------------------------------------
# The admin screen and its files
# --------------------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    client.force_login(f.AdminUserFactory())
    return client


def test_administrators_see_the_report_in_the_reports_menu(world, admin_client):
    response = admin_client.get(URL, {"year": 2026, "quarter": 3})
    assert response.status_code == 200
    text = response.content.decode()
    assert "연구원A" in text and "회사X" in text and "2026.09" in text
    assert "<svg" in text and "4.06" in text and "100%" in text
    assert URL in admin_client.get("/cms/").content.decode()  # the menu item


def test_the_screen_answers_in_a_fixed_number_of_queries(world, admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    admin_client.get(URL, {"year": 2026, "quarter": 3})  # the session, the menus and the site are cached
    with CaptureQueriesContext(connection) as small:
        assert admin_client.get(URL, {"year": 2026, "quarter": 3}).status_code == 200
    _more_trainees(world, 12)
    with CaptureQueriesContext(connection) as large:
        assert admin_client.get(URL, {"year": 2026, "quarter": 3}).status_code == 200
    assert len(small) == len(large)


def test_institute_staff_and_trainees_are_refused(world, client):
    manager = f.manager_of(world["a"])
    client.force_login(manager)
    for query in ({}, {"year": 2026, "quarter": 3, "format": "csv"}, {"year": 2026, "quarter": 3, "format": "pdf"}):
        response = client.get(URL, query)  # Wagtail turns the 403 into a redirect to the dashboard with a message
        assert response.status_code == 302 and response["Location"] == "/cms/"
    assert URL not in client.get("/cms/").content.decode()
    assert not AuditEvent.objects.filter(action="dashboards.cluster_report_exported").exists()
    client.force_login(world["users"][1])  # a trainee: no admin at all
    assert client.get(URL).status_code == 302


def test_the_current_quarter_by_default_and_no_data(admin_client, db):
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert "No data" in response.content.decode() or "자료 없음" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [{"year": "abc", "quarter": 3}, {"year": 2026, "quarter": 7}, {"year": 1999, "quarter": 1}, {"year": 2026}],
)
def test_bad_periods_get_a_400_with_the_field_errors(admin_client, query, db):
    response = admin_client.get(URL, query)
    assert response.status_code == 400
    assert "error-message" in response.content.decode()


def test_an_unknown_format_is_a_400(admin_client, db):
    response = admin_client.get(URL, {"year": 2026, "quarter": 3, "format": "doc"})
    assert response.status_code == 400


def test_csv_holds_every_breakdown_and_is_audited(world, admin_client):
    response = admin_client.get(URL, {"year": 2026, "quarter": 3, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="cluster-report-2026-q3.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["기간", "구분", "항목", "교육인원", "수강 건수"]
    assert rows[1][0] == "2026년 3분기"
    by_item = {(row[1], row[2]): row[3:] for row in rows[1:]}
    assert by_item[("합계", "합계")] == ["6", "8", "4", "50.0", "2", "5.8", "3.52", "4"]
    assert by_item[("소속 기업별", "회사Y")] == ["1", "2", "2", "100.0", "1", "1.5", "", "2"]
    assert by_item[("월별 (차수 개강월 기준)", "2026.08")][:3] == ["2", "2", "1"]
    assert len(rows) == 1 + 1 + 2 + 3 + 3 + 3
    event = AuditEvent.objects.get(action="dashboards.cluster_report_exported")
    assert event.object_id == "2026-q3" and event.data["format"] == "csv"


def test_xlsx_holds_numbers(world, admin_client):
    response = admin_client.get(URL, {"year": 2026, "quarter": 3, "format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    total = rows[1]
    assert total[3:] == (6, 8, 4, 50.0, 2, 5.8, 3.52, 4)


def test_the_pdf_report_of_a_quarter(world, admin_client):
    response = admin_client.get(URL, {"year": 2026, "quarter": 3, "format": "pdf"}, HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "연구원A" in text and "회사Y" in text
    assert "100%" in text and "4.06" in text
    assert AuditEvent.objects.filter(action="dashboards.cluster_report_exported", data__format="pdf").exists()
