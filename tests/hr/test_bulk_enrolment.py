"""HR bulk enrolment follows the course's enrolment policy: never better than the trainee's own request."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from courses.models import CoursePrerequisite, Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db


def upcoming_run(course, **fields):
    """A run that starts tomorrow: HR enrols only in runs that have not started."""
    fields.setdefault("starts_on", timezone.localdate() + datetime.timedelta(days=1))
    return f.course_run(course, **fields)


@pytest.fixture
def hr_setup():
    organisation = f.OrganisationFactory(name_ko="알파드론")
    hr = f.MembershipFactory(organisation=organisation, role="hr").user
    members = [
        f.MembershipFactory(organisation=organisation, user=f.UserFactory(email=f"m{n}@alpha.example")).user
        for n in range(4)
    ]
    institute = f.institute_page()
    return {"organisation": organisation, "hr": hr, "members": members, "institute": institute}


def upload(client, setup, run, emails):
    client.force_login(setup["hr"])
    data = ("email\n" + "\n".join(emails) + "\n").encode()
    return client.post("/hr/enrol/", {"run": run.pk, "file": SimpleUploadedFile("staff.csv", data)}, follow=True)


def statuses(run):
    return dict(Enrolment.objects.filter(run=run).values_list("user__email", "status"))


def test_open_course_enrols_while_seats_last_then_waitlists_in_file_order(client, hr_setup):
    run = upcoming_run(f.course_page(hr_setup["institute"], enrolment_policy="open"), capacity=2)
    emails = [m.email for m in hr_setup["members"][:3]]

    response = upload(client, hr_setup, run, emails)

    assert statuses(run) == {emails[0]: "active", emails[1]: "active", emails[2]: "waitlisted"}
    assert "2명 등록" in response.content.decode() and "대기 1명" in response.content.decode()


def test_newcomers_queue_behind_trainees_already_waiting(client, hr_setup):
    run = upcoming_run(f.course_page(hr_setup["institute"], enrolment_policy="open"), capacity=1)
    f.enrolment(run)  # the seat
    waiting = f.enrolment(run, status="waitlisted", waitlisted_at=timezone.now())
    Enrolment.objects.filter(run=run, status="active").delete()  # a seat frees without promotion (e.g. a deletion)
    member = hr_setup["members"][0]

    upload(client, hr_setup, run, [member.email])

    assert Enrolment.objects.get(run=run, user=member).status == "waitlisted"
    assert Enrolment.objects.get(pk=waiting.pk).status == "waitlisted"


@pytest.mark.parametrize("policy", ["approval", "invitation"])
def test_approval_and_invitation_courses_get_requests_the_institute_decides(client, hr_setup, policy):
    run = upcoming_run(f.course_page(hr_setup["institute"], enrolment_policy=policy), capacity=10)
    member = hr_setup["members"][0]

    response = upload(client, hr_setup, run, [member.email])

    assert Enrolment.objects.get(run=run, user=member).status == "pending"  # not active
    assert "승인 요청 1건" in response.content.decode()
    instructor = f.instructor_of(hr_setup["institute"])
    client.force_login(instructor)
    assert member.email in client.get("/cms/academy/approvals/").content.decode()


def test_invited_member_takes_the_seat_held_for_them(client, hr_setup):
    run = upcoming_run(f.course_page(hr_setup["institute"], enrolment_policy="invitation"), capacity=1)
    member = hr_setup["members"][0]
    f.enrolment(run, user=member, status="invited")

    upload(client, hr_setup, run, [member.email])

    assert Enrolment.objects.get(run=run, user=member).status == "active"


def test_removed_rejected_and_unqualified_members_are_refused_by_row_and_nobody_is_written(client, hr_setup):
    institute = hr_setup["institute"]
    basics = f.course_page(institute, "드론 기초")
    course = f.course_page(institute, "드론 정비 심화", enrolment_policy="open")
    CoursePrerequisite.objects.create(course=course, prerequisite=basics)
    run = upcoming_run(course, capacity=10)
    removed, rejected, fresh, qualified = hr_setup["members"]
    f.enrolment(run, user=removed, status="removed")
    f.enrolment(run, user=rejected, status="rejected")
    f.enrolment(f.course_run(basics), user=qualified, status="completed")

    response = upload(client, hr_setup, run, [qualified.email, removed.email, rejected.email, fresh.email])

    text = response.content.decode()
    assert "3번째 행" in text and "제외" in text  # removed by the institute
    assert "4번째 행" in text and "반려" in text
    assert "5번째 행" in text and "드론 기초" in text  # the missing prerequisite, by name
    assert "2번째 행" not in text
    assert not Enrolment.objects.filter(run=run, user__in=[qualified, fresh]).exists()  # nothing written


def test_closed_enrolment_window_is_refused_for_every_row(client, hr_setup):
    run = upcoming_run(
        f.course_page(hr_setup["institute"]),
        enrolment_closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    emails = [m.email for m in hr_setup["members"][:2]]

    response = upload(client, hr_setup, run, emails)

    text = response.content.decode()
    assert "2번째 행" in text and "3번째 행" in text and "마감" in text
    assert not Enrolment.objects.filter(run=run).exists()


def test_members_already_enrolled_or_waiting_are_left_as_they_are(client, hr_setup):
    run = upcoming_run(f.course_page(hr_setup["institute"]), capacity=5)
    done, pending = hr_setup["members"][:2]
    f.enrolment(run, user=done, status="completed")
    f.enrolment(run, user=pending, status="pending")

    response = upload(client, hr_setup, run, [done.email, pending.email])

    assert statuses(run) == {done.email: "completed", pending.email: "pending"}
    assert "2명은 이미 등록" in response.content.decode()
