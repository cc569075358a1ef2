"""대리수강 review queue (DOMAIN-KR §1.8): the run's institute's staff see and decide its flags
(정상 / 의심 / 대리수강 확정 with a required reason, each decision in the audit trail); 확정 voids the
chosen trainees' scores and takes their completion back, and it cannot come back while it stands."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import Attempt
from compliance import proxy
from compliance.models import ProxyFlag
from courses import services
from courses.models import Enrolment
from ops.models import AuditEvent
from tests import factories as f

from .proxy_support import DAY, funded_course, submit_final, trainee

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = funded_course()
    a, b = trainee(world, name_ko="김대리"), trainee(world, name_ko="이수강")
    submit_final(world, a, address="203.0.113.7")
    submit_final(world, b, address="203.0.113.7")
    proxy.proxy_flags_build(day=DAY)
    world.update(a=a, b=b, flag=ProxyFlag.objects.get())
    return world


def url(flag=None) -> str:
    return f"/cms/compliance/proxy/{flag.pk}/" if flag else "/cms/compliance/proxy/"


def test_the_runs_manager_sees_the_flag_with_its_evidence(client, world):
    client.force_login(world["manager"])

    listing = client.get(url())
    detail = client.get(url(world["flag"]))

    assert listing.status_code == 200 and "203.0.113.7" in listing.content.decode()
    assert "김대리" in listing.content.decode() and "이수강" in listing.content.decode()
    text = detail.content.decode()
    assert detail.status_code == 200
    assert "김대리" in text and "이수강" in text and "203.0.113.7" in text
    assert "2026.03.26 10:00" in text  # when (KST, as Koreans write it)


def test_another_institutes_staff_and_trainees_are_refused(client, world):
    other = f.manager_of(f.institute_page())
    client.force_login(other)
    assert client.get(url(world["flag"])).status_code == 404
    assert "203.0.113.7" not in client.get(url()).content.decode()
    assert client.post(url(world["flag"]), {"decision": "normal", "reason": "x"}).status_code == 404
    client.force_login(world["a"].user)
    assert client.get(url(world["flag"])).status_code in (302, 403)
    world["flag"].refresh_from_db()
    assert world["flag"].state == "pending"


def test_the_state_filter(client, world):
    client.force_login(world["manager"])
    proxy.proxy_flag_decide(flag=world["flag"], state="normal", reason="같은 교육장", actor=world["manager"])

    assert "203.0.113.7" not in client.get(url()).content.decode()  # awaiting review by default
    assert "203.0.113.7" in client.get(url(), {"state": "normal"}).content.decode()
    assert "203.0.113.7" in client.get(url(), {"state": ""}).content.decode()
    assert client.get(url(), {"state": "nonsense"}).status_code == 200


def test_a_decision_needs_a_reason_and_says_so(client, world):
    client.force_login(world["manager"])

    response = client.post(url(world["flag"]), {"decision": "suspicious", "reason": "  "})

    assert response.status_code == 400
    assert "필수 작성 항목입니다" in response.content.decode()
    world["flag"].refresh_from_db()
    assert world["flag"].state == "pending"


def test_a_confirmation_names_its_trainees(client, world):
    client.force_login(world["manager"])

    response = client.post(url(world["flag"]), {"decision": "confirmed", "reason": "본인 확인 결과 대리 응시"})

    assert response.status_code == 400
    world["flag"].refresh_from_db()
    assert world["flag"].state == "pending"


def test_normal_is_recorded_with_the_audit_trail(client, world):
    client.force_login(world["manager"])

    response = client.post(url(world["flag"]), {"decision": "normal", "reason": "같은 교육장에서 함께 수강"})

    assert response.status_code == 302
    flag = ProxyFlag.objects.get()
    assert (flag.state, flag.reason, flag.decided_by) == ("normal", "같은 교육장에서 함께 수강", world["manager"])
    event = AuditEvent.objects.get(action="compliance.proxy_flag_decide")
    assert (event.actor, event.reason, event.data["to"]) == (world["manager"], "같은 교육장에서 함께 수강", "normal")


def test_confirmed_proxy_learning_voids_scores_and_takes_completion_back_for_good(client, world):
    """The run's grading deadline has passed (the decision was final), yet the finding takes the
    completion back; no override completes past it while it stands; 정상 later lifts it."""
    a, b = world["a"], world["b"]
    Enrolment.objects.filter(pk=a.pk).update(status=Enrolment.Status.COMPLETED)
    Enrolment.objects.filter(pk=b.pk).update(status=Enrolment.Status.COMPLETED)
    assert Attempt.objects.get(enrolment=a).score == 100
    client.force_login(world["manager"])

    response = client.post(
        url(world["flag"]), {"decision": "confirmed", "confirmed": [a.pk], "reason": "본인 확인 결과 대리 응시"}
    )

    assert response.status_code == 302
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == Enrolment.Status.ACTIVE and b.status == Enrolment.Status.COMPLETED
    assert Attempt.objects.get(enrolment=a).score == 0 and Attempt.objects.get(enrolment=b).score == 100
    assert AuditEvent.objects.filter(action="compliance.proxy_learning_confirmed", subject_user=a.user).exists()
    assert a.events.filter(to_status="active", actor=world["manager"]).exists()  # who took it back, and why

    services.enrolment_evaluate_completion(enrolment=a)
    with pytest.raises(services.EnrolmentError, match="대리수강"):
        services.completion_override(enrolment=a, complete=True, reason="재검토", actor=world["manager"])
    a.refresh_from_db()
    assert a.status == Enrolment.Status.ACTIVE

    proxy.proxy_flag_decide(flag=world["flag"], state="normal", reason="재조사 결과 본인 수강", actor=world["manager"])
    services.completion_override(enrolment=a, complete=True, reason="재조사 결과 본인 수강", actor=world["manager"])
    a.refresh_from_db()
    assert a.status == Enrolment.Status.COMPLETED


def test_before_the_grading_deadline_the_decider_takes_the_completion_back(world):
    """Inside the 훈련기간 too, the uncompletion is the decider's, with the finding as its reason."""
    import datetime

    from .proxy_support import kst

    a = world["a"]
    Enrolment.objects.filter(pk=a.pk).update(status=Enrolment.Status.COMPLETED)

    proxy.proxy_flag_decide(
        flag=world["flag"],
        state="confirmed",
        reason="대리 응시",
        actor=world["manager"],
        confirmed_enrolment_ids=[a.pk],
        now=kst(DAY + datetime.timedelta(days=1), 9),
    )

    a.refresh_from_db()
    event = a.events.get(to_status="active", from_status="completed")
    assert a.status == "active" and event.actor == world["manager"] and "대리수강" in event.reason


