"""The HR dashboard (/hr/overview/): every figure against hand-counted small data, the empty page,
the organisation boundary, the reminder action, the filters and a fixed number of queries."""

import datetime
import hashlib

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from accounts.models import Membership, User
from certificates import codes
from certificates.models import Certificate
from courses.models import Enrolment, LessonProgress
from hr import dashboard
from hr.dashboard import Filters, Period
from notifications.models import Notification
from ops.models import AuditEvent, PersonalDataAccess
from tests import factories as f

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def label(day: datetime.date) -> str:
    return f"{day:%Y.%m}"  # the Korean month label


@pytest.fixture
def world():
    """알파드론 with HR and seven members; 베타드론 with one member (in the same run).

    - 정비 실무 (run X: started 9 days ago, ends in 10 days: 20 days, 10 gone = 50 % elapsed):
      A active 20 % (behind: 50 - 20 > 20; studied 2 days ago), B active 40 % (not behind, but nothing
      studied and the run began 9 days ago: idle), C completed yesterday, D withdrawn; the outsider
      active at 0 %.
    - 대드론 개론 (run Y, funded: started 3 days ago, ends in 30 days): C active 0 % (4/34 elapsed:
      neither behind nor idle yet), B withdrawn, A only requested (not admitted).
    - 보안교육 (old run, two years ago, security training): E completed 30 days ago, F 400 days ago,
      G 500 days ago, the outsider 10 days ago.
    Certificates: C (run X) expires in 40 days, E today, G in 400 days, F's (in 10 days) is revoked,
    the outsider's expires in 5 days.
    """
    today = timezone.localdate()
    now = timezone.now()
    alpha, beta = f.OrganisationFactory(name_ko="알파드론"), f.OrganisationFactory(name_ko="베타드론")
    hr = f.MembershipFactory(organisation=alpha, role="hr", user=f.UserFactory(name_ko="인사담당")).user
    people = {
        key: f.MembershipFactory(organisation=alpha, user=f.UserFactory(name_ko=name)).user
        for key, name in {
            "A": "김가람",
            "B": "이보람",
            "C": "박초롱",
            "D": "최다솜",
            "E": "정이슬",
            "F": "강풀잎",
            "G": "조가온",
        }.items()
    }
    outsider = f.MembershipFactory(organisation=beta, user=f.UserFactory(name_ko="외부인")).user
    beta_hr = f.MembershipFactory(organisation=beta, role="hr").user
    institute = f.institute_page()
    course_x = f.course_page(institute, "정비 실무")
    course_y = f.course_page(institute, "대드론 개론")
    security = f.course_page(institute, "보안교육", is_security_training=True)
    run_x = f.course_run(course_x, starts_on=today - 9 * DAY, ends_on=today + 10 * DAY)
    run_y = f.course_run(course_y, starts_on=today - 3 * DAY, ends_on=today + 30 * DAY, emp_ins_flag=1)
    old = f.course_run(security, starts_on=today - 730 * DAY, ends_on=today - 700 * DAY)
    lesson = f.lesson_page(course_x, minutes=10)

    a_x = f.enrolment(run_x, user=people["A"], progress_percent=20)
    LessonProgress.objects.create(enrolment=a_x, lesson=lesson, started_at=now - 2 * DAY)
    f.enrolment(run_x, user=people["B"], progress_percent=40)
    c_x = f.enrolment(run_x, user=people["C"], status="completed", progress_percent=100, completed_at=now - DAY)
    f.enrolment(run_x, user=people["D"], status="withdrawn", progress_percent=5)
    f.enrolment(run_x, user=outsider, progress_percent=0)
    f.enrolment(run_y, user=people["C"], progress_percent=0)
    f.enrolment(run_y, user=people["B"], status="withdrawn")
    f.enrolment(run_y, user=people["A"], status="pending")
    old_enrolments = {
        key: f.enrolment(old, user=user, status="completed", progress_percent=100, completed_at=now - days * DAY)
        for key, user, days in (
            ("E", people["E"], 30),
            ("F", people["F"], 400),
            ("G", people["G"], 500),
            ("O", outsider, 10),
        )
    }
    f.certificate(c_x, expires_on=today + 40 * DAY)
    f.certificate(old_enrolments["E"], expires_on=today)
    f.certificate(old_enrolments["G"], expires_on=today + 400 * DAY)
    f.certificate(
        old_enrolments["F"], state="revoked", expires_on=today + 10 * DAY, revoked_at=now, revocation_reason="오발급"
    )
    f.certificate(old_enrolments["O"], expires_on=today + 5 * DAY)
    return {
        "today": today,
        "alpha": alpha,
        "beta": beta,
        "hr": hr,
        "beta_hr": beta_hr,
        "outsider": outsider,
        "course_x": course_x,
        "course_y": course_y,
        "run_x": run_x,
        **people,
    }


