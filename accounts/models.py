"""People and employers.

The user signs in with an e-mail address and carries the names printed on certificates: the
Korean name (``name_ko``) and the English name (``name_en``). Organisations are the employers of
the cluster (회원사); a membership says whether a person is an employee there or its HR staff.
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel

from common.i18n import bilingual, reader_is_english

from .panels import MembersPanel


def parse_cidrs(text: str) -> list:
    """The networks of a declared list (one CIDR a line, IPv4 or IPv6; blank lines and ``#`` notes
    ignored); raises ``ValueError`` naming the first line that is not one."""
    import ipaddress

    networks = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            networks.append(ipaddress.ip_network(line, strict=True))
        except ValueError:
            raise ValueError(number, line) from None
    return networks


def validate_cidrs(text: str) -> None:
    try:
        networks = parse_cidrs(text)
    except ValueError as error:
        number, line = error.args
        raise ValidationError(
            _("Line %(number)s (%(line)s) is not a network such as 203.0.113.0/24 or 2001:db8::/48."),
            params={"number": number, "line": line[:60]},
            code="invalid_cidr",
        ) from None
    if len(networks) > 64:
        raise ValidationError(_("Declare at most 64 networks."), code="too_many_cidrs")


english_name_validator = RegexValidator(
    r"^[A-Za-z][A-Za-z .,'\-]*$",
    _("An English name may contain only Latin letters, spaces, full stops, commas, hyphens and apostrophes."),
)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> User:
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> User:
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username: str) -> User:
        return self.get(email__iexact=username)


#: The youngest a trainee may be: 15, the minimum working age (근로기준법 제64조); 사업주훈련 trains employees.
MIN_TRAINEE_AGE = 15


def validate_birth_date(value) -> None:
    """A real person's birth date: not before 1900 and at least ``MIN_TRAINEE_AGE`` years ago."""
    today = timezone.localdate()
    try:
        latest = today.replace(year=today.year - MIN_TRAINEE_AGE)
    except ValueError:  # 29 February
        latest = today.replace(year=today.year - MIN_TRAINEE_AGE, day=28)
    if value.year < 1900 or value > latest:
        raise ValidationError(
            _("Enter your real date of birth (YYYY-MM-DD); a trainee is at least %(age)s years old."),
            params={"age": MIN_TRAINEE_AGE},
            code="birth_date",
        )


#: 고용보험 사업장관리번호 (the employer's insurance workplace number, 비용수급사업장번호 on HRD-Net):
#: 11 digits, usually written 000-00-00000-0; typed with or without the hyphens.
WORKPLACE_NUMBER = RegexValidator(
    r"^[0-9]{3}-?[0-9]{2}-?[0-9]{5}-?[0-9]$",
    _("An employment-insurance workplace number has 11 digits, written like 000-00-00000-0."),
)


