"""대리수강 signals and clusters (DOMAIN-KR §1.8): what is recorded per heartbeat, login and submission,
and which clusters the nightly job flags (the acceptance examples, the egress-network exemption in
IPv4 and IPv6, the 20-minute device rule, idempotence)."""

import datetime

import pytest

from accounts.models import Organisation
from compliance import proxy
from compliance.models import ProxyFlag, StudySignal
from compliance.tasks import proxy_flags_nightly_task
from courses import services
from ops.requestcontext import client_context
from tests import factories as f
from tests.support.funded import make_funded

from .proxy_support import DAY, client, funded_course, kst, submit_final, trainee

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return funded_course()


def org(name: str, cidrs: str = "") -> Organisation:
    return Organisation.objects.create(name_ko=name, egress_cidrs=cidrs)


def members(flag) -> set[int]:
    return set(flag.memberships.values_list("enrolment_id", flat=True))


# --------------------------------------------------------------------------------------------
# Acceptance examples
# --------------------------------------------------------------------------------------------


def test_two_trainees_of_different_organisations_submitting_the_final_test_from_one_address_make_one_flag(world):
    a = trainee(world, org("드론정비(주)"))
    b = trainee(world, org("에어로텍(주)"))
    submit_final(world, a, address="203.0.113.7", at=kst(DAY, 10))
    submit_final(world, b, address="203.0.113.7", at=kst(DAY, 16))

    proxy.proxy_flags_build(day=DAY)

    flag = ProxyFlag.objects.get()
    assert (flag.run_id, flag.kind, flag.key, flag.day, flag.state) == (
        world["run"].pk,
        "address",
        "203.0.113.7",
        DAY,
        "pending",
    )
    assert members(flag) == {a.pk, b.pk}
    assert {item["enrolment"] for item in flag.evidence} == {a.pk, b.pk}
    assert all(item["kinds"] == ["submission"] for item in flag.evidence)


def test_two_trainees_of_one_organisation_inside_its_declared_network_are_not_flagged(world):
    company = org("드론정비(주)", "203.0.113.0/24")
    a, b = trainee(world, company), trainee(world, company)
    submit_final(world, a, address="203.0.113.7")
    submit_final(world, b, address="203.0.113.7")

    assert proxy.proxy_flags_build(day=DAY)["created"] == 0
    assert not ProxyFlag.objects.exists()


def test_same_device_hash_for_two_accounts_within_20_minutes_is_flagged(world):
    company = org("드론정비(주)", "203.0.113.0/24")  # the exemption is for networks, never for one browser
    a, b = trainee(world, company), trainee(world, company)
    submit_final(world, a, address="203.0.113.7", device="browser-1", at=kst(DAY, 10, 0))
    submit_final(world, b, address="203.0.113.8", device="browser-1", at=kst(DAY, 10, 19))

    proxy.proxy_flags_build(day=DAY)

    flag = ProxyFlag.objects.get()
    assert (flag.kind, flag.key) == ("device", "browser-1")
    assert members(flag) == {a.pk, b.pk}


def test_one_device_for_two_accounts_hours_apart_is_not_flagged(world):
    a, b = trainee(world), trainee(world)
    submit_final(world, a, address="198.51.100.1", device="browser-1", at=kst(DAY, 9, 0))
    submit_final(world, b, address="198.51.100.2", device="browser-1", at=kst(DAY, 9, 21))

    proxy.proxy_flags_build(day=DAY)

    assert not ProxyFlag.objects.exists()


# --------------------------------------------------------------------------------------------
# The exemption
# --------------------------------------------------------------------------------------------


def test_one_trainee_outside_the_organisation_makes_the_cluster_flagged(world):
    company = org("드론정비(주)", "203.0.113.0/24")
    inside, outsider = trainee(world, company), trainee(world)
    submit_final(world, inside, address="203.0.113.7")
    submit_final(world, outsider, address="203.0.113.7")

    proxy.proxy_flags_build(day=DAY)

    assert members(ProxyFlag.objects.get()) == {inside.pk, outsider.pk}


def test_an_address_outside_the_declared_network_is_flagged(world):
    company = org("드론정비(주)", "203.0.113.0/24")
    a, b = trainee(world, company), trainee(world, company)
    submit_final(world, a, address="198.51.100.9")
    submit_final(world, b, address="198.51.100.9")

    proxy.proxy_flags_build(day=DAY)

    assert ProxyFlag.objects.get().key == "198.51.100.9"


