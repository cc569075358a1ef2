"""진위확인: checking certificates by code (one or thousands), by PDF, for people and for machines.

One lookup query answers any number of codes. A code that is malformed and a code that matches
nothing get the same answer, so the answer reveals nothing about how codes are made. Every
verification is logged (by a task after the response, so the lookup stays one query).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.names import mask_name, names_match, normalise_name
from common.exports import csv_text
from common.uploads import UploadError, read_csv

from . import codes
from .models import Certificate, SupersededPdf, VerificationLog
from .status import Status, certificate_status

MAX_BATCH = 10_000
MAX_PDF_BYTES = 10 * 1024 * 1024
MAX_CSV_BYTES = 2 * 1024 * 1024
#: Names compared with one certificate's holder, per client and in all, per hour: enough for a
#: verifier who types a name (or a CSV row) or two, too few to try the syllables behind 김*늘.
NAME_CHECKS_PER_CLIENT_PER_HOUR = 5
NAME_CHECKS_PER_CERTIFICATE_PER_HOUR = 30


def name_check(certificate: Certificate, typed: str, *, client: str) -> bool | None:
    """Whether ``typed`` is the holder's name (Korean or English); None when nothing was typed or the
    hour's name checks of this certificate (by this client, or by everyone) are used up, so the name
    stays masked and a guesser learns nothing, right or wrong. Every check counts, matching or not."""
    from . import ratelimit

    if not normalise_name(typed):
        return None
    if not ratelimit.hit(
        scope="name-check", key=f"{client}:{certificate.pk}", limit=NAME_CHECKS_PER_CLIENT_PER_HOUR, window=3600
    ) or not ratelimit.hit(
        scope="name-check-certificate", key=str(certificate.pk), limit=NAME_CHECKS_PER_CERTIFICATE_PER_HOUR, window=3600
    ):
        return None
    return names_match(typed, certificate.holder_name_ko, certificate.holder_name_en)


@dataclass
class Verification:
    """The answer for one code, as the public may see it."""

    code: str
    found: bool
    certificate: Certificate | None = None
    status: Status | None = None

    def as_dict(self, *, typed_name: str = "", client: str = "") -> dict:
        """The answer for machines, as the page shows it to people: the holder's names masked unless
        ``typed_name`` is one of them (``name_check``, counted against ``client``); for a revoked
        certificate its reason category (never the manager's own words) and no expiry date."""
        if not self.found:
            return {"code": self.code, "found": False}
        c = self.certificate
        revoked = self.status == Status.REVOKED
        name_matches = name_check(c, typed_name, client=client) if typed_name.strip() else None
        return {
            "code": c.code,
            "found": True,
            "status": str(self.status),
            "holder_name_ko": c.holder_name_ko if name_matches else mask_name(c.holder_name_ko),
            "holder_name_en": c.holder_name_en if name_matches else mask_name(c.holder_name_en),
            "name_matches": name_matches,
            "course_ko": c.course_title_ko,
            "course_en": c.course_title_en,
            "institute_ko": c.institute_name_ko,
            "institute_en": c.institute_name_en,
            "study_hours": c.study_hours,
            "completed_on": c.completed_on.isoformat(),
            "issued_on": c.issued_on.isoformat() if c.issued_on else None,
            "expires_on": c.expires_on.isoformat() if c.expires_on and not revoked else None,
            "revoked_on": timezone.localtime(c.revoked_at).date().isoformat() if revoked and c.revoked_at else None,
            "revocation_category": (c.revocation_category or "other") if revoked else None,
        }


_FIELDS = (
    "pk", "code", "state", "holder_name_ko", "holder_name_en", "course_title_ko", "course_title_en",
    "institute_name_ko", "institute_name_en", "study_hours", "completed_on", "issued_on", "expires_on",
    "revoked_at", "revocation_category", "template",
)  # fmt: skip


def canonical(text: str) -> str | None:
    """The formatted code a person meant, or None when it cannot be a code."""
    try:
        return codes.parse(text)
    except codes.InvalidCode:
        return None


def verify_codes(texts: list[str], *, today=None) -> list[Verification]:
    """Answers for many codes in their order, with one database query."""
    parsed = [canonical(text) for text in texts]
    wanted = {code for code in parsed if code}
    found = {c.code: c for c in Certificate.objects.filter(code__in=wanted).only(*_FIELDS)} if wanted else {}
    answers = []
    for text, code in zip(texts, parsed, strict=True):
        certificate = found.get(code) if code else None
        if certificate is None:
            answers.append(Verification(code=(text or "").strip()[:40], found=False))
        else:
            answers.append(
                Verification(
                    code=certificate.code,
                    found=True,
                    certificate=certificate,
                    status=certificate_status(certificate, today=today),
                )
            )
    return answers


def verify_code(text: str) -> Verification:
    return verify_codes([text])[0]


def log(*, channel: str, answers: list[Verification], client_hash: str, api_key_id: int | None = None) -> None:
    """Record one verification request after the response (a task): one row, whatever its size."""
    from django.db import transaction

    from .tasks import verification_log_task

    certificate_ids = sorted({a.certificate.pk for a in answers if a.found})
    found = sum(1 for a in answers if a.found)
    unknown = len(answers) - found
    transaction.on_commit(
        lambda: verification_log_task.delay(channel, client_hash, certificate_ids, unknown, api_key_id, found)
    )


def log_write(
    *,
    channel: str,
    client_hash: str,
    certificate_ids: list[int],
    unknown: int,
    api_key_id: int | None,
    found: int | None = None,
) -> int:
    """One row for the request: how many codes were found and unknown, and which certificates were
    found (each once). Returns the row's id."""
    from django.db import transaction

    certificate_ids = sorted(set(certificate_ids))
    with transaction.atomic():
        row = VerificationLog.objects.create(
            channel=channel,
            client_hash=client_hash,
            api_key_id=api_key_id,
            found=len(certificate_ids) if found is None else found,
            unknown=unknown,
        )
        # Certificates deleted since the request are left out (the foreign key would refuse them).
        existing = Certificate.objects.filter(pk__in=certificate_ids).values_list("pk", flat=True)
        Through = VerificationLog.certificates.through
        Through.objects.bulk_create(
            [Through(verificationlog_id=row.pk, certificate_id=pk) for pk in existing], batch_size=2000
        )
    return row.pk


def verification_counts(certificate_ids: list[int]) -> dict[int, int]:
    """How many verification requests found each of these certificates."""
    from django.db.models import Count

    return dict(
        VerificationLog.certificates.through.objects.filter(certificate_id__in=certificate_ids)
        .values_list("certificate_id")
        .annotate(n=Count("pk"))
    )


# --------------------------------------------------------------------------------------------
# PDF check
# --------------------------------------------------------------------------------------------


@dataclass
class PdfCheck:
    """genuine: the current PDF of a certificate; superseded: an earlier PDF of one (reissued since);
    unknown: not a PDF the Academy issued, or altered after it was issued."""

    outcome: str
    sha256: str
    verification: Verification | None = None


class PdfRefused(ValueError):
    pass


def check_pdf(upload) -> PdfCheck:
    """Match an uploaded file's SHA-256 against every PDF the Academy issued. The file is read in
    chunks, never rendered, and not kept."""
    if upload.size > MAX_PDF_BYTES:
        raise PdfRefused(_("The file is larger than 10 MB; a certificate PDF is much smaller."))
    digest = hashlib.sha256()
    first = True
    for chunk in upload.chunks():
        if first and not chunk.startswith(b"%PDF-"):
            raise PdfRefused(_("This is not a PDF file."))
        first = False
        digest.update(chunk)
    if first:
        raise PdfRefused(_("This is not a PDF file."))
    sha256 = digest.hexdigest()
    current = Certificate.objects.filter(sha256=sha256).first()
    if current is not None:
        return PdfCheck("genuine", sha256, Verification(current.code, True, current, certificate_status(current)))
    superseded = SupersededPdf.objects.filter(sha256=sha256).select_related("certificate").first()
    if superseded is not None:
        certificate = superseded.certificate
        return PdfCheck(
            "superseded", sha256, Verification(certificate.code, True, certificate, certificate_status(certificate))
        )
    return PdfCheck("unknown", sha256)


# --------------------------------------------------------------------------------------------
# Bulk verification (CSV)
# --------------------------------------------------------------------------------------------


#: First-row values that name the code column (Korean or English, compared without case or spaces).
CODE_HEADERS = {
    "code", "codes", "certificatecode", "certificate", "certificateno", "certificateno.", "certificatenumber",
    "certificateid", "번호", "코드", "수료증", "수료증번호", "수료증코드", "수료번호", "발급번호", "증명서번호",
    "확인번호", "인증번호", "일련번호",
}  # fmt: skip
#: First-row values that name the name column.
NAME_HEADERS = {
    "name", "names", "holder", "holdername", "fullname", "expectedname", "이름", "성명", "성함", "수료자",
    "수료자명", "수료자성명", "성명(한글)", "성명(영문)", "이름(한글)", "이름(영문)",
}  # fmt: skip


def is_header_row(values: list[str]) -> bool:
    """Whether a first row names its columns (수료증 번호, 성명 / code, name …) rather than holding a code."""
    cells = [normalise_name(value).strip("*:#") for value in values[:2]]
    code = cells[0] if cells else ""
    name = cells[1] if len(cells) > 1 else ""
    if code and canonical(code) is not None:
        return False
    return code in CODE_HEADERS or name in NAME_HEADERS


@dataclass
class BulkRow:
    row: int
    code: str
    expected_name: str
    verification: Verification | None = None
    name_matches: bool | None = None
    #: Why the row could not be checked (it stays in the result CSV with this reason).
    error: str = ""

    @property
    def message(self) -> str:
        return _("Row %(row)s: %(reason)s") % {"row": self.row, "reason": self.error}


def parse_bulk_csv(upload) -> tuple[list[BulkRow], list[BulkRow]]:
    """Rows of ``code[,name]`` from an uploaded CSV (UTF-8 with or without BOM, or CP949 as Korean
    Excel saves it), a header row in Korean or English skipped: ``(rows to check, rows refused)``,
    each refused row with its number and reason. A file that cannot be read at all raises ``UploadError``."""
    rows, refused = [], []
    for number, values in read_csv(upload, max_bytes=MAX_CSV_BYTES):
        code = (values[0] if values else "").strip()
        name = (values[1] if len(values) > 1 else "").strip()
        if number == 1 and is_header_row(values):
            continue
        if not code and not name:
            continue
        if not code:
            refused.append(BulkRow(row=number, code="", expected_name=name[:200], error=_("no certificate code")))
        elif canonical(code) is None:
            refused.append(
                BulkRow(
                    row=number,
                    code=code[:40],
                    expected_name=name[:200],
                    error=_("“%(code)s” is not a certificate code") % {"code": code[:40]},
                )
            )
        else:
            rows.append(BulkRow(row=number, code=code, expected_name=name[:200]))
        if len(rows) + len(refused) > MAX_BATCH:
            raise UploadError(_("At most %(n)s codes can be checked at once.") % {"n": MAX_BATCH})
    if not rows and not refused:
        raise UploadError(_("The file contains no certificate code."))
    return rows, refused


def verify_bulk(rows: list[BulkRow], *, client: str = "") -> list[BulkRow]:
    """Each row's answer; an expected name is compared within ``name_check``'s budget (the same code
    on many rows with other names is a guess at the masked name, not a check)."""
    for row, verification in zip(rows, verify_codes([r.code for r in rows]), strict=True):
        row.verification = verification
        if row.expected_name and verification.found:
            row.name_matches = name_check(verification.certificate, row.expected_name, client=client)
    return rows


def bulk_csv(rows: list[BulkRow], refused: list[BulkRow] = ()) -> str:
    """The answers as CSV text, every row of the file in its order (refused rows with their reason).

    The holder's name is masked unless the name given matches it, as on the page; a revoked
    certificate has no expiry date. What the uploader typed is neutralised like every other export.
    """
    header = [
        _("Row"),
        _("Certificate code"),
        _("Status"),
        _("Holder"),
        _("Name given"),
        _("Name matches"),
        _("Course"),
        _("Expiry date"),
        _("Problem"),
    ]
    lines = []
    for row in sorted([*rows, *refused], key=lambda r: r.row):
        v = row.verification
        found = bool(v and v.found)
        if row.error:
            status = _("Not checked")
        elif found:
            status = str(v.status.label)
        else:
            status = _("No such certificate")
        holder = ""
        if found:
            c = v.certificate
            ko, en = (
                (c.holder_name_ko, c.holder_name_en)
                if row.name_matches
                else (
                    mask_name(c.holder_name_ko),
                    mask_name(c.holder_name_en),
                )
            )
            holder = f"{ko} ({en})" if en else ko
        lines.append(
            [
                row.row,
                v.code if found else row.code,
                status,
                holder,
                row.expected_name,
                "" if row.name_matches is None else (_("Yes") if row.name_matches else _("No")),
                v.certificate.course_title_ko if found else "",
                v.certificate.expires_on.isoformat()
                if found and v.certificate.expires_on and v.status != Status.REVOKED
                else "",
                row.error,
            ]
        )
    return csv_text(header=header, rows=lines)


def bulk_sample_csv() -> str:
    """The sample file offered for download: a header row and two example rows."""
    from .selectors import SAMPLE_CODE

    return csv_text(
        header=[_("Certificate code"), _("Name")],
        rows=[[SAMPLE_CODE, "홍길동"], [SAMPLE_CODE.lower().replace("-", ""), "Gildong Hong"]],
    )


def _destroy_verification_logs(day) -> int:
    """Verification requests logged before ``day`` (their client hashes and certificates looked up)."""
    from .models import VerificationLog

    _total, per_model = VerificationLog.objects.filter(created_at__date__lt=day).delete()
    return per_model.get(VerificationLog._meta.label, 0)


def register_retention() -> None:
    """The verification log is an access log (``access_logs``: 2 years, ``compliance.retention``)."""
    from ops.retention import register_destroyer

    register_destroyer("access_logs", "certificates.verificationlog", _destroy_verification_logs)
