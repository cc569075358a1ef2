"""The demo's personal data access log (DOMAIN-KR §5.3): rows in the two months before the load,
chained in the audit trail, the older month signed off and the last one "검토 전"; a second load
changes nothing."""

import pytest
from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from django.utils import timezone

from ops.audit import audit_chain_verify
from ops.models import PersonalDataAccess, PersonalDataReview
from ops.privacy_review import month_review, month_start

pytestmark = pytest.mark.django_db


def load():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_shows_a_signed_month_and_one_waiting_and_loads_twice_alike(shared_demo):
    counts = (PersonalDataAccess.objects.count(), PersonalDataReview.objects.count())
    load()

    assert (PersonalDataAccess.objects.count(), PersonalDataReview.objects.count()) == counts
    today = timezone.localdate()
    older = month_review(month=month_start(today) - relativedelta(months=2), today=today)
    last = month_review(month=month_start(today) - relativedelta(months=1), today=today)
    assert older.status == "reviewed" and older.review.reviewed_by.email == "admin@example.com"
    assert [row.reason for row in older.exports] == ["분기 교육 실적 보고"]
    assert len(older.off_hours) == 1
    assert last.status == "overdue" and last.total == 2
    assert audit_chain_verify().ok