def format_workplace_number(value: str) -> str:
    """``12345678900`` → ``123-45-67890-0``; anything that is not 11 digits is returned as it is."""
    digits = value.replace("-", "")
    if len(digits) != 11 or not digits.isascii() or not digits.isdigit():
        return value
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:10]}-{digits[10]}"


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in to the Academy: trainee, instructor, manager, HR or administrator."""

    email = models.EmailField(_("E-mail"), unique=True)
    name_ko = models.CharField(
        _("Korean name"), max_length=60, help_text=_("Your Korean name as printed on certificates, e.g. 홍길동")
    )
    name_en = models.CharField(
        _("English name"),
        max_length=100,
        validators=[english_name_validator],
        help_text=_("Your English name as printed on certificates, e.g. Gildong Hong"),
    )
    birth_date = models.DateField(
        _("Date of birth"),
        null=True,
        blank=True,
        validators=[validate_birth_date],
        help_text=_(
            "Needed on the 수료자 명단 of funded (사업주훈련) courses, which the institute reports on HRD-Net."
        ),
    )
    mobile_phone = models.CharField(
        _("Mobile phone"),
        max_length=20,
        blank=True,
        help_text=_(
            "Digits only, e.g. 01012345678. The 공단 mOTP of funded (사업주훈련) courses is registered to this "
            "number; a 휴대폰 본인확인 sets it."
        ),
    )
    nationality = models.CharField(
        _("Nationality"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("A nationality is a two-letter country code, e.g. KR."))],
        help_text=_(
            "ISO 3166 country code (KR: Republic of Korea); blank = not given. Asked at enrolment in a "
            "restricted course (DOMAIN-KR §3.3 F3.4)."
        ),
    )
    is_staff = models.BooleanField(
        _("Django admin access"), default=False, help_text=_("Whether the user may sign in to the Django admin site.")
    )
    is_active = models.BooleanField(_("Active"), default=True)
    date_joined = models.DateTimeField(_("Joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name_ko", "name_en"]

    class Meta:
        verbose_name = _("User")
        verbose_name_plural = _("User")
        constraints = [models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique")]

    def __str__(self) -> str:
        return self.get_full_name()

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        """The name in the reader's language, falling back to the other one, then the e-mail."""
        if reader_is_english():
            return self.name_en or self.name_ko or self.email
        return self.name_ko or self.name_en or self.email

    def get_short_name(self) -> str:
        return self.get_full_name()

    # Wagtail's admin greets the user by ``first_name``.
    @property
    def first_name(self) -> str:
        return self.get_full_name()


def private_storage():
    """The private storage (``STORAGES["evidence"]``): files without any URL, read by checked views."""
    from django.core.files.storage import storages

    return storages["evidence"]


