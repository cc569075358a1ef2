"""The demo's identity checks (DOMAIN-KR §1.7): with the checks on (as in development), the demo loads,
its funded trainees have the birth date and phone the fake 휴대폰 본인확인 compares, their history holds
the checks of 입과, 차시 1/9 and each test attempt, one trainee shows a failed then a passed check, and a
second load changes nothing."""

import pytest
from django.core.management import call_command

from compliance.identity import motp_locked
from compliance.models import IdentityCheck
from courses.models import CourseRun, Enrolment

pytestmark = [pytest.mark.django_db, pytest.mark.identity_checks]

SLUG = "drone-operations-safety-funded"


def load():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_records_a_failed_and_a_passed_check_and_loads_twice_alike():
    load()
    run = CourseRun.objects.get(course__slug=SLUG, emp_ins_flag__gt=0)
    below = Enrolment.objects.get(run=run, user__email="funded-below@example.com")

    history = list(below.identity_checks.order_by("at").values_list("moment", "class_tme", "route", "result"))
    assert history == [
        ("entry", "", "phone", "ok"),
        ("lesson", "01", "motp", "failed"),
        ("lesson", "01", "motp", "ok"),
    ]
    assert below.user.birth_date is not None and below.user.mobile_phone
    assert not motp_locked(below.user)
    essay = Enrolment.objects.get(run=run, user__email="funded-essay1@example.com")
    assert set(essay.identity_checks.values_list("moment", "eval_cd")) >= {
        ("entry", "00"),
        ("lesson", "01"),
        ("quiz", "04"),
        ("quiz", "02"),
    }
    assert essay.identity_checks.filter(moment="lesson").count() == 2  # 차시 1 and 9 of 12

    count = IdentityCheck.objects.count()
    load()
    assert IdentityCheck.objects.count() == count