def test_the_exemption_holds_for_ipv6_networks(world):
    company = org("드론정비(주)", "203.0.113.0/24\n2001:db8:12::/48  # 본사")
    a, b, c, d = (trainee(world, company) for _ in range(4))
    submit_final(world, a, address="2001:db8:12::7")
    submit_final(world, b, address="2001:db8:12::7")
    submit_final(world, c, address="2001:db8:99::7")
    submit_final(world, d, address="2001:db8:99::7")

    proxy.proxy_flags_build(day=DAY)

    flag = ProxyFlag.objects.get()
    assert flag.key == "2001:db8:99::7" and members(flag) == {c.pk, d.pk}


def test_one_address_written_two_ways_is_one_cluster(world):
    a, b = trainee(world), trainee(world)
    submit_final(world, a, address="2001:DB8:99:0::7")
    submit_final(world, b, address="2001:db8:99::7")
    c, d = trainee(world), trainee(world)
    submit_final(world, c, address="::ffff:198.51.100.4")
    submit_final(world, d, address="198.51.100.4")

    proxy.proxy_flags_build(day=DAY)

    assert sorted(ProxyFlag.objects.values_list("key", flat=True)) == ["198.51.100.4", "2001:db8:99::7"]


def test_egress_networks_are_validated_with_the_line_named():
    from django.core.exceptions import ValidationError

    company = Organisation(name_ko="드론정비(주)", egress_cidrs="203.0.113.0/24\n2001:db8::/32\n203.0.113.7/24")
    with pytest.raises(ValidationError) as error:
        company.full_clean()
    assert "3" in str(error.value.message_dict["egress_cidrs"])
    company.egress_cidrs = "203.0.113.0/24\n\n2001:db8::/32"
    company.full_clean()
    assert company.egress_contains("2001:db8::1") and not company.egress_contains("203.0.114.1")


# --------------------------------------------------------------------------------------------
# Idempotence and decided flags
# --------------------------------------------------------------------------------------------


def test_running_the_job_again_changes_nothing(world):
    a, b = trainee(world), trainee(world)
    submit_final(world, a, address="203.0.113.7")
    submit_final(world, b, address="203.0.113.7")

    assert proxy.proxy_flags_build(day=DAY) == {"created": 1, "extended": 0, "unchanged": 0}
    assert proxy.proxy_flags_build(day=DAY) == {"created": 0, "extended": 0, "unchanged": 1}
    assert ProxyFlag.objects.count() == 1


def test_a_decided_flag_is_not_reopened_by_the_same_evidence_but_is_by_a_new_trainee(world):
    a, b, c = trainee(world), trainee(world), trainee(world)
    submit_final(world, a, address="203.0.113.7")
    submit_final(world, b, address="203.0.113.7")
    proxy.proxy_flags_build(day=DAY)
    flag = ProxyFlag.objects.get()
    proxy.proxy_flag_decide(
        flag=flag, state="normal", reason="같은 교육장에서 함께 수강", actor=f.manager_of(world["institute"])
    )

    proxy.proxy_flags_build(day=DAY)
    flag.refresh_from_db()
    assert flag.state == "normal"

    submit_final(world, c, address="203.0.113.7", at=kst(DAY, 18))
    assert proxy.proxy_flags_build(day=DAY)["extended"] == 1
    flag.refresh_from_db()
    assert flag.state == "pending" and members(flag) == {a.pk, b.pk, c.pk}


def test_the_nightly_task_flags_the_day_it_is_given(world):
    a, b = trainee(world), trainee(world)
    submit_final(world, a, address="203.0.113.7")
    submit_final(world, b, address="203.0.113.7")

    assert proxy_flags_nightly_task(DAY.isoformat())["created"] == 1
    assert proxy_flags_nightly_task((DAY + datetime.timedelta(days=1)).isoformat())["created"] == 0


def test_the_nightly_job_is_in_the_beat_schedule():
    from django.conf import settings

    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "compliance.tasks.proxy_flags_nightly_task" in tasks


# --------------------------------------------------------------------------------------------
# What is recorded
# --------------------------------------------------------------------------------------------


