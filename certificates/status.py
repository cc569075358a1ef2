"""What a certificate is now: the one place that decides valid, expired, revoked or pending.

Expiry is computed live from the date (there is no nightly job that flips a flag), so a
certificate is expired from the day after its ``expires_on`` in Seoul, everywhere at once: the
trainee's dashboard, the verification page, the API and the Open Badge.
"""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PENDING = "pending", _("Being issued")
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


def certificate_status(certificate, *, today: datetime.date | None = None) -> Status:
    """유효 / 만료 / 취소 / 발급 중 of one certificate on ``today`` (default: today in Seoul).

    Revocation wins over everything; a certificate is pending until its first PDF exists (a
    reissue keeps it valid while the new PDF is made).
    """
    from .models import Certificate

    if certificate.state == Certificate.State.REVOKED:
        return Status.REVOKED
    if certificate.state == Certificate.State.PENDING:
        return Status.PENDING
    today = today or timezone.localdate()
    if certificate.expires_on is not None and today > certificate.expires_on:
        return Status.EXPIRED
    return Status.VALID


def expiry_date(completed_on: datetime.date, validity_months: int | None) -> datetime.date | None:
    """Last day of validity: valid for ``validity_months`` from the completion date, that day excluded.

    Completed on 2026-03-15 with 12 months: valid to 2027-03-14; a month shorter than the day is
    cut to its last day (31 Jan + 1 month is 28 Feb). ``None``: no expiry.
    """
    if not validity_months:
        return None
    return completed_on + relativedelta(months=validity_months) - datetime.timedelta(days=1)
