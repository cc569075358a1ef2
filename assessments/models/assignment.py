"""과제 (assignments): an activity of a course that trainees submit (text and/or files) and the
institute's instructors grade, on a rubric when there is one, with 첨삭 (written feedback).

Modelled on Moodle's assignment: a submission is a draft the trainee may change until the due
date, then submitted (final unless an instructor reopens it), then graded.
"""

from __future__ import annotations

import secrets
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from common.i18n import bilingual
from common.uploads import FILE_SIGNATURES
from courses.access import may_study
from courses.models.pages import with_english_tab
from courses.selectors import studying_enrolment
from pagecache.restrictions import ViewRestrictionsMixin

from ..assignment_forms import AssignmentPageForm
from .similarity import CopiedAnswer

DEFAULT_EXTENSIONS = "pdf, hwp, hwpx, docx, zip"


class SubmissionType(models.TextChoices):
    TEXT = "text", _("Text typed online")
    FILES = "files", _("Uploaded files")
    BOTH = "both", _("Text and files")


def parse_extensions(value: str) -> list[str]:
    """``"pdf, .HWP docx"`` → ``["pdf", "hwp", "docx"]`` (order kept, duplicates dropped)."""
    words = value.replace(",", " ").replace(";", " ").split()
    return list(dict.fromkeys(word.strip().lstrip(".").lower() for word in words if word.strip(". ")))


