"""Step-up identity checks (DOMAIN-KR §3.3 F3.2, F3.3) and the restricted-access registry and log
they serve (``courses.protection``)."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from compliance.models import EmonRecord, IdentityCheck, IdentityMoment
from compliance.stepup import step_up_recent, step_up_url
from courses import protection
from courses.models import Sensitivity
from ops.models import AuditEvent
from tests import factories as f

from .identity_support import phone_verify, with_identity

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client):
    user = with_identity(f.UserFactory())
    client.force_login(user)
    return user


def test_a_step_up_check_passes_on_the_identity_page_and_counts_for_ten_minutes(client, person):
    now = timezone.now()
    assert step_up_recent(person, now=now) is None
    url = step_up_url(user=person, return_url="/learn/", now=now)
    page = client.get(url)
    assert page.status_code == 200
    assert "휴대폰 본인확인" in page.content.decode() or "Mobile phone" in page.content.decode()
    back = phone_verify(client, url)
    assert back.status_code == 302 and back["Location"] == "/learn/"
    check = step_up_recent(person, now=timezone.now())
    assert check is not None and check.enrolment is None and check.moment == IdentityMoment.STEP_UP
    assert AuditEvent.objects.filter(action="compliance.identity_check", object_id=str(check.pk)).count() == 1
    assert not EmonRecord.objects.exists()  # a step-up check is never reported to the 공단
    assert step_up_recent(person, now=check.at + datetime.timedelta(minutes=9, seconds=59)) == check
    assert step_up_recent(person, now=check.at + datetime.timedelta(minutes=10, seconds=1)) is None
    assert client.get(url).status_code == 302  # passed: the page sends the person back


def test_a_failed_check_opens_nothing(client, person):
    url = step_up_url(user=person, return_url="/learn/", now=timezone.now())
    phone_verify(client, url, name="김철수")  # a name that is not the account's
    assert IdentityCheck.objects.filter(user=person, moment=IdentityMoment.STEP_UP).exclude(result="ok").exists()
    assert step_up_recent(person, now=timezone.now()) is None


def test_another_persons_step_up_address_is_not_found(client, person):
    other = f.UserFactory()
    url = step_up_url(user=other, return_url="/learn/", now=timezone.now())
    assert client.get(url).status_code == 404


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(protection, "_conditions", [])
    return protection


def test_conditions_are_asked_in_order_and_the_first_missing_one_answers(registry, person):
    institute = f.institute_page()
    course = f.course_page(institute, sensitivity=Sensitivity.RESTRICTED)
    asked = []

    def missing(key):
        def condition(*, user, course, now):
            asked.append(key)
            return protection.Refusal(key=key, title=key, message=key)

        return condition

    registry.register_condition("pledge", missing("pledge"), order=40)
    registry.register_condition("organisation", missing("organisation"), order=10)
    registry.register_condition("organisation", lambda **kw: asked.append("org2"), order=10)  # replaces
    assert registry.registered_conditions() == ["organisation", "pledge"]
    refusal = registry.restricted_refusal(user=person, course=course, now=timezone.now())
    assert refusal.key == "pledge" and asked == ["org2", "pledge"]
    assert [r.key for r in registry.restricted_refusals(user=person, course=course, now=timezone.now())] == ["pledge"]
    assert registry.is_restricted(course)
    assert registry.restricted_refusal(user=AnonymousUser(), course=course, now=timezone.now()).key == "login"


def test_the_access_log_names_the_person_their_organisations_and_the_result(person):
    membership = f.MembershipFactory(user=person)
    institute = f.institute_page()
    course = f.course_page(institute, sensitivity=Sensitivity.RESTRICTED)
    lesson = f.lesson_page(course)
    event = protection.restricted_access_log(
        user=person, action="view", obj=lesson, course=course, result="refused:pledge"
    )
    event.refresh_from_db()
    assert event.action == "restricted.view" and event.actor_id == person.pk
    assert event.data["organisations"] == [membership.organisation_id]
    assert event.data["result"] == "refused:pledge" and event.data["course"] == course.pk
    assert event.object_id == str(lesson.pk)
    with pytest.raises(ValueError):
        protection.restricted_access_log(user=person, action="peek", obj=lesson, result="allowed")


def test_the_refusal_page_names_what_is_missing_and_the_watermark_names_the_event(rf, person):
    membership = f.MembershipFactory(user=person)
    person.name_ko = "홍길동"
    course = f.course_page(f.institute_page(), sensitivity=Sensitivity.RESTRICTED)
    request = rf.get("/")
    request.user = person
    refusal = protection.Refusal(
        key="pledge", title="서약 필요", message="기술보호 서약서에 서명하십시오.", url="/learn/x/"
    )
    response = protection.refusal_response(request, refusal, course=course)
    assert response.status_code == 403 and response["X-Academy-Refusal"] == "pledge"
    body = response.content.decode()
    assert "서약 필요" in body and "기술보호 서약서에 서명하십시오." in body and 'href="/learn/x/"' in body
    event = protection.restricted_access_log(user=person, action="render", obj=course, course=course, result="allowed")
    text = protection.watermark_text(user=person, event=event, now=timezone.now())
    assert text.startswith("홍*동 · " + membership.organisation.name_ko)
    assert protection.watermark_event_id(text.rsplit("#", 1)[1]) == event.pk
