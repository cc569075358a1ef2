"""The identity gate of funded runs (DOMAIN-KR §1.7): 입과, 차시 1/9/17…, and every 평가 entry ask for a
check before the player or the attempt starts; a passed check counts for its moment only; the
heartbeat credits nothing while a check is due; staff and unfunded runs are not asked."""

import datetime

import pytest
from django.utils import timezone

from compliance.identity import Requirement, due, lesson_number
from compliance.models import IdentityCheck, IdentityResult
from courses import gates, services
from courses.gates import Entry
from courses.models import LessonProgress
from tests import factories as f
from tests.support.funded import make_funded

from .identity_support import FAKE_CODE, detour_of, phone_verify, studied_before_today, submit_code, with_identity

pytestmark = [pytest.mark.django_db, pytest.mark.identity_checks]


@pytest.fixture
def trainee(funded, client):
    with_identity(funded["user"])
    client.force_login(funded["user"])
    return funded


def pass_check(enrolment, moment, *, target=None, class_tme="", at=None):
    return IdentityCheck.objects.create(
        user=enrolment.user,
        enrolment=enrolment,
        moment=moment,
        eval_cd="00",
        class_tme=class_tme,
        target_id=target,
        route="phone",
        backend="fake",
        result=IdentityResult.OK,
        at=at or timezone.now(),
    )


def test_lesson_9_of_a_funded_run_does_not_start_without_a_check(client, trainee):
    enrolment, lessons = trainee["enrolment"], trainee["lessons"]
    pass_check(enrolment, "entry")
    studied_before_today(trainee, 8)
    ninth = lessons[8]

    check_url = detour_of(client.get(ninth.url))
    requirement = Requirement.from_token(check_url.split("/")[3])
    assert (requirement.moment, requirement.eval_cd, requirement.class_tme) == ("lesson", "01", "09")
    assert gates.open_refusal(enrolment=enrolment, lesson=ninth, now=timezone.now())  # the heartbeat's answer
    beat = services.progress_heartbeat(user=trainee["user"], lesson=ninth, resume=True)
    later = services.progress_heartbeat(
        user=trainee["user"], lesson=ninth, now=timezone.now() + datetime.timedelta(seconds=15)
    )
    assert beat.seconds_studied == later.seconds_studied == 0

    page = client.get(check_url)
    assert page.status_code == 200
    assert "본인인증" in page.content.decode()
    back = submit_code(client, check_url, FAKE_CODE)

    assert back.status_code == 302 and back["Location"] == ninth.url
    check = IdentityCheck.objects.get(moment="lesson")
    assert (check.eval_cd, check.class_tme, check.target_id, check.route, check.backend, check.result) == (
        "01",
        "09",
        ninth.pk,
        "motp",
        "fake",
        "ok",
    )
    assert client.get(ninth.url).status_code == 200
    assert gates.open_refusal(enrolment=enrolment, lesson=ninth, now=timezone.now()) is None


def test_a_check_is_needed_once_per_check_lesson_and_not_for_the_others(client, trainee):
    enrolment, lessons = trainee["enrolment"], trainee["lessons"]
    pass_check(enrolment, "entry")
    pass_check(enrolment, "lesson", target=lessons[0].pk, class_tme="01")
    studied_before_today(trainee, 16)

    assert client.get(lessons[0].url).status_code == 200  # 차시 1: passed once, enough
    assert client.get(lessons[1].url).status_code == 200  # 차시 2: no check
    assert client.get(lessons[15].url).status_code == 200  # 차시 16
    requirement = Requirement.from_token(detour_of(client.get(lessons[16].url)).split("/")[3])
    assert requirement.class_tme == "17"
    assert [lesson_number(lesson) for lesson in lessons[:3]] == [1, 2, 3]


def test_entry_comes_first_by_phone_then_lesson_1_by_motp(client, trainee):
    first = trainee["lessons"][0]

    entry_url = detour_of(client.get(first.url))
    page = client.get(entry_url).content.decode()
    assert "휴대폰 본인확인" in page and 'value="motp"' not in page  # 입과: the phone route only
    assert phone_verify(client, entry_url)["Location"] == first.url

    lesson_url = detour_of(client.get(first.url))
    assert lesson_url != entry_url
    assert 'value="motp"' in client.get(lesson_url).content.decode()
    submit_code(client, lesson_url, FAKE_CODE)

    assert client.get(first.url).status_code == 200
    assert list(IdentityCheck.objects.order_by("pk").values_list("moment", "eval_cd", "class_tme", "route")) == [
        ("entry", "00", "", "phone"),
        ("lesson", "01", "01", "motp"),
    ]


def test_a_wrong_code_is_recorded_and_shown_and_the_lesson_stays_closed(client, trainee):
    first = trainee["lessons"][0]
    pass_check(trainee["enrolment"], "entry")
    check_url = detour_of(client.get(first.url))

    answer = submit_code(client, check_url, "000000")
    assert answer["Location"] == check_url
    page = client.get(check_url).content.decode()
    assert "OTP 번호가 올바르지 않습니다" in page
    assert IdentityCheck.objects.get(moment="lesson").result == "failed"
    detour_of(client.get(first.url))


def test_a_passed_check_does_not_carry_to_another_enrolment_or_session(client, trainee):
    first = trainee["lessons"][0]
    pass_check(trainee["enrolment"], "entry")
    other = make_funded(lesson_count=1)
    pass_check(other["enrolment"], "lesson", target=first.pk, class_tme="01")

    detour_of(client.get(first.url))


def test_staff_of_the_institute_are_never_asked(client, trainee):
    staff = f.instructor_of(trainee["course"].institute)
    f.enrolment(trainee["run"], user=staff)
    client.force_login(staff)

    assert client.get(trainee["lessons"][0].url).status_code == 200


def test_outside_the_training_period_nothing_is_asked(trainee):
    run = trainee["run"]
    entry = Entry(kind="lesson", object_id=trainee["lessons"][0].pk, lesson=trainee["lessons"][0])
    after = datetime.datetime.combine(
        run.training_end + datetime.timedelta(days=2), datetime.time(12), tzinfo=datetime.UTC
    )
    assert due(enrolment=trainee["enrolment"], entry=entry, now=after) is None
    assert due(enrolment=trainee["enrolment"], entry=entry, now=timezone.now()) is not None


def test_the_heartbeat_credits_again_once_the_check_passed(client, trainee):
    first = trainee["lessons"][0]
    pass_check(trainee["enrolment"], "entry")
    pass_check(trainee["enrolment"], "lesson", target=first.pk, class_tme="01")
    now = timezone.now()

    services.progress_heartbeat(user=trainee["user"], lesson=first, resume=True, now=now)
    services.progress_heartbeat(user=trainee["user"], lesson=first, now=now + datetime.timedelta(seconds=15))

    assert LessonProgress.objects.get(lesson=first).seconds_studied == 15


def test_a_tampered_or_someone_elses_check_address_is_404(client, trainee):
    url = detour_of(client.get(trainee["lessons"][0].url))
    assert client.get(url[:-3] + "xx/").status_code == 404
    client.force_login(f.UserFactory())
    assert client.get(url).status_code == 404


def test_a_route_the_policy_does_not_offer_is_refused_with_a_message(client, trainee):
    url = detour_of(client.get(trainee["lessons"][0].url))  # 입과: phone only
    answer = submit_code(client, url, FAKE_CODE, route="motp")
    assert answer.status_code == 302
    assert "이 방법으로는 본인인증을 할 수 없습니다" in client.get(url).content.decode()
    assert not IdentityCheck.objects.exists()