def validate_extensions(value: str) -> None:
    unknown = [e for e in parse_extensions(value) if e not in FILE_SIGNATURES]
    if unknown:
        raise ValidationError(
            _("The Academy cannot check files of these types: %(unknown)s. Choose among: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(FILE_SIGNATURES)}
        )


class AssignmentPage(ViewRestrictionsMixin, Page):
    """과제: an assignment of a course. Enrolled trainees submit text and/or files; the institute's
    instructors grade the submissions (on the rubric, if it has one) and write 첨삭 the trainee reads.
    Only enrolled trainees and the institute's staff open it."""

    page_description = _(
        "An assignment of a course: trainees submit text or files by the due date, instructors grade them "
        "with written feedback. Only enrolled trainees and the institute's staff open it."
    )

    title_en = models.CharField(_("Title (English)"), max_length=255, blank=True)
    instructions = RichTextField(_("Instructions"), blank=True)
    instructions_en = RichTextField(_("Instructions (English)"), blank=True)
    submission_type = models.CharField(
        _("What trainees submit"), max_length=10, choices=SubmissionType.choices, default=SubmissionType.BOTH
    )
    allowed_extensions = models.CharField(
        _("Allowed file types"),
        max_length=200,
        default=DEFAULT_EXTENSIONS,
        validators=[validate_extensions],
        help_text=_(
            "Extensions separated by commas, e.g. pdf, hwp, docx. Each file's content is checked too: "
            "a renamed file is refused."
        ),
    )
    max_file_mb = models.PositiveSmallIntegerField(
        _("Largest file (MB)"), default=20, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_files = models.PositiveSmallIntegerField(
        _("Most files"), default=3, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    due_at = models.DateTimeField(
        _("Due"), null=True, blank=True, help_text=_("Trainees cannot change their submission after this.")
    )
    max_score = models.PositiveSmallIntegerField(
        _("Maximum score"),
        default=100,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("With a rubric, the rubric's points must add up to this."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("Pass mark"),
        default=60,
        validators=[MaxValueValidator(100)],
        help_text=_("Out of 100: the score is converted to 100 points before it is compared."),
    )
    required = models.BooleanField(_("Required for completion"), default=True)
    similarity_exempt = models.BooleanField(
        _("Exempt from the copied-answer check"),
        default=False,
        help_text=_("Submissions that must coincide (a calculation, a practice item) are never compared for 모사답안."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("instructions"),
        MultiFieldPanel(
            [
                FieldPanel("submission_type"),
                FieldPanel("allowed_extensions"),
                FieldRowPanel([FieldPanel("max_file_mb"), FieldPanel("max_files")]),
                FieldPanel("due_at"),
            ],
            heading=_("Submissions"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("max_score"), FieldPanel("pass_mark"), FieldPanel("required")]),
                FieldPanel("similarity_exempt"),
            ],
            heading=_("Grading"),
        ),
        InlinePanel("criteria", heading=_("Rubric"), label=_("Criterion")),
    ]
    english_panels = [FieldPanel("title_en"), FieldPanel("instructions_en")]
    edit_handler = with_english_tab(content_panels, english_panels)

    parent_page_types = ["courses.CoursePage", "courses.ModulePage"]
    base_form_class = AssignmentPageForm  # the rubric adds up to the maximum score
    subpage_types: list[str] = []

    ENGLISH_FIELDS = ("title", "instructions")

    class Meta:
        verbose_name = _("assignment")

    @property
    def display_title(self) -> str:
        return bilingual(self.title, self.title_en)

    @property
    def extensions(self) -> list[str]:
        return parse_extensions(self.allowed_extensions)

    @property
    def accepts_text(self) -> bool:
        return self.submission_type in (SubmissionType.TEXT, SubmissionType.BOTH)

    @property
    def accepts_files(self) -> bool:
        return self.submission_type in (SubmissionType.FILES, SubmissionType.BOTH)

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * 1024 * 1024

    @cached_property
    def course(self):
        from courses.models import CoursePage

        return CoursePage.objects.ancestor_of(self).get()

    def is_past_due(self, now=None) -> bool:
        return bool(self.due_at and (now or timezone.now()) > self.due_at)

    def clean(self):
        super().clean()
        validate_extensions(self.allowed_extensions)

    def serve(self, request, *args, **kwargs):
        course = self.course
        if not may_study(
            user=request.user, course=course, enrolment=studying_enrolment(user=request.user, course=course)
        ):
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            from django.contrib import messages
            from django.shortcuts import redirect

            messages.info(request, _("Enrol in this course to take its assessments."))
            return redirect(course.url)
        from courses.protection import restricted_gate

        refused, _event = restricted_gate(request, course=course, obj=self)  # restricted course: F3.2
        if refused is not None:
            return refused
        detour = self.submission_detour(request)
        if detour is not None:  # the identity check before a submission (DOMAIN-KR §1.7)
            from django.shortcuts import redirect

            return redirect(detour.url)
        if request.method == "POST":  # the submission form (works without JavaScript)
            from assessments.assignment_views import handle_submission_post

            response, form = handle_submission_post(request, self)
            if response is not None:
                return response
            return super().serve(request, *args, submission_form=form, **kwargs)
        return super().serve(request, *args, **kwargs)

    def submission_detour(self, request):
        """While the trainee may submit now (no submission or a draft, and ``change_refusal`` has nothing
        against it), where they must go first
        (``courses.gates.entry_detour``); a check made before their previous submission does not count."""
        from django.utils import timezone

        from courses.gates import Entry, entry_detour
        from courses.permissions import user_is_institute_staff

        enrolment = studying_enrolment(user=request.user, course=self.course)
        if enrolment is None:
            return None
        submission = self.submissions.filter(enrolment=enrolment).only("state", "submitted_at", "reopened_at").first()
        if submission is not None and submission.state != AssignmentSubmission.State.DRAFT:
            return None
        since = submission.submitted_at if submission else None
        entry = Entry(kind="assignment", object_id=self.pk, return_url=request.get_full_path(), since=since)
        detour = entry_detour(enrolment=enrolment, entry=entry, now=timezone.now())
        if detour is None or user_is_institute_staff(user=request.user, institute=self.course.institute):
            return None
        from assessments.assignments import change_refusal

        if change_refusal(assignment=self, submission=submission, enrolment=enrolment):
            return None  # not open to a submission (below 80 %, past due): the page says why, no check yet
        return detour

    def get_context(self, request, *args, submission_form=None, **kwargs):
        from assessments.assignments import assignment_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(assignment_page_context(assignment=self, user=request.user, form=submission_form))
        return context

    def get_template(self, request, *args, submission_form=None, **kwargs):
        return super().get_template(request, *args, **kwargs)


class AssignmentCriterion(Orderable):
    """A criterion of an assignment's rubric (평가기준) and its points."""

    assignment = ParentalKey(AssignmentPage, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("Criterion"), max_length=200)
    title_en = models.CharField(_("Criterion (English)"), max_length=200, blank=True)
    description = models.TextField(_("What the grader checks"), blank=True)
    points = models.PositiveSmallIntegerField(_("Points"), validators=[MinValueValidator(1), MaxValueValidator(1000)])

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_en"), FieldPanel("points")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")

    def __str__(self) -> str:
        return self.title

    @property
    def display_title(self) -> str:
        return bilingual(self.title, self.title_en)


class SubmissionQuerySet(models.QuerySet):
    def awaiting_grading(self):
        return self.filter(state=AssignmentSubmission.State.SUBMITTED)


class AssignmentSubmission(models.Model):
    """제출물: one trainee's submission to an assignment, for their enrolment in a run.

    ``score`` is in points out of the assignment's ``max_score`` (with a rubric, the sum of
    ``criterion_scores``); ``feedback`` is the grader's 첨삭, shown to the trainee once graded.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft (not submitted)")
        SUBMITTED = "submitted", _("Submitted, awaiting grading")
        GRADED = "graded", _("Graded")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assignment = models.ForeignKey(AssignmentPage, on_delete=models.CASCADE, related_name="submissions")
    enrolment = models.ForeignKey("courses.Enrolment", on_delete=models.CASCADE, related_name="assignment_submissions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignment_submissions")
    state = models.CharField(_("Status"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)
    text = models.TextField(_("Text"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    saved_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(_("Submitted"), null=True, blank=True)
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    score = models.DecimalField(_("Score"), max_digits=6, decimal_places=2, null=True, blank=True)
    criterion_scores = models.JSONField(default=dict, blank=True, help_text="criterion id → points")
    feedback = models.TextField(_("Feedback (첨삭)"), blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    graded_at = models.DateTimeField(_("Graded"), null=True, blank=True)
    # EMON score_hist.is_copied_answer (Y/N/X), set by a 모사답안 decision (``assessments.similarity``).
    is_copied_answer = models.CharField(
        _("Copied answer"), max_length=1, choices=CopiedAnswer.choices, default=CopiedAnswer.NOT_JUDGED
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment submission")
        verbose_name_plural = _("assignment submissions")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "enrolment"], name="assessments_submission_one_per_enrolment"
            ),
            models.CheckConstraint(condition=models.Q(score__gte=0), name="assessments_submission_score_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id}/{self.enrolment_id}: {self.state}"

    @property
    def is_graded(self) -> bool:
        return self.state == self.State.GRADED and self.score is not None

    @property
    def percent(self) -> Decimal | None:
        """The score converted to 100 points (what the pass rule compares), or None before grading."""
        if self.score is None:
            return None
        return (self.score * 100 / self.assignment.max_score).quantize(Decimal("0.01"))


class SubmissionReopening(models.Model):
    """재제출 허용: an instructor gave a submitted (or graded) submission back to the trainee as a draft,
    with a reason. Never deleted: the record of who reopened what, when and why, shown on the
    grading screen (``assignments.submission_reopen``)."""

    submission = models.ForeignKey(
        AssignmentSubmission, verbose_name=_("Submission"), on_delete=models.CASCADE, related_name="reopenings"
    )
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Reopened by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reopened_at = models.DateTimeField(_("Reopened at"), default=timezone.now)
    reason = models.TextField(_("Reason"))
    #: The state and score the submission had before (a graded one's grade no longer counts).
    from_state = models.CharField(_("Status before"), max_length=20, choices=AssignmentSubmission.State.choices)
    from_score = models.DecimalField(_("Score before"), max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("reopening")
        verbose_name_plural = _("reopenings")
        ordering = ["reopened_at", "pk"]

    def __str__(self) -> str:
        return f"{self.submission_id} ({self.reopened_at:%Y-%m-%d %H:%M})"


def submission_file_path(instance: SubmissionFile, filename: str) -> str:
    """An unguessable storage name that says nothing of the trainee or the original name."""
    from common.uploads import file_extension

    extension = file_extension(filename)
    return f"assignments/{secrets.token_hex(16)}/{uuid.uuid4().hex}{'.' + extension if extension else ''}"


class SubmissionFile(models.Model):
    """A file of a submission, in the configured storage (never under a public URL: the download
    view lets only the trainee and the institute's staff read it). Its SHA-256 and size are kept
    for the 모사답안 (copied answers) check."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submission = models.ForeignKey(AssignmentSubmission, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=submission_file_path, max_length=255)
    original_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name
