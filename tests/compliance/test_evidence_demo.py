"""The demo loader leaves the funded trainee waiting for the final test with a stored evidence pack,
once (DOMAIN-KR §1.9)."""

import pytest
from django.core.management import call_command

from compliance.models import StoredEvidencePack
from tests.home.test_demo_funded_run import demo  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_demo_funded_trainee_has_one_stored_pack(demo):  # noqa: F811
    enrolment = demo["enrolments"]["funded-final@example.com"]
    stored = StoredEvidencePack.objects.get()
    assert stored.enrolment_id == enrolment.pk
    with stored.pdf_file.open("rb") as handle:
        assert handle.read(4) == b"%PDF"

    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert StoredEvidencePack.objects.get().pk == stored.pk