def test_heartbeats_update_one_row_per_source_and_day():
    funded = make_funded(lesson_count=2)
    lesson = funded["lessons"][0]
    start = datetime.datetime.combine(DAY, datetime.time(10), tzinfo=datetime.UTC)
    with client_context(client("203.0.113.7", "browser-1")):
        for n in range(5):
            services.progress_heartbeat(
                user=funded["user"], lesson=lesson, resume=n == 0, now=start + datetime.timedelta(seconds=15 * n)
            )

    row = StudySignal.objects.get()
    assert (row.kind, row.address, row.device_hash, row.count) == ("heartbeat", "203.0.113.7", "browser-1", 5)
    assert (row.first_at, row.last_at) == (start, start + datetime.timedelta(seconds=60))
    assert row.run_id == funded["run"].pk


def test_unfunded_runs_keep_no_signals():
    course = f.course_page(f.institute_page())
    lesson = f.lesson_page(course, minutes=1)
    enrolment = f.enrolment(f.course_run(course))
    with client_context(client("203.0.113.7", "browser-1")):
        services.progress_heartbeat(user=enrolment.user, lesson=lesson, resume=True)
        proxy.on_user_logged_in(user=enrolment.user)

    assert not StudySignal.objects.exists()


def test_nothing_is_recorded_outside_a_request(world):
    enrolment = trainee(world)
    proxy.study_signal_record(enrolment=enrolment, kind="login", now=kst(DAY, 9))

    assert not StudySignal.objects.exists()


def test_a_login_is_recorded_for_each_active_funded_enrolment(client, world):
    enrolment = trainee(world, email="pilot@example.com")
    enrolment.user.set_password("correct horse 42")
    enrolment.user.save()

    response = client.post(
        "/accounts/login/",
        {"login": "pilot@example.com", "password": "correct horse 42"},
        REMOTE_ADDR="203.0.113.7",
    )

    assert response.status_code == 302
    row = StudySignal.objects.get()
    assert (row.enrolment_id, row.kind, row.address) == (enrolment.pk, "login", "203.0.113.7")
    assert len(row.device_hash) == 32


def test_an_assignment_submission_is_a_signal(world):
    from assessments.assignments import submission_save

    assignment = f.assignment_page(world["course"], submission_type="text")
    enrolment = trainee(world)
    enrolment.progress_percent = 80  # 과제 opens at 80 % in a funded run
    enrolment.save(update_fields=["progress_percent"])
    with client_context(client("203.0.113.7", "browser-1")):
        submission_save(assignment=assignment, user=enrolment.user, text="보고서", submit=True, now=kst(DAY, 11))

    row = StudySignal.objects.get()
    assert (row.enrolment_id, row.kind, row.address) == (enrolment.pk, "submission", "203.0.113.7")


# --------------------------------------------------------------------------------------------
# The declared networks: edited by the administrator, shown to the organisation's HR
# --------------------------------------------------------------------------------------------


def test_the_administrator_edits_the_networks_and_a_bad_line_is_refused(client):
    company = org("드론정비(주)")
    client.force_login(f.AdminUserFactory())
    edit = f"/cms/snippets/accounts/organisation/edit/{company.pk}/"
    form = {
        "name_ko": "드론정비(주)",
        "name_en": "",
        "business_number": "",
        "workplace_number": "",
        "vetting_status": "not_vetted",  # the form's select always posts its value
    }

    refused = client.post(edit, {**form, "egress_cidrs": "203.0.113.0/24\nnot-a-network"})
    accepted = client.post(edit, {**form, "egress_cidrs": "203.0.113.0/24\n2001:db8:12::/48"})

    assert refused.status_code == 200 and "2번째 줄" in refused.content.decode()
    assert accepted.status_code == 302
    company.refresh_from_db()
    assert [str(n) for n in company.egress_networks()] == ["203.0.113.0/24", "2001:db8:12::/48"]


def test_hr_sees_its_declared_networks(client):
    from accounts.models import Membership

    company = org("드론정비(주)", "203.0.113.0/24\n2001:db8:12::/48")
    hr = f.MembershipFactory(organisation=company, role=Membership.Role.HR).user
    client.force_login(hr)

    text = client.get("/hr/").content.decode()

    assert "203.0.113.0/24" in text and "2001:db8:12::/48" in text
