"""What the public verification pages show, shaped from a verification answer.

A stranger holding a code learns whether the certificate is genuine and current, for which course
and from which institute; the holder's name is masked unless the verifier typed it. A revoked
certificate shows the category its manager chose, never the manager's own words, and no expiry.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from accounts.names import mask_name

from .models import Certificate, CertificateTemplate, RevocationCategory
from .status import Status
from .verification import BulkRow, Verification, name_check

#: The shared status-badge modifier of each status.
BADGE = {Status.VALID: "ok", Status.EXPIRED: "warn", Status.REVOKED: "danger", Status.PENDING: ""}


@dataclass
class VerificationResult:
    """One certificate as the verification page shows it."""

    certificate: Certificate
    status: Status
    badge: str
    holder_name_ko: str
    holder_name_en: str
    #: None: no name typed; True: the typed name is the holder's (shown whole); False: it is not.
    name_matches: bool | None
    checked_at: datetime.datetime
    institute_logo: object | None = None
    revocation_category: str = ""
    revoked_on: datetime.date | None = None
    #: A name was typed but not compared: this certificate's name checks for the hour are used up.
    name_not_checked: bool = False

    @property
    def show_expiry(self) -> bool:
        return self.status != Status.REVOKED


def institute_logo(certificate: Certificate):
    """The logo of the issuing institute (the template's own logo first), or None."""
    template = (
        CertificateTemplate.objects.select_related("logo", "institute__logo").filter(pk=certificate.template_id).first()
        if certificate.template_id
        else None
    )
    if template is not None:
        return template.logo or template.institute.logo
    from courses.models import CoursePage

    course = CoursePage.objects.filter(runs__enrolments__certificate=certificate).first()
    institute = course.institute if course else None
    return institute.logo if institute is not None else None


def verification_result(
    answer: Verification, *, typed_name: str = "", with_logo: bool = True, client: str = ""
) -> VerificationResult:
    """The result page of one found certificate; ``typed_name`` is what the verifier typed, if anything
    (compared within ``name_check``'s budget, counted against ``client``)."""
    c = answer.certificate
    typed_name = (typed_name or "").strip()
    matches = name_check(c, typed_name, client=client) if typed_name else None
    revoked = answer.status == Status.REVOKED
    return VerificationResult(
        certificate=c,
        status=answer.status,
        badge=BADGE.get(answer.status, ""),
        holder_name_ko=c.holder_name_ko if matches else mask_name(c.holder_name_ko),
        holder_name_en=c.holder_name_en if matches else mask_name(c.holder_name_en),
        name_matches=matches,
        checked_at=timezone.now(),
        institute_logo=institute_logo(c) if with_logo else None,
        revocation_category=revocation_category_label(c) if revoked else "",
        revoked_on=timezone.localtime(c.revoked_at).date() if revoked and c.revoked_at else None,
        name_not_checked=bool(typed_name) and matches is None,
    )


def pdf_check_holder(check) -> tuple[str, str]:
    """The holder's (Korean, English) names the PDF check shows: whole for the current PDF (they are
    printed on it), masked for a superseded one, whose holder may have had their name corrected since
    (the old PDF must not tell its holder the new name)."""
    if check is None or check.verification is None:
        return "", ""
    c = check.verification.certificate
    if check.outcome == "genuine":
        return c.holder_name_ko, c.holder_name_en
    return mask_name(c.holder_name_ko), mask_name(c.holder_name_en)


def revocation_category_label(certificate: Certificate) -> str:
    """The category a verifier reads (기타 for a certificate revoked without one)."""
    category = certificate.revocation_category or RevocationCategory.OTHER
    return str(RevocationCategory(category).label)


@dataclass
class BulkResultRow:
    row: BulkRow
    holder_name: str
    #: tr class: revoked, expired, not found and names that do not match stand out.
    highlight: bool


def bulk_result_rows(rows: list[BulkRow]) -> list[BulkResultRow]:
    """The on-screen table of a bulk check: the holder's name shown whole only where the uploader's
    expected name matched it, and every row that needs a second look highlighted."""
    shaped = []
    for row in rows:
        v = row.verification
        found = bool(v and v.found)
        if found and row.name_matches:
            holder = v.certificate.holder_name_ko
        elif found:
            holder = mask_name(v.certificate.holder_name_ko)
        else:
            holder = ""
        highlight = (not found) or v.status in (Status.REVOKED, Status.EXPIRED) or row.name_matches is False
        shaped.append(BulkResultRow(row=row, holder_name=holder, highlight=highlight))
    return shaped
