"""Certificate templates, certificates and what happens to them.

A certificate (수료증) is written in the same transaction that completes an enrolment, with its
code and a snapshot of everything printed on it, in the ``pending`` state; a Celery task renders
its PDF and moves it to ``issued``. A manager may revoke it (with a reason) or reissue it (same
code, new PDF; the old PDF's fingerprint is kept as superseded). Whether a certificate is valid,
expired, revoked or still being issued is answered by one function, ``certificate_status``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

colour_validator = RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Give a colour as #RRGGBB, e.g. #1F3A68."))

DEFAULT_TITLE_KO = "수료증"
DEFAULT_TITLE_EN = "Certificate of Completion"
DEFAULT_BODY_KO = "위 사람은 본 기관이 실시한 위 교육과정을 성실히 이수하였으므로 이 증서를 수여합니다."
DEFAULT_BODY_EN = "This is to certify that the person named above has successfully completed the course above."


# --------------------------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------------------------


class CertificateTemplateQuerySet(models.QuerySet):
    def for_institutes(self, institute_ids) -> CertificateTemplateQuerySet:
        return self.filter(institute_id__in=institute_ids)


class CertificateTemplate(ClusterableModel):
    """The look and wording of an institute's certificates (A4 landscape, Korean and English).

    Choose a template on each course (section "Certificate"). Changes apply to certificates issued
    or reissued afterwards; a certificate already issued keeps the PDF it was given. Use "Preview
    PDF" in the list to see the template with sample data.
    """

    institute = models.ForeignKey(
        "courses.InstitutePage",
        verbose_name=_("Institute"),
        on_delete=models.CASCADE,
        related_name="certificate_templates",
    )
    name = models.CharField(_("Name"), max_length=120, help_text=_("For staff only, e.g. Standard 2026"))
    title_ko = models.CharField(_("Title (Korean)"), max_length=60, default=DEFAULT_TITLE_KO)
    title_en = models.CharField(_("Title (English)"), max_length=80, default=DEFAULT_TITLE_EN)
    body_ko = models.TextField(_("Wording (Korean)"), default=DEFAULT_BODY_KO)
    body_en = models.TextField(_("Wording (English)"), default=DEFAULT_BODY_EN)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the institute's logo."),
    )
    seal = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Seal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The institute's official seal (직인), printed beside the signatures. PNG with transparency."),
    )
    primary_colour = models.CharField(_("Main colour"), max_length=7, default="#1F3A68", validators=[colour_validator])
    accent_colour = models.CharField(_("Accent colour"), max_length=7, default="#B08D57", validators=[colour_validator])
    validity_months = models.PositiveSmallIntegerField(
        _("Validity (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Leave empty for certificates that do not expire. A course may set its own."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CertificateTemplateQuerySet.as_manager()

    panels = [
        FieldPanel("institute"),
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("title_ko"), FieldPanel("title_en")]),
                FieldPanel("body_ko"),
                FieldPanel("body_en"),
            ],
            heading=_("Wording"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("logo"), FieldPanel("seal")]),
                FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")]),
            ],
            heading=_("Design"),
        ),
        FieldPanel("validity_months"),
        InlinePanel("signatories", heading=_("Signatories"), label=_("Signatory"), min_num=0, max_num=3),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["institute__title", "name"]

    def __str__(self) -> str:
        return self.name


class CertificateSignatory(Orderable):
    """발급권자: a person who signs the institute's certificates (at most three per template)."""

    template = ParentalKey(CertificateTemplate, on_delete=models.CASCADE, related_name="signatories")
    name_ko = models.CharField(_("Name (Korean)"), max_length=60)
    name_en = models.CharField(_("Name (English)"), max_length=100, blank=True)
    title_ko = models.CharField(_("Title (Korean)"), max_length=80, help_text=_("e.g. 원장"))
    title_en = models.CharField(_("Title (English)"), max_length=120, blank=True, help_text=_("e.g. President"))
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the signature, PNG with transparency."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name_ko"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("title_ko"), FieldPanel("title_en")]),
        FieldPanel("signature"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return f"{self.title_ko} {self.name_ko}"


# --------------------------------------------------------------------------------------------
# Certificates
# --------------------------------------------------------------------------------------------


class RevocationCategory(models.TextChoices):
    """Why a certificate was revoked, as a verifier may read it (the manager's own words stay internal)."""

    REQUIREMENTS_NOT_MET = "requirements_not_met", _("Completion requirements not met")
    MISCONDUCT = "misconduct", _("Misconduct")
    HOLDER_REQUEST = "holder_request", _("At the holder's request")
    ISSUED_IN_ERROR = "issued_in_error", _("Issued in error")
    OTHER = "other", _("Other")


class CertificateQuerySet(models.QuerySet):
    def for_user(self, user) -> CertificateQuerySet:
        return self.filter(enrolment__user=user)

    def needs_rendering(self) -> CertificateQuerySet:
        """Pending certificates and reissued ones whose new PDF is not made yet."""
        return self.exclude(state=Certificate.State.REVOKED).filter(pdf_revision__lt=F("revision"))


class Certificate(models.Model):
    """수료증: one per completed enrolment, with a code that never changes and is never reused.

    Everything printed on it is copied here when the enrolment completes (names, course, hours,
    dates), so the PDF can be made again and says the same. ``state`` records what happened to it;
    what it *is* now (valid or expired, by date) is ``certificates.status.certificate_status``.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Being issued")
        ISSUED = "issued", _("Issued")
        REVOKED = "revoked", _("Revoked")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrolment = models.OneToOneField(
        "courses.Enrolment", verbose_name=_("Enrolment"), on_delete=models.PROTECT, related_name="certificate"
    )
    code = models.CharField(_("Certificate code"), max_length=32, unique=True, editable=False)
    state = models.CharField(_("State"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("Template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )

    # What is printed, as it was when the enrolment completed (a reissue refreshes the names).
    holder_name_ko = models.CharField(_("Korean name"), max_length=60)
    holder_name_en = models.CharField(_("English name"), max_length=100, blank=True)
    course_title_ko = models.CharField(_("Course"), max_length=255)
    course_title_en = models.CharField(_("Course (English)"), max_length=255, blank=True)
    institute_name_ko = models.CharField(_("Institute"), max_length=255)
    institute_name_en = models.CharField(_("Institute (English)"), max_length=255, blank=True)
    study_hours = models.PositiveSmallIntegerField(_("Study hours"))
    completed_on = models.DateField(_("Completed on"))
    issued_on = models.DateField(_("Issue date"), null=True, blank=True)
    expires_on = models.DateField(
        _("Expiry date"), null=True, blank=True, help_text=_("Last day of validity; empty: no expiry.")
    )

    # The PDF. ``revision`` goes up on each reissue; the PDF is current when ``pdf_revision`` equals it.
    revision = models.PositiveIntegerField(default=1)
    pdf_revision = models.PositiveIntegerField(default=0)
    pdf = models.FileField(_("PDF"), max_length=255, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True, db_index=True, editable=False)
    rendered_at = models.DateTimeField(null=True, blank=True)
    #: When the current revision was asked for: the sweeper re-enqueues what waits too long.
    render_requested_at = models.DateTimeField(default=timezone.now)
    render_attempts = models.PositiveSmallIntegerField(default=0)
    render_error = models.TextField(blank=True)

    revoked_at = models.DateTimeField(_("Revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_category = models.CharField(
        _("Reason category"),
        max_length=30,
        choices=RevocationCategory.choices,
        blank=True,
        help_text=_("What a verifier reads about a revocation."),
    )
    revocation_reason = models.TextField(
        _("Reason for revocation"), blank=True, help_text=_("For staff only; never shown to verifiers.")
    )

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="revoked") | (Q(revoked_at__isnull=False) & ~Q(revocation_reason="")),
                name="certificates_revoked_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(state="issued") | (~Q(sha256="") & Q(issued_on__isnull=False)),
                name="certificates_issued_has_pdf",
            ),
        ]
        indexes = [models.Index(fields=["state", "expires_on"])]

    def __str__(self) -> str:
        return self.code


class SupersededPdf(models.Model):
    """A PDF that a reissue replaced: its fingerprint still identifies the certificate.

    Someone may hold (or upload for verification) the older file; it is genuine but no longer
    the current version.
    """

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="superseded_pdfs")
    sha256 = models.CharField(max_length=64, db_index=True)
    pdf = models.CharField(max_length=255, blank=True)
    revision = models.PositiveIntegerField()
    issued_at = models.DateTimeField(null=True, blank=True)
    superseded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("superseded PDF")
        ordering = ["superseded_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["certificate", "revision"], name="certificates_superseded_once"),
        ]

    def __str__(self) -> str:
        return f"{self.certificate_id} r{self.revision} {self.sha256[:12]}"


class CertificateEvent(models.Model):
    """The history of a certificate: created, issued, reissue requested, revoked."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        ISSUED = "issued", _("Issued")
        REISSUE_REQUESTED = "reissue_requested", _("Reissue requested")
        REISSUED = "reissued", _("Reissued")
        REVOKED = "revoked", _("Revoked")

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("certificate history")

    def __str__(self) -> str:
        return f"{self.certificate_id}: {self.kind}"


class ExpiryReminder(models.Model):
    """A reminder sent before a certificate expires: one per certificate and threshold (90/30/7 days)."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.JSONField(default=list)

    class Meta:
        verbose_name = _("expiry reminder")
        constraints = [
            models.UniqueConstraint(fields=["certificate", "days_before"], name="certificates_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.certificate_id}: {self.days_before}"


class VerificationLog(models.Model):
    """One verification request (진위확인): a code on the page, a PDF, a CSV or an API batch, kept
    without the client's address.

    One row per request, whatever the number of codes: how many were found and how many matched
    nothing (unknown lookups show attempts to guess codes), and the certificates found, from which
    the trainee sees how often each certificate was checked.
    """

    class Channel(models.TextChoices):
        PAGE = "page", _("Verification page")
        PDF = "pdf", _("PDF check")
        BULK = "bulk", _("Bulk verification")
        API = "api", _("API")

    channel = models.CharField(max_length=10, choices=Channel.choices)
    client_hash = models.CharField(max_length=64)
    api_key = models.ForeignKey(
        "accounts.OrganisationApiKey", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    found = models.PositiveIntegerField(default=0)
    unknown = models.PositiveIntegerField(default=0)
    certificates = models.ManyToManyField(Certificate, blank=True, related_name="verification_logs")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("verification")

    def __str__(self) -> str:
        return f"{self.channel}: {self.found} found, {self.unknown} unknown"
