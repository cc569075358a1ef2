"""The one status function: pending, valid, expired (by date, live) and revoked."""

import datetime

from dateutil.relativedelta import relativedelta

from certificates.models import Certificate
from certificates.status import Status, certificate_status, expiry_date

TODAY = datetime.date(2026, 11, 25)


def certificate(**fields):
    defaults = {"state": Certificate.State.ISSUED, "expires_on": TODAY}
    defaults.update(fields)
    return Certificate(**defaults)


def test_issued_certificate_is_valid_through_its_expiry_date_and_expired_the_day_after():
    cert = certificate()

    assert certificate_status(cert, today=TODAY - datetime.timedelta(days=400)) == Status.VALID
    assert certificate_status(cert, today=TODAY) == Status.VALID
    assert certificate_status(cert, today=TODAY + datetime.timedelta(days=1)) == Status.EXPIRED


def test_without_expiry_it_stays_valid():
    assert certificate_status(certificate(expires_on=None), today=datetime.date(2099, 1, 1)) == Status.VALID


def test_revoked_wins_over_dates():
    cert = certificate(state=Certificate.State.REVOKED, expires_on=None)

    assert certificate_status(cert, today=TODAY) == Status.REVOKED
    assert (
        certificate_status(certificate(state=Certificate.State.REVOKED), today=TODAY + datetime.timedelta(days=9))
        == Status.REVOKED
    )


def test_pending_until_its_first_pdf():
    assert certificate_status(certificate(state=Certificate.State.PENDING), today=TODAY) == Status.PENDING


def test_validity_in_months_ends_the_day_before_the_same_date():
    assert expiry_date(datetime.date(2026, 3, 15), 12) == datetime.date(2027, 3, 14)
    assert expiry_date(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 27)
    assert expiry_date(datetime.date(2026, 3, 15), None) is None
    assert datetime.date(2024, 2, 29) + relativedelta(months=12) == datetime.date(2025, 2, 28)
    assert datetime.date(2026, 11, 30) + relativedelta(months=3) == datetime.date(2027, 2, 28)
