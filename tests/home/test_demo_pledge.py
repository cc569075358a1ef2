"""The demo's 기술보호 서약서 and access-log export: loaded, and a second load changes nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from compliance import accesslog, pledges
from compliance.models import PledgeSignature, PledgeText
from courses.models import InstitutePage
from ops.models import AuditEvent

pytestmark = pytest.mark.django_db


def load():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_trainee_signed_the_pledge_and_the_demo_hr_exported_the_log_once(shared_demo):
    institute = InstitutePage.objects.get(slug="dqsi")
    text = pledges.current_text(institute_id=institute.pk)
    assert text.institute == institute and text.version == 1
    trainee_signatures = PledgeSignature.objects.filter(user__email="trainee@example.com")
    assert trainee_signatures.count() == 2  # 방산품질보안교육원's own text and the built-in one
    now = timezone.now()
    assert pledges.valid_signature(user=trainee_signatures[0].user, text=text, now=now) is not None
    exports = AuditEvent.objects.filter(action=accesslog.EXPORT_ACTION, actor__email="hr@example.com")
    assert exports.count() == 1
    counts = (PledgeText.objects.count(), PledgeSignature.objects.count(), exports.count())
    load()
    assert (PledgeText.objects.count(), PledgeSignature.objects.count(), exports.count()) == counts
