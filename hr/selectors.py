"""Reads for the HR area: an organisation's members, their training records and certificates, and
the runs HR may enrol them in. Each function is given the organisation; none looks further."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation, OrganisationInvitation
from certificates.models import Certificate
from certificates.status import Status, certificate_status
from courses.models import CourseRun, Enrolment

EXPIRING_DAYS = 90


def hr_organisations(user):
    """The organisations ``user`` is HR staff of."""
    return Organisation.objects.filter(memberships__user=user, memberships__role=Membership.Role.HR)


def memberships(organisation: Organisation, *, query: str = ""):
    """The organisation's members by Korean name; ``query`` matches either name or the e-mail."""
    memberships = (
        Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__name_ko", "pk")
    )
    if query:
        memberships = memberships.filter(
            Q(user__name_ko__icontains=query) | Q(user__name_en__icontains=query) | Q(user__email__icontains=query)
        )
    return memberships


def member_enrolments(user):
    """One member's enrolments with their courses, newest first."""
    return Enrolment.objects.filter(user=user).select_related("run__course").order_by("-created_at")


def member_certificates(user) -> list[tuple[Certificate, Status]]:
    """One member's certificates with their status, the latest completion first."""
    certificates = Certificate.objects.filter(enrolment__user=user).order_by("-completed_on")
    return [(certificate, certificate_status(certificate)) for certificate in certificates]


@dataclass
class MemberRow:
    membership: Membership
    studying: int = 0
    completed: int = 0
    certificates: list = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        """A revoked or expired certificate: the row is highlighted (the badge says which)."""
        return any(status in ("revoked", "expired") for _certificate, status in self.certificates)


def member_rows(memberships: list[Membership]) -> list[MemberRow]:
    """Counts and certificates for a page of members, in two queries whatever the page size."""
    users = [m.user_id for m in memberships]
    counts = {
        row["user_id"]: row
        for row in Enrolment.objects.filter(user_id__in=users)
        .values("user_id")
        .annotate(
            studying=Count("pk", filter=Q(status=Enrolment.Status.ACTIVE)),
            completed=Count("pk", filter=Q(status=Enrolment.Status.COMPLETED)),
        )
    }
    certificates: dict[int, list] = {}
    today = timezone.localdate()
    for certificate in (
        Certificate.objects.filter(enrolment__user_id__in=users).select_related("enrolment").order_by("-completed_on")
    ):
        certificates.setdefault(certificate.enrolment.user_id, []).append(
            (certificate, certificate_status(certificate, today=today))
        )
    rows = []
    for membership in memberships:
        row = MemberRow(membership=membership, certificates=certificates.get(membership.user_id, []))
        if membership.user_id in counts:
            row.studying = counts[membership.user_id]["studying"]
            row.completed = counts[membership.user_id]["completed"]
        rows.append(row)
    return rows


def expiring_certificates(organisation: Organisation, *, today):
    """Issued certificates of the organisation's members that expire within ``EXPIRING_DAYS``, soonest first."""
    return (
        Certificate.objects.filter(
            enrolment__user__memberships__organisation=organisation,
            state=Certificate.State.ISSUED,
            expires_on__gte=today,
            expires_on__lte=today + timezone.timedelta(days=EXPIRING_DAYS),
        )
        .select_related("enrolment__user")
        .order_by("expires_on")[:200]
    )


def training_records(organisation: Organisation) -> Iterator[list]:
    """Training records of every member: one row per enrolment (members without one get a row too)."""
    enrolments = (
        Enrolment.objects.filter(user__memberships__organisation=organisation)
        .select_related("user", "run__course", "certificate")
        .order_by("user__name_ko", "user_id", "-created_at")
    )
    for enrolment in enrolments.iterator(chunk_size=2000):
        certificate = getattr(enrolment, "certificate", None)
        yield [
            enrolment.user.name_ko,
            enrolment.user.name_en,
            enrolment.user.email,
            enrolment.run.course.title,
            enrolment.run.title,
            str(enrolment.get_status_display()),
            enrolment.progress_percent,
            timezone.localtime(enrolment.completed_at).strftime("%Y-%m-%d") if enrolment.completed_at else "",
            certificate.code if certificate else "",
            # str(): the label is a lazy translation, which openpyxl cannot write (a 500 for every XLSX).
            str(certificate_status(certificate).label) if certificate else "",
            certificate.expires_on.isoformat() if certificate and certificate.expires_on else "",
        ]


def pending_invitations(organisation: Organisation):
    """The employee invitations of an organisation that can still be accepted, newest first."""
    return (
        OrganisationInvitation.objects.pending()
        .filter(organisation=organisation, role=Membership.Role.EMPLOYEE)
        .select_related("invited_by")
    )


def bulk_enrol_runs(queryset, *, today=None) -> list[CourseRun]:
    """The runs HR may pick from, seats counted in one query; each with ``seats_left`` (None: no
    limit), ``is_full`` and ``closed_reason`` ("" when members can be put in it).

    A run that has started is closed. A full run stays open: members go on its waitlist, which
    promotes them when a seat frees (the label says so).
    """
    today = today or timezone.localdate()
    runs = list(
        queryset.annotate(seats_taken=Count("enrolments", filter=Q(enrolments__status__in=Enrolment.SEAT_HOLDING)))
    )
    for run in runs:
        run.seats_left = None if run.capacity is None else max(0, run.capacity - run.seats_taken)
        run.is_full = run.seats_left == 0
        run.closed_reason = _("already started") if run.starts_on <= today else ""
    return runs


def training_record_subjects(organisation: Organisation) -> list[int]:
    """The user ids in ``training_records`` (for the personal data access log)."""
    return list(
        Enrolment.objects.filter(user__memberships__organisation=organisation)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by()
    )
