"""The personal-data step of funded enrolments (DOMAIN-KR §5.1) in the demo.

``load_pii_demo`` (called by ``load_demo_data`` before the funded run, whose enrolments would
otherwise wait for the step) creates the funded demo trainees and completes the step for each as
they would: the notices acknowledged, the 제3자 제공 agreed, the mobile phone and a fake
주민등록번호 (``data/pii.json``; birth dates and phones as ``data/identity.json``). Idempotent: a
trainee who has a stored number is left alone.
"""

from __future__ import annotations

from accounts.models import ResidentNumber
from accounts.services import funded_personal_data_record

from .demo import content
from .demo.catalog import _person
from .demo.funded import funded_trainees
from .demo.people import ensure_user


def load_pii_demo() -> None:
    numbers = content.read("pii")["resident_numbers"]
    phones = {email: details["mobile_phone"] for email, details in content.read("identity")["trainees"].items()}
    for person in funded_trainees():
        user = ensure_user(_person(person))
        if person["email"] not in numbers or ResidentNumber.objects.filter(user=user).exists():
            continue
        funded_personal_data_record(
            user=user,
            resident_number=numbers[person["email"]],
            mobile_phone=phones.get(person["email"], ""),
            language="ko",
        )