def test_the_confirmed_trainee_sees_what_keeps_them_from_completing(world):
    from courses import completion

    proxy.proxy_flag_decide(
        flag=world["flag"],
        state="confirmed",
        reason="대리 응시",
        actor=world["manager"],
        confirmed_enrolment_ids=[world["a"].pk],
    )
    enrolment = Enrolment.objects.select_related("run__course").get(pk=world["a"].pk)

    item = next(item for item in completion.requirements(enrolment) if item.key == "proxy_learning")
    assert not item.met and item.finding
    other = Enrolment.objects.select_related("run__course").get(pk=world["b"].pk)
    assert all(item.key != "proxy_learning" for item in completion.requirements(other))


def test_only_the_runs_institute_decides(world):
    with pytest.raises(proxy.ProxyFlagError):
        proxy.proxy_flag_decide(flag=world["flag"], state="normal", reason="x", actor=f.manager_of(f.institute_page()))


def test_the_queue_costs_the_same_queries_for_few_and_many_flags(client, world):
    client.force_login(world["manager"])
    client.get(url())  # warm the admin's caches

    with CaptureQueriesContext(connection) as few:
        assert client.get(url()).status_code == 200
    for n in range(8):
        a, b = trainee(world), trainee(world)
        submit_final(world, a, address=f"198.51.100.{n + 1}")
        submit_final(world, b, address=f"198.51.100.{n + 1}")
    proxy.proxy_flags_build(day=DAY)
    assert ProxyFlag.objects.count() == 9
    with CaptureQueriesContext(connection) as many:
        response = client.get(url())

    assert response.content.decode().count("198.51.100.") >= 8
    assert len(many) == len(few)


def test_a_confirmation_is_reported_to_the_gongdan_as_not_completed_with_no_score(client, world):
    """확정 → pass_flag 0 and the scores voided, as new attend_hist and score_hist rows (DOMAIN-KR §1.8)."""
    from compliance.models import EmonRecord

    a = world["a"]
    Enrolment.objects.filter(pk=a.pk).update(status=Enrolment.Status.COMPLETED)
    before = EmonRecord.objects.filter(enrolment=a).count()
    client.force_login(world["manager"])

    client.post(
        url(world["flag"]), {"decision": "confirmed", "confirmed": [a.pk], "reason": "본인 확인 결과 대리 응시"}
    )

    new = EmonRecord.objects.filter(enrolment=a).order_by("seq")[before:]
    attend = [row.payload for row in new if row.endpoint == "attend_hist"]
    assert attend and attend[-1]["passFlag"] in (0, "0") and float(attend[-1]["totalScore"]) == 0
    scores = [row.payload for row in new if row.endpoint == "score_hist" and not row.payload.get("chasi")]
    assert scores and all(float(row["score"]) == 0 for row in scores)


def test_instructors_read_the_queue_but_only_managers_decide(client, world):
    """A 확정 voids scores and takes completion back: the institute manager's decision (DOMAIN-KR §1.8)."""
    instructor = f.instructor_of(world["institute"])
    client.force_login(instructor)
    page = client.get(url(world["flag"]))
    assert page.status_code == 200 and "기관 관리자가 판정합니다" in page.content.decode()
    response = client.post(url(world["flag"]), {"decision": "confirmed", "confirmed": [world["a"].pk], "reason": "x"})
    assert response.status_code == 302 and response["Location"] == "/cms/"  # Wagtail's answer to a refusal
    with pytest.raises(proxy.ProxyFlagError):
        proxy.proxy_flag_decide(flag=world["flag"], state="normal", reason="x", actor=instructor)
    world["flag"].refresh_from_db()
    assert world["flag"].state == "pending"
