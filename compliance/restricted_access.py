"""The restricted-access conditions this app owns (DOMAIN-KR §3.3 F3.2, F3.4, F3.8).

Registered in ``ComplianceConfig.ready`` with ``courses.protection.register_condition``; each is
asked on every request to restricted material (so an expiry blocks the next request) and costs at
most two queries:

=============  =====  ========================================================================
key            order  refuses when
=============  =====  ========================================================================
organisation     10   no membership of an organisation whose vetting is approved and not expired
                      (``Organisation.vetting_*``, set by administrators with the evidence file)
nationality      20   nationality not given or the restricted-course notice not agreed (link: the
                      nationality form); not KR and no unexpired ``ExportApproval`` for the course
agreement        30   every vetted organisation of the person has ended its agreement (F3.8: the
                      refusal starts in the transaction that records the end; enrolments stay as
                      they are, so a renewed agreement needs no re-enrolment)
step_up          60   no passed step-up identity check in the last 10 minutes (link: the check,
                      returning to the refused page)
=============  =====  ========================================================================

Expiry dates are inclusive Korean calendar days ("valid until 2027-03-31" counts all that day, KST).
The 본인확인 ``is_foreigner`` flag is not stored by the identity checks, so it cannot be
cross-checked here yet: the person's own answer is what counts (recorded with its consent).
"""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.models import Consent, Membership, VettingStatus
from courses.protection import Refusal, register_condition, return_url

from .models import ExportApproval
from .stepup import step_up_recent, step_up_url

KOREA = "KR"


def _today(now: datetime.datetime) -> datetime.date:
    return timezone.localtime(now).date()


def _vetted_memberships(user, now):
    return Membership.objects.filter(
        user=user,
        organisation__vetting_status=VettingStatus.APPROVED,
        organisation__vetting_expires_on__gte=_today(now),
    )


def organisation_condition(*, user, course, now) -> Refusal | None:
    if _vetted_memberships(user, now).exists():
        return None
    return Refusal(
        key="organisation",
        title=_("Your organisation is not vetted"),
        message=_(
            "Restricted courses open only for members of an organisation whose vetting for restricted "
            "material is approved and current. Ask your HR staff to contact the Academy."
        ),
    )


def nationality_url(next_url: str) -> str:
    return reverse("restricted_nationality") + "?" + urlencode({"next": next_url})


def nationality_condition(*, user, course, now) -> Refusal | None:
    notice = Consent.objects.filter(user=user, kind=Consent.Kind.RESTRICTED_NOTICE).order_by("-at", "-pk").first()
    if not user.nationality or notice is None or not notice.agreed:
        return Refusal(
            key="nationality",
            title=_("Tell us your nationality"),
            message=_(
                "Restricted courses ask for your nationality (export-control rules) and your agreement to "
                "the notice on the pledge and the access log."
            ),
            url=nationality_url(return_url(course)),
        )
    if user.nationality == KOREA:
        return None
    if ExportApproval.objects.filter(user=user, course_id=course.pk).valid_on(_today(now)).exists():
        return None
    return Refusal(
        key="nationality",
        title=_("An export approval is needed"),
        message=_(
            "For a person who is not a Korean national, this course opens only with a current export "
            "licence or non-applicability ruling recorded for it. Ask the institute."
        ),
    )


def agreement_condition(*, user, course, now) -> Refusal | None:
    vetted = _vetted_memberships(user, now)
    if not vetted.exists():
        return None  # the organisation condition refuses already (and says why)
    if vetted.filter(organisation__agreement_ended_at__isnull=True).exists():
        return None
    if vetted.filter(organisation__agreement_ended_at__gt=now).exists():
        return None
    return Refusal(
        key="agreement",
        title=_("Your organisation's agreement has ended"),
        message=_(
            "Your organisation's agreement with the Academy has ended, so its members no longer open "
            "restricted material."
        ),
    )


def step_up_condition(*, user, course, now) -> Refusal | None:
    if step_up_recent(user, now=now) is not None:
        return None
    return Refusal(
        key="step_up",
        title=_("Confirm it is you"),
        message=_("Restricted material needs an identity check in the last 10 minutes."),
        url=step_up_url(user=user, return_url=return_url(course), now=now),
    )


def register_conditions() -> None:
    register_condition("organisation", organisation_condition, order=10)
    register_condition("nationality", nationality_condition, order=20)
    register_condition("agreement", agreement_condition, order=30)
    register_condition("step_up", step_up_condition, order=60)