class VettingStatus(models.TextChoices):
    NOT_VETTED = "not_vetted", _("Not vetted")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class Organisation(ClusterableModel):
    """An employer of the cluster (회원사) whose staff train at the Academy.

    Its HR members verify certificates, follow their employees' training and enrol them in bulk.
    Nobody is added here directly: a person becomes a member (employee or HR) only by accepting
    an e-mailed invitation, because joining shows their training records to the organisation's
    HR. The edit screen lists the members read-only, with an action to invite someone (the first
    HR person of a new organisation, too) and one to remove a member.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name_ko = models.CharField(_("Company name (Korean)"), max_length=120, unique=True)
    name_en = models.CharField(_("Company name (English)"), max_length=160, blank=True)
    business_number = models.CharField(
        _("Business registration number"),
        max_length=12,
        blank=True,
        validators=[
            RegexValidator(r"^\d{3}-\d{2}-\d{5}$", _("A business registration number looks like 000-00-00000."))
        ],
    )
    workplace_number = models.CharField(
        _("Employment-insurance workplace number"),
        max_length=14,
        blank=True,
        validators=[WORKPLACE_NUMBER],
        help_text=_(
            "고용보험 사업장관리번호 (000-00-00000-0): the 비용수급사업장번호 of funded training, printed on the "
            "수료자 명단 of the organisation's employees."
        ),
    )
    egress_cidrs = models.TextField(
        _("Declared egress networks"),
        blank=True,
        validators=[validate_cidrs],
        help_text=_(
            "The networks the company's staff reach the Internet from, one per line (203.0.113.0/24, "
            "2001:db8:12::/48). Funded trainees of this company studying from them together are not flagged "
            "for proxy learning (대리수강): a shared office network is expected."
        ),
    )
    created_at = models.DateTimeField(_("Created"), auto_now_add=True)
    # Vetting for restricted courses (DOMAIN-KR §3.3 F3.2): set by administrators only (the
    # organisation's admin screens are administrators' only), with the evidence file and an expiry.
    vetting_status = models.CharField(
        _("Vetting for restricted courses"),
        max_length=12,
        choices=VettingStatus.choices,
        default=VettingStatus.NOT_VETTED,
        help_text=_("Only members of an organisation with approved, unexpired vetting open restricted courses."),
    )
    vetting_evidence = models.FileField(
        _("Vetting evidence"),
        storage=private_storage,
        upload_to="vetting/%Y/",
        blank=True,
        help_text=_("The document the vetting rests on (kept in private storage, never on a public URL)."),
    )
    vetting_expires_on = models.DateField(
        _("Vetting valid until"), null=True, blank=True, help_text=_("The last day the vetting counts.")
    )
    agreement_ended_at = models.DateTimeField(
        _("Agreement ended"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the organisation's agreement with the cluster ended; its members lose restricted access."),
    )
    agreement_ended_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    panels = [
        FieldPanel("name_ko"),
        FieldPanel("name_en"),
        FieldPanel("business_number"),
        FieldPanel("workplace_number"),
        FieldPanel("egress_cidrs"),
        FieldPanel("vetting_status"),
        FieldPanel("vetting_evidence", widget=forms.FileInput),  # private storage: no URL to link
        FieldPanel("vetting_expires_on"),
        MembersPanel(heading=_("Members")),
    ]

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisation")
        ordering = ["name_ko"]

    def __str__(self) -> str:
        return bilingual(self.name_ko, self.name_en)

    def clean(self) -> None:
        super().clean()
        self.workplace_number = format_workplace_number(self.workplace_number.strip())

    def vetting_valid_on(self, day) -> bool:
        """Approved vetting that counts on ``day`` (a date) and whose agreement has not ended."""
        return (
            self.vetting_status == VettingStatus.APPROVED
            and self.vetting_expires_on is not None
            and self.vetting_expires_on >= day
        )

    def egress_networks(self) -> list:
        """The declared egress networks (``ipaddress`` objects); a stored list that no longer parses
        counts as none."""
        try:
            return parse_cidrs(self.egress_cidrs)
        except ValueError:
            return []

    def egress_contains(self, address: str) -> bool:
        """Is ``address`` inside one of the declared egress networks?"""
        import ipaddress

        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        if ip.version == 6 and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        return any(ip.version == net.version and ip in net for net in self.egress_networks())


class MembershipQuerySet(models.QuerySet):
    def hr(self) -> MembershipQuerySet:
        return self.filter(role=Membership.Role.HR)

    def employees(self) -> MembershipQuerySet:
        return self.filter(role=Membership.Role.EMPLOYEE)

    def for_user(self, user) -> MembershipQuerySet:
        return self.filter(user=user)


class Membership(models.Model):
    """A person's place in an organisation: employee (임직원) or HR staff (인사담당자)."""

    class Role(models.TextChoices):
        EMPLOYEE = "employee", _("Employee")
        HR = "hr", _("HR staff")

    organisation = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Organisation")
    )
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("User (e-mail)")
    )
    role = models.CharField(_("Role"), max_length=20, choices=Role.choices, default=Role.EMPLOYEE)
    joined_at = models.DateTimeField(_("Joined"), default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("Members")
        verbose_name_plural = _("Members")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="accounts_membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} ({self.get_role_display()})"


class DeletionAttestationQuerySet(models.QuerySet):
    def pending(self) -> DeletionAttestationQuerySet:
        return self.filter(filed_at__isnull=True)


class DeletionAttestation(models.Model):
    """자료 반환·삭제 확인서 (DOMAIN-KR §3.3 F3.8, 2025 amendment): when an organisation's agreement
    ends, its HR states that the restricted material its people held is returned or deleted.

    Created pending in the transaction that ends the agreement; HR files it on /hr/ (statement and
    confirmation, audited). Rows are never deleted.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="deletion_attestations", verbose_name=_("Organisation")
    )
    requested_at = models.DateTimeField(_("Requested"), default=timezone.now)
    filed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("Filed by")
    )
    filed_at = models.DateTimeField(_("Filed"), null=True, blank=True)
    statement = models.TextField(_("Statement"), blank=True)

    objects = DeletionAttestationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Deletion attestation")
        verbose_name_plural = _("Deletion attestations")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.requested_at:%Y-%m-%d}"


class OutboundEmail(models.Model):
    """An e-mail waiting for, or done with, delivery by the Celery worker.

    Every message the Academy sends is stored here first (``accounts.mail.QueuedEmailBackend``),
    so a request never waits on the mail server and a message is never lost when it is down.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    subject = models.CharField(max_length=998)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    from_email = models.CharField(max_length=320)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list)
    bcc = models.JSONField(default=list)
    reply_to = models.JSONField(default=list)
    headers = models.JSONField(default=dict)
    #: Small files sent with the message, [{filename, mimetype, content (base64)}]; the bytes are
    #: dropped once the message has left (``accounts.services._redact``).
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Outgoing e-mail")
        verbose_name_plural = _("Outgoing e-mail")

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"