def default_filters(world, course=None):
    return Filters(period=Period.default(world["today"]), course_id=course.pk if course else None)


# --------------------------------------------------------------------------------------------
# The figures
# --------------------------------------------------------------------------------------------


def test_completion_rate_by_course(world):
    rows = dashboard.completion_by_course(world["alpha"], default_filters(world))

    # 대드론 개론: C studying, B withdrawn (A's request is not training); 정비 실무: A, B, C, D.
    assert [(r.title, r.enrolled, r.completed, r.studying, r.rate) for r in rows] == [
        ("대드론 개론", 2, 0, 1, 0.0),
        ("정비 실무", 4, 1, 2, 25.0),
    ]
    assert dashboard.overall_rate(rows) == (6, 1, 16.7)
    chart = dashboard.completion_chart(rows)
    assert chart.rows == [["대드론 개론", "0%", "2", "0", "1"], ["정비 실무", "25%", "4", "1", "2"]]


def test_started_and_completed_by_month(world):
    today = world["today"]
    filters = default_filters(world)

    started = dashboard.started_by_month(world["alpha"], filters)
    completed = dashboard.completed_by_month(world["alpha"], filters)

    expected_started = {}
    for day, n in ((today - 9 * DAY, 4), (today - 3 * DAY, 2)):  # run X: A B C D; run Y: C B
        expected_started[month(day)] = expected_started.get(month(day), 0) + n
    assert started == expected_started
    # C yesterday and E 30 days ago; F (400) and G (500 days) are before the 12 months; the outsider is not ours.
    yesterday = timezone.localdate(timezone.now() - DAY)
    expected_completed = {}
    for day in (yesterday, timezone.localdate(timezone.now() - 30 * DAY)):
        expected_completed[month(day)] = expected_completed.get(month(day), 0) + 1
    assert completed == expected_completed
    chart = dashboard.monthly_chart(filters.period, started, completed)
    assert [row[0] for row in chart.rows] == [label(m) for m in filters.period.months]
    assert len(chart.rows) == 12
    this_month = chart.rows[-1]
    assert this_month == [
        label(today),
        str(expected_started.get(month(today), 0)),
        str(expected_completed.get(month(today), 0)),
    ]


def test_security_training_and_funded_runs(world):
    today = world["today"]

    # Alpha's eight members (HR included): E trained 30 days ago (up to date), F and G over a year ago.
    assert dashboard.security_training_counts(world["alpha"], today=today) == {
        "ok": 1,
        "due_soon": 0,
        "overdue": 2,
        "never": 5,
    }
    # Run Y is funded: C studying, B withdrawn (ended without completing).
    funded = dashboard.funded_status(world["alpha"], default_filters(world), today=today)
    assert (funded.studying, funded.completed, funded.not_completed) == (1, 0, 1)


def test_funded_run_past_its_training_period_counts_as_not_completed(world):
    today = world["today"]
    world["run_x"].emp_ins_flag = 1
    world["run_x"].training_end = today - DAY
    world["run_x"].save()

    funded = dashboard.funded_status(world["alpha"], default_filters(world), today=today)

    # Run X: A and B still studying after the period ended, C completed, D withdrawn; run Y as before.
    assert (funded.studying, funded.completed, funded.not_completed) == (1, 1, 4)


def test_certificate_expiry_timeline_and_nearest(world):
    today = world["today"]

    by_month = dashboard.expiry_by_month(world["alpha"], course_id=None, today=today)
    nearest = dashboard.nearest_expiring(world["alpha"], course_id=None, today=today)

    # E's today, C's in 40 days; G's (400 days) is beyond, F's revoked, the outsider's not ours.
    assert by_month == {month(today): 1, month(today + 40 * DAY): 1}
    assert [c.enrolment.user.name_ko for c in nearest] == ["정이슬", "박초롱"]
    chart = dashboard.expiry_chart(by_month, today=today)
    assert len(chart.rows) == 12 and chart.rows[0] == [label(today), "1"]
    assert [label(today + 40 * DAY), "1"] in chart.rows


def test_behind_schedule_and_idle_members(world):
    today = world["today"]

    rows = dashboard.behind_rows(dashboard.behind_schedule(world["alpha"], today=today), today=today)

    assert [(r.enrolment.user.name_ko, r.behind, r.idle, r.elapsed) for r in rows] == [
        ("김가람", True, False, 50.0),
        ("이보람", False, True, 50.0),
    ]
    a_membership = Membership.objects.get(user=world["A"], organisation=world["alpha"])
    assert rows[0].membership_id == a_membership.pk
    assert rows[0].last_studied is not None and rows[1].last_studied is None


