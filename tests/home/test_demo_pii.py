"""The demo's funded trainees have completed the personal-data step (DOMAIN-KR §5.1), so the funded
demo works with the step on; loading twice changes nothing."""

import pytest
from django.core.management import call_command

from accounts.models import Consent, ResidentNumber
from courses.models import Enrolment
from home.demo import content
from home.demo.funded import funded_trainees

pytestmark = [pytest.mark.django_db, pytest.mark.personal_data_step]


def test_the_funded_demo_trainees_completed_the_step_and_are_not_blocked(client):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    numbers = dict(ResidentNumber.objects.values_list("user__email", "pk"))
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115

    emails = [person["email"] for person in funded_trainees()]
    fake = content.read("pii")["resident_numbers"]
    assert dict(ResidentNumber.objects.values_list("user__email", "pk")) == numbers  # nothing new the second time
    for email in emails:
        number = ResidentNumber.objects.get(user__email=email)
        assert number.digits() == fake[email].replace("-", "")
        assert Consent.objects.filter(user__email=email, kind="funded_third_party", agreed=True).count() == 1
    funded = Enrolment.objects.filter(run__emp_ins_flag__gt=0, user__email__in=emails)
    assert funded.count() == len(emails)
    assert not funded.filter(status=Enrolment.Status.INVITED).exists()

    client.login(username=emails[0], password="academy-demo-2026")
    profile = client.get("/accounts/profile/").content.decode()
    assert fake[emails[0]][:6] + "-*******" in profile and fake[emails[0]][7:] not in profile