class InvitationQuerySet(models.QuerySet):
    def pending(self, now=None) -> InvitationQuerySet:
        return self.filter(accepted_at__isnull=True, declined_at__isnull=True, expires_at__gt=now or timezone.now())


class OrganisationInvitation(models.Model):
    """An invitation to join the organisation; membership starts only when the person accepts.

    HR invites employees; an administrator invites HR staff (the first of a new organisation
    too). Joining shows the person's training records to the organisation's HR, so it needs
    their own consent. The token in the link is unguessable and works once.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("E-mail"))
    role = models.CharField(_("Role"), max_length=20, choices=Membership.Role.choices, default=Membership.Role.EMPLOYEE)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"


class OrganisationApiKey(models.Model):
    """An organisation's key for the verification API, with higher rate limits than anonymous use.

    Only a hash of the secret is stored; the key itself is shown once, when HR creates it.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(_("Name"), max_length=100, help_text=_("What uses the key, e.g. HR system"))
    prefix = models.CharField(max_length=12, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.name} ({self.prefix}…)"


class Consent(models.Model):
    """One answer to one consent question, kept as given: who, to which text version, yes or no,
    when and from where (개인정보 보호법 제22조: 필수 and 선택 items are asked and kept separately).

    A new answer (e.g. withdrawing marketing consent) is a new row; the latest row of a kind is
    the one in force. Rows are never edited.
    """

    class Kind(models.TextChoices):
        TERMS = "terms", _("Terms of use")
        PRIVACY = "privacy", _("Collection and use of personal data")
        MARKETING = "marketing", _("Marketing information")
        FUNDED_RRN = "funded_rrn", _("Resident registration number for funded training (notice)")
        FUNDED_THIRD_PARTY = "funded_third_party", _("Provision to the Ministry of Employment and HRD Korea")
        FUNDED_DEVICE = "funded_device", _("Device data for proxy-learning checks (notice)")
        RESTRICTED_NOTICE = "restricted_notice", _("Restricted course: nationality, pledge and access logging")

    class Channel(models.TextChoices):
        WEB = "web", _("Web")
        ADMIN = "admin", _("Admin")
        API = "api", _("API")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents", verbose_name=_("User"))
    kind = models.CharField(_("Consent"), max_length=20, choices=Kind.choices)
    text_version = models.CharField(_("Text version"), max_length=20)
    agreed = models.BooleanField(_("Agreed"))
    at = models.DateTimeField(_("Time"), default=timezone.now)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    #: SHA-256 (hex) of the exact text the answer was given to ("" for rows written before it was kept).
    text_hash = models.CharField(_("Text hash"), max_length=64, blank=True)
    channel = models.CharField(_("Channel"), max_length=10, choices=Channel.choices, default=Channel.WEB)

    class Meta:
        verbose_name = _("Consent")
        verbose_name_plural = _("Consents")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user", "kind", "-at"], name="accounts_consent_latest")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_kind_display()} {self.text_version}: {'Y' if self.agreed else 'N'}"