def test_count_charts_have_whole_number_gridlines():
    assert dashboard.count_scale([9, 3]) == 12
    assert dashboard.count_scale([4]) == 4
    assert dashboard.count_scale([]) is None and dashboard.count_scale([0]) is None
    chart = dashboard.expiry_chart({month(datetime.date(2026, 3, 5)): 3}, today=datetime.date(2026, 3, 5))
    assert ">3<" in chart.svg and ">0.8<" not in chart.svg


def test_elapsed_share_counts_today_and_is_capped():
    from courses.models import CourseRun

    run = CourseRun(starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 3, 10))

    assert dashboard.elapsed_percent(run, datetime.date(2026, 2, 20)) == 0
    assert dashboard.elapsed_percent(run, datetime.date(2026, 3, 1)) == 10
    assert dashboard.elapsed_percent(run, datetime.date(2026, 3, 5)) == 50
    assert dashboard.elapsed_percent(run, datetime.date(2026, 4, 1)) == 100


# --------------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------------


def test_page_shows_the_figures(client, world):
    client.force_login(world["hr"])

    response = client.get("/hr/overview/")

    assert response.status_code == 200
    text = response.content.decode()
    assert "과정별 수료율" in text or "Completion rate by course" in text
    assert "<svg" in text and "정비 실무" in text and "25%" in text and "16.7%" in text
    assert "김가람" in text and "이보람" in text and "외부인" not in text
    assert "정이슬" in text and f"{world['today']:%Y.%m.%d}" in text  # the nearest certificate, via kdate
    assert 'href="/hr/overview/?org=' in text  # the HR menu links the page


def test_page_records_the_members_it_shows(client, world):
    client.force_login(world["hr"])

    client.get("/hr/overview/")

    row = PersonalDataAccess.objects.get(object_type="hr.overview")
    assert row.actor == world["hr"] and row.action == "view"
    assert set(row.subject_ids) == {world["A"].pk, world["B"].pk, world["E"].pk, world["C"].pk}


def test_zero_data_renders(client):
    hr = f.MembershipFactory(organisation=f.OrganisationFactory(), role="hr").user
    client.force_login(hr)

    response = client.get("/hr/overview/")

    assert response.status_code == 200
    text = response.content.decode()
    assert text.count("chart--empty") >= 3  # completion, months, certificates
    assert "자료 없음" in text or "No data" in text


# --------------------------------------------------------------------------------------------
# Who sees what
# --------------------------------------------------------------------------------------------


def test_other_organisations_hr_sees_only_its_own(client, world):
    client.force_login(world["beta_hr"])

    text = client.get("/hr/overview/").content.decode()

    assert "외부인" in text  # their own member, behind in run X
    assert "김가람" not in text and "이보람" not in text
    assert client.get(f"/hr/overview/?org={world['alpha'].public_id}").status_code == 404


def test_trainees_get_403_and_visitors_the_login(client, world):
    client.force_login(world["A"])
    assert client.get("/hr/overview/").status_code == 403
    assert client.post("/hr/overview/remind/", {"members": [1], "message": "x"}).status_code == 403
    client.logout()
    assert client.get("/hr/overview/").status_code == 302


# --------------------------------------------------------------------------------------------
# The reminder
# --------------------------------------------------------------------------------------------


def test_reminder_reaches_the_chosen_members_once_and_is_audited(client, world):
    client.force_login(world["hr"])
    ids = [Membership.objects.get(user=world[k], organisation=world["alpha"]).pk for k in ("A", "B")]

    response = client.post(
        "/hr/overview/remind/",
        {"org": world["alpha"].public_id, "members": ids, "message": " 이번 주까지  학습해 주세요. "},
    )
    again = client.post("/hr/overview/remind/", {"members": ids, "message": "이번 주까지 학습해 주세요."})

    assert response.status_code == 302 and again.status_code == 302
    notes = Notification.objects.filter(kind="reminder").order_by("user_id")
    assert [n.user_id for n in notes] == sorted([world["A"].pk, world["B"].pk])  # once each
    assert "이번 주까지 학습해 주세요." in notes[0].message_ko and "알파드론" in notes[0].message_ko
    assert notes[0].message_en.startswith("Reminder from the HR of") and notes[0].url == "/learn/"
    event = AuditEvent.objects.filter(action="hr.member_reminder").order_by("pk").first()
    assert event.actor_id == world["hr"].pk
    assert event.data["members"] == sorted([world["A"].pk, world["B"].pk]) and event.data["sent"] == 2


