"""What HR staff change from /hr/: pending invitations resent or cancelled, within their organisation.

The caller has already found the invitation among its own organisation's pending ones; resending
is rate-limited (each one sends an e-mail to someone outside the Academy).
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import services as account_services
from accounts.models import Membership, OrganisationInvitation
from certificates import ratelimit
from ops.audit import audit_record
from ops.privacy import Action, personal_data_access_record

#: At most this many invitation e-mails (first sendings from /hr/invite/ and resends) to one address
#: per hour, and per organisation.
RESENDS_PER_ADDRESS_PER_HOUR = 3
RESENDS_PER_ORGANISATION_PER_HOUR = 30


class InvitationError(Exception):
    """A request refused; the message is translated and meant for the HR user."""


class ResendLimited(InvitationError):
    pass


def invitation_send(*, organisation, email: str, actor, role: str = Membership.Role.EMPLOYEE) -> OrganisationInvitation:
    """Invite ``email`` (again): a new link by e-mail, any pending one replaced. Sending from the invite
    form and resending count against the same limits, per address and per organisation."""
    address = email.strip().lower()
    if not ratelimit.hit(
        scope="hr-invite-resend",
        key=f"{organisation.pk}:{address}",
        limit=RESENDS_PER_ADDRESS_PER_HOUR,
        window=3600,
    ) or not ratelimit.hit(
        scope="hr-invite-resend-org", key=str(organisation.pk), limit=RESENDS_PER_ORGANISATION_PER_HOUR, window=3600
    ):
        raise ResendLimited(
            _("The invitation to %(email)s was sent several times in the last hour. Try again later.")
            % {"email": email}
        )
    try:
        return account_services.organisation_invite(
            organisation=organisation,
            email=email,
            role=role,
            actor=actor,
            base_url=settings.WAGTAILADMIN_BASE_URL,
        )
    except account_services.MembershipError as error:
        raise InvitationError(str(error)) from error


def invitation_resend(*, invitation: OrganisationInvitation, actor) -> OrganisationInvitation:
    """A new link by e-mail: the old token stops working and the new one is valid for the full period."""
    return invitation_send(
        organisation=invitation.organisation, email=invitation.email, actor=actor, role=invitation.role
    )


@transaction.atomic
def invitation_cancel(*, invitation: OrganisationInvitation, actor) -> None:
    """The link stops working at once; the person can be invited again later."""
    updated = OrganisationInvitation.objects.pending().filter(pk=invitation.pk).update(declined_at=timezone.now())
    if not updated:
        raise InvitationError(_("This invitation was already accepted, cancelled or has expired."))


#: The audit-trail action of an HR download of the organisation's training records (personal data).
TRAINING_RECORDS_EXPORT = "hr.training_records_export"


@transaction.atomic
def training_records_export_log(
    *, organisation, actor, file_format: str, row_count: int, reason: str, subjects: list[int]
) -> None:
    """Write a download of the organisation's training records to the audit trail (DOMAIN-KR §1.10):
    who, when and from where are the entry's own; the format and the number of rows in ``data``;
    and to the personal data access log (§5.3) with the people in the file and the reason given."""
    audit_record(
        action=TRAINING_RECORDS_EXPORT,
        actor=actor,
        obj=organisation,
        reason=reason,
        data={"format": file_format, "rows": row_count},
    )
    personal_data_access_record(actor=actor, action=Action.EXPORT, subjects=subjects, obj=organisation, reason=reason)


#: The audit-trail action of a reminder HR sent to chosen members from /hr/overview/.
MEMBER_REMINDER = "hr.member_reminder"


class ReminderError(Exception):
    """A reminder refused; the message is translated and meant for the HR user."""


def member_reminder_send(*, organisation, membership_ids: list[int], message: str, actor) -> int:
    """Remind chosen members of ``organisation`` (in the app, and by e-mail by their preference):
    ``message`` under the organisation's name, with a link to their learning page; audited.

    Only the organisation's own members: any id that is not one refuses the whole reminder. The same
    message to the same member on the same day is sent once (a second click sends nothing more).
    Returns how many notifications were written."""
    import hashlib

    from django.utils.functional import lazy
    from django.utils.text import format_lazy
    from django.utils.translation import gettext_lazy

    from common.i18n import bilingual
    from notifications.services import notify

    message = " ".join((message or "").split())
    ids = list(dict.fromkeys(membership_ids))
    if not message or not ids:
        raise ReminderError(_("Choose at least one member and write the message."))
    user_ids = dict(Membership.objects.filter(organisation=organisation, pk__in=ids).values_list("pk", "user_id"))
    if len(user_ids) != len(ids):
        raise ReminderError(_("Some of the chosen people are not members of your organisation."))
    name = lazy(lambda: bilingual(organisation.name_ko, organisation.name_en), str)()
    text = format_lazy(
        gettext_lazy("Reminder from the HR of {organisation}: {message}"), organisation=name, message=message
    )
    digest = hashlib.sha256(message.encode()).hexdigest()[:16]
    key = f"hr-reminder:{organisation.pk}:{timezone.localdate():%Y%m%d}:{digest}"
    with transaction.atomic():
        sent = notify(users=list(user_ids.values()), kind="reminder", message=text, url="/learn/", key=key)
        audit_record(
            action=MEMBER_REMINDER,
            actor=actor,
            obj=organisation,
            data={"members": sorted(user_ids.values()), "sent": sent, "message": message},
        )
    return sent