class NameCorrectionRequestQuerySet(models.QuerySet):
    def pending(self) -> NameCorrectionRequestQuerySet:
        return self.filter(status=NameCorrectionRequest.Status.PENDING)


class NameCorrectionRequest(models.Model):
    """A trainee asks to correct the names printed on their certificates.

    A manager of an institute that issued the trainee a certificate decides it in the admin; on
    approval the account's names change and the certificates are issued again under the same code.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="name_corrections", verbose_name=_("Trainee"))
    old_name_ko = models.CharField(_("Current Korean name"), max_length=60)
    old_name_en = models.CharField(_("Current English name"), max_length=100, blank=True)
    new_name_ko = models.CharField(_("Corrected Korean name"), max_length=60)
    new_name_en = models.CharField(_("Corrected English name"), max_length=100, validators=[english_name_validator])
    reason = models.TextField(_("Reason"), max_length=1000)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("Requested"), default=timezone.now)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("Decided by")
    )
    decided_at = models.DateTimeField(_("Decided"), null=True, blank=True)
    decision_note = models.TextField(_("Note to the trainee"), blank=True, max_length=1000)

    objects = NameCorrectionRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("Name correction request")
        verbose_name_plural = _("Name correction requests")
        ordering = ["-created_at"]
        constraints = [
            # One open request per person: a second one would race the first.
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status="pending"), name="accounts_one_open_name_correction"
            )
        ]

    def __str__(self) -> str:
        return f"{self.old_name_ko} → {self.new_name_ko}"


class ResidentNumber(models.Model):
    """A funded trainee's 주민등록번호, encrypted (AES-256-GCM, ``accounts.resident``).

    Asked only at the first enrolment in a funded run (근로자직업능력개발법 시행령 제52조 제2항), never
    at sign-up. Only the 공단 report reads it, at send time. ``retain_until`` is set at withdrawal
    (3 years after the latest funded 훈련기간); the retention sweep destroys the row after that day.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="resident_number", editable=False)
    ciphertext = models.BinaryField(editable=False)
    nonce = models.BinaryField(editable=False)
    key_id = models.CharField(max_length=16, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    retain_until = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Resident registration number")
        verbose_name_plural = _("Resident registration numbers")

    def __str__(self) -> str:
        return self.masked()

    def digits(self) -> str:
        """The number in clear: for the 공단 report only (``compliance.emon.payloads.wire_row``)."""
        from .resident import context_of, decrypt

        return decrypt(self.ciphertext, self.nonce, context=context_of(self.user_id)).decode()

    def masked(self) -> str:
        from .resident import masked

        return masked(self.digits())


class RetainedRecord(models.Model):
    """What the law keeps of a withdrawn trainee, separated from the (anonymised) account.

    The names, e-mail, phone and birth date the 훈련 실시 기록 of funded runs identify the trainee by,
    encrypted like the 주민등록번호 (``accounts.resident``) and readable only by the retention job and
    the 개인정보 보호책임자 (no admin screen shows it). Destroyed by the retention sweep after
    ``retain_until``: 3 years after the end of the latest funded 훈련기간.
    """

    class Category(models.TextChoices):
        FUNDED_TRAINEE = "funded_trainee", _("Trainee of funded training")

    ref = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+", editable=False)
    category = models.CharField(max_length=30, choices=Category.choices, editable=False)
    ciphertext = models.BinaryField(editable=False)
    nonce = models.BinaryField(editable=False)
    key_id = models.CharField(max_length=16, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    retain_until = models.DateField(editable=False)

    class Meta:
        verbose_name = _("Retained record of a withdrawn account")
        verbose_name_plural = _("Retained records of withdrawn accounts")

    def __str__(self) -> str:
        return f"{self.get_category_display()} #{self.pk} (→ {self.retain_until:%Y-%m-%d})"

    def context(self) -> str:
        return f"accounts.retainedrecord:{self.ref}"