@pytest.mark.parametrize(
    "members",
    [["abc"], [], ["-1"], ["99999999999999999999"]],
)
def test_reminder_refuses_bad_choices(client, world, members):
    client.force_login(world["hr"])

    response = client.post("/hr/overview/remind/", {"members": members, "message": "학습해 주세요"})

    assert response.status_code == 400
    assert not Notification.objects.exists()


def test_reminder_refuses_another_organisations_member(client, world):
    client.force_login(world["hr"])
    ours = Membership.objects.get(user=world["A"], organisation=world["alpha"]).pk
    theirs = Membership.objects.get(user=world["outsider"]).pk

    response = client.post("/hr/overview/remind/", {"members": [ours, theirs], "message": "학습해 주세요"})

    assert response.status_code == 400
    assert "소속 기업의 구성원이 아닌" in response.content.decode() or "not members" in response.content.decode()
    assert not Notification.objects.exists() and not AuditEvent.objects.filter(action="hr.member_reminder").exists()


def test_reminder_needs_a_message(client, world):
    client.force_login(world["hr"])
    ours = Membership.objects.get(user=world["A"], organisation=world["alpha"]).pk

    for message in ("", "   ", "가" * 201):
        assert client.post("/hr/overview/remind/", {"members": [ours], "message": message}).status_code == 400
    assert not Notification.objects.exists()


def test_reminder_service_refuses_foreign_members(world):
    from hr import services

    theirs = Membership.objects.get(user=world["outsider"]).pk
    with pytest.raises(services.ReminderError):
        services.member_reminder_send(
            organisation=world["alpha"], membership_ids=[theirs], message="x", actor=world["hr"]
        )
    assert not Notification.objects.exists()


# --------------------------------------------------------------------------------------------
# Filters
# --------------------------------------------------------------------------------------------


def test_course_filter(client, world):
    client.force_login(world["hr"])

    response = client.get(f"/hr/overview/?course={world['course_y'].pk}")

    assert response.status_code == 200
    chart = response.context["completion_chart"]
    assert [row[0] for row in chart.rows] == ["대드론 개론"]
    assert response.context["behind"] == []  # C in run Y is neither behind nor idle
    assert response.context["expiring"] == []


def test_period_filter(client, world):
    client.force_login(world["hr"])
    far = month(world["today"]) - relativedelta(months=30)

    response = client.get(f"/hr/overview/?start={far:%Y-%m}&end={far + relativedelta(months=5):%Y-%m}")

    assert response.status_code == 200
    assert response.context["completion_chart"].rows == [] and response.context["enrolled"] == 0
    assert len(response.context["monthly_chart"].rows) == 6


@pytest.mark.parametrize(
    "query",
    [
        "course=999999",
        "course=abc",
        "start=2026-13",
        "start=abc",
        "end=2026-1",
        "start=2026-05&end=2026-01",
        "start=2020-01&end=2026-01",
    ],
)
def test_bad_filters_are_a_400_with_the_form_error(client, world, query):
    client.force_login(world["hr"])

    response = client.get(f"/hr/overview/?{query}")

    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


# --------------------------------------------------------------------------------------------
# Speed
# --------------------------------------------------------------------------------------------


def _add_members(world, n: int) -> None:
    users = User.objects.bulk_create(
        [User(email=f"bulk{n}-{i}@alpha.example", name_ko=f"구성원{i}", name_en=f"Member {i}") for i in range(n)]
    )
    Membership.objects.bulk_create([Membership(organisation=world["alpha"], user=user) for user in users])
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(run=world["run_x"], user=user, status="active", progress_percent=i % 100)
            for i, user in enumerate(users)
        ]
    )
    today = world["today"]
    Certificate.objects.bulk_create(
        [
            Certificate(
                enrolment=enrolment,
                code=codes.generate(),
                state="issued",
                holder_name_ko="구성원",
                course_title_ko="정비 실무",
                institute_name_ko="연구원",
                study_hours=8,
                completed_on=today,
                issued_on=today,
                expires_on=today + (i % 300) * DAY,
                sha256=hashlib.sha256(str(i).encode()).hexdigest(),
            )
            for i, enrolment in enumerate(enrolments)
        ]
    )


def test_queries_do_not_grow_with_members(client, world, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world["hr"])

    def count() -> int:
        client.get("/hr/overview/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/hr/overview/").status_code == 200
        return len(captured)

    _add_members(world, 5)
    small = count()
    _add_members(world, 200)
    with django_assert_num_queries(small):
        assert client.get("/hr/overview/").status_code == 200
