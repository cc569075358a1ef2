"""Course runs (차수), enrolments, their history, study progress and attendance."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.i18n import bilingual

from .choices import DeliveryMode, FundingScheme


class CourseRunQuerySet(models.QuerySet):
    def current(self, today=None) -> CourseRunQuerySet:
        """Runs that have not ended yet."""
        return self.filter(ends_on__gte=today or timezone.localdate())


class CourseRun(models.Model):
    """차수: one cohort of a course, with its dates, seats and (for on-site runs) place."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("Course"), on_delete=models.CASCADE, related_name="runs"
    )
    title = models.CharField(_("Name"), max_length=80, help_text=_("e.g. 2026년 1차"))
    title_en = models.CharField(
        _("Name (English)"), max_length=80, blank=True, help_text=_("For English readers, e.g. 2026 Run 1.")
    )
    starts_on = models.DateField(_("Starts on"))
    ends_on = models.DateField(_("Ends on"))
    enrolment_opens_at = models.DateTimeField(_("Enrolment opens"), null=True, blank=True)
    enrolment_closes_at = models.DateTimeField(_("Enrolment closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("Seats"), null=True, blank=True, help_text=_("Leave empty for no limit."))
    delivery_mode = models.CharField(
        _("Delivery mode"),
        max_length=20,
        choices=DeliveryMode.choices,
        blank=True,
        help_text=_("Leave empty to follow the course."),
    )
    location = models.CharField(_("Place"), max_length=200, blank=True)
    location_en = models.CharField(_("Place (English)"), max_length=200, blank=True)
    instructors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("Instructors"), blank=True, related_name="taught_runs"
    )
    # 사업주훈련 (환급): DOMAIN-KR §1.0. Unfunded runs (0) ignore every field below.
    emp_ins_flag = models.PositiveSmallIntegerField(
        _("Funding scheme"),
        choices=FundingScheme.choices,
        default=FundingScheme.UNFUNDED,
        help_text=_(
            "Anything but 'Not refundable' makes this a funded run: the 2026 progress rule, the daily cap of "
            "8 lessons and the other rules of employer training apply."
        ),
    )
    hrd_tracse_id = models.CharField(
        _("HRD-Net course ID"),
        max_length=17,
        blank=True,
        validators=[
            RegexValidator(r"^[A-Za-z0-9]{17}$", _("The HRD-Net course ID has exactly 17 letters and digits."))
        ],
        help_text=_("The 17-character training course ID HRD-Net issued when the course was approved."),
    )
    hrd_tracse_tme = models.CharField(
        _("HRD-Net run number"),
        max_length=10,
        blank=True,
        validators=[RegexValidator(r"^[0-9]+$", _("Enter the run number in digits."))],
        help_text=_("The run number (회차), the same value as in HRD-Net's administration system."),
    )
    training_start = models.DateField(
        _("Training period starts"), null=True, blank=True, help_text=_("First day of the funded training period.")
    )
    training_end = models.DateField(
        _("Training period ends"),
        null=True,
        blank=True,
        help_text=_("Last day of the funded training period: nothing is credited after 23:59:59 that day."),
    )
    unlock_next_at = models.PositiveSmallIntegerField(
        _("Next lesson opens at (%)"),
        default=80,
        validators=[MinValueValidator(50), MaxValueValidator(100)],
        help_text=_("In a funded run, a lesson opens once the previous one has reached this progress (50–100)."),
    )
    grading_deadline = models.DateField(
        _("Grading deadline"),
        null=True,
        blank=True,
        help_text=_(
            "In a funded run, the completion decision becomes final at the end of this day (KST); after it only "
            "an override with a reason changes it. Leave empty for the end of the training period plus the "
            "default number of days."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CourseRunQuerySet.as_manager()

    ENGLISH_FIELDS = ("title", "location")

    class Meta:
        verbose_name = _("course run")
        verbose_name_plural = _("course runs")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="courses_run_dates_ordered"),
            models.CheckConstraint(
                condition=Q(training_start__isnull=True)
                | Q(training_end__isnull=True)
                | Q(training_end__gte=models.F("training_start")),
                name="courses_run_training_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(unlock_next_at__gte=50, unlock_next_at__lte=100), name="courses_run_unlock_between_50_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course.title} · {self.title}"

    @property
    def is_funded(self) -> bool:
        """사업주훈련 and the other refundable schemes: the funded-training rules apply (DOMAIN-KR §1)."""
        return self.emp_ins_flag > FundingScheme.UNFUNDED

    def clean(self):
        from courses.funding import funding_errors  # the rule reads the course's lessons

        super().clean()
        errors = funding_errors(self)
        if errors:
            raise ValidationError(errors)

    @property
    def display_title(self) -> str:
        """The run's name in the reader's language (the Korean one when no English name is set)."""
        return bilingual(self.title, self.title_en)

    @property
    def display_location(self) -> str:
        return bilingual(self.location, self.location_en)

    def enrolment_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.enrolment_opens_at and now < self.enrolment_opens_at:
            return False
        if self.enrolment_closes_at and now > self.enrolment_closes_at:
            return False
        return timezone.localdate(now) <= self.ends_on


class EnrolmentQuerySet(models.QuerySet):
    def for_user(self, user) -> EnrolmentQuerySet:
        return self.filter(user=user)

    def holding_seats(self) -> EnrolmentQuerySet:
        return self.filter(status__in=Enrolment.SEAT_HOLDING)

    def studying(self) -> EnrolmentQuerySet:
        """Enrolments whose trainee may open the lessons."""
        return self.filter(status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED])


class Enrolment(models.Model):
    """수강신청: a trainee's place in one run. At most one per trainee and run."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        PENDING = "pending", _("Awaiting approval")
        WAITLISTED = "waitlisted", _("Waitlisted")
        ACTIVE = "active", _("Studying")
        COMPLETED = "completed", _("Completed")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REMOVED = "removed", _("Removed")

    SEAT_HOLDING = (Status.INVITED, Status.ACTIVE, Status.COMPLETED)
    ENDED = (Status.REJECTED, Status.WITHDRAWN, Status.REMOVED)
    #: Admitted at some point (may have studied): the enrolments with training records and an evidence pack.
    ADMITTED = (Status.ACTIVE, Status.COMPLETED, Status.WITHDRAWN, Status.REMOVED)

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Trainee"), on_delete=models.CASCADE, related_name="enrolments"
    )
    run = models.ForeignKey(
        CourseRun, verbose_name=_("Course run"), on_delete=models.CASCADE, related_name="enrolments"
    )
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, db_index=True)
    progress_percent = models.PositiveSmallIntegerField(_("Progress (%)"), default=0)
    # The sum of the enrolment's ``LessonProgress.seconds_studied``, kept in step by every service that
    # credits or removes study time (``courses.services``), so reports read it without the progress rows.
    seconds_studied = models.PositiveBigIntegerField(_("Seconds studied"), default=0)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(_("Completed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("Requested at"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "run"], name="courses_enrolment_one_per_run"),
        ]
        indexes = [models.Index(fields=["run", "status"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.run}"


class EnrolmentEvent(models.Model):
    """Every change of an enrolment's status: who, when, why."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=Enrolment.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Enrolment.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    #: A staff member changed a final 수료 decision of a funded run by hand (``completion_override``).
    is_override = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("enrolment history")

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.from_status or '-'} → {self.to_status}"
