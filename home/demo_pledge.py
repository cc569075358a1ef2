"""The demo's 기술보호 서약서 and access-log export (DOMAIN-KR §3.3 F3.3, F3.5; ``data/pledge.json``).

``load_pledge_demo`` (called by ``load_demo_data``) publishes 방산품질보안교육원's own pledge (version 1;
the other demo institutes use the Academy's built-in text), has the demo trainee sign both, after a
step-up check as the fake 휴대폰 본인확인 would record it, and has the demo HR export their
organisation's restricted-access log once (the export's audit entry; no file is kept). Idempotent:
a text, a signature of the current version or an export by the demo HR is never written twice.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from accounts.models import Membership, User
from compliance import accesslog, pledges
from compliance.models import IdentityCheck, IdentityMoment, IdentityResult, PledgeKind, PledgeText
from courses.models import InstitutePage
from ops.models import AuditEvent

from .demo import content


def _step_up(user: User) -> IdentityCheck:
    return IdentityCheck.objects.create(
        user=user,
        moment=IdentityMoment.STEP_UP,
        route="phone",
        backend="fake",
        result=IdentityResult.OK,
        raw_code="VERIFIED",
        provider_tx_id=f"demo-pledge-{user.pk}",
    )


def load_pledge_demo() -> None:
    data = content.read("pledge")
    institute = InstitutePage.objects.filter(slug=data["institute"]).first()
    if institute is not None and not PledgeText.objects.filter(institute=institute, kind=PledgeKind.JOIN).exists():
        pledges.pledge_text_publish(institute=institute, kind=PledgeKind.JOIN, **data["text"])

    signer = User.objects.filter(email__iexact=data["signer"]["email"]).first()
    if signer is not None:
        now = timezone.now()
        texts = [pledges.current_text(institute_id=None)]
        if institute is not None:
            texts.append(pledges.current_text(institute_id=institute.pk))
        for text in texts:
            if pledges.valid_signature(user=signer, text=text, now=now) is None:
                pledges.pledge_sign(
                    user=signer,
                    text=text,
                    typed_name=getattr(signer, data["signer"]["typed_name_from"]),
                    agreed=True,
                    identity_check=_step_up(signer),
                    now=now,
                )

    exporter = User.objects.filter(email__iexact=data["exporter"]["email"]).first()
    membership = (
        Membership.objects.filter(user=exporter, role=Membership.Role.HR).select_related("organisation").first()
        if exporter
        else None
    )
    if membership is None or AuditEvent.objects.filter(action=accesslog.EXPORT_ACTION, actor=exporter).exists():
        return
    today = timezone.localdate()
    log_filter = accesslog.LogFilter(
        organisation_id=membership.organisation_id,
        date_from=today - datetime.timedelta(days=data["exporter"]["days"]),
        date_to=today,
    )
    export = accesslog.export_prepare(log_filter)
    accesslog.export_log(
        export=export,
        organisation=membership.organisation,
        actor=exporter,
        file_format="csv",
        reason=data["exporter"]["reason"],
    )
