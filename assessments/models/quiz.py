"""Quizzes (온라인평가) placed in a course, and the trainees' attempts (응시)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from common.i18n import bilingual
from courses.access import may_study
from courses.selectors import studying_enrolment
from pagecache.restrictions import ViewRestrictionsMixin

from ..page_forms import QuizPageForm
from .bank import Question, QuestionBank
from .similarity import CopiedAnswer


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", _("Highest attempt")
    LAST = "last", _("Last attempt")


class QuizKind(models.TextChoices):
    """What a quiz is for. In funded runs (사업주훈련) the kind decides when it opens, how many attempts
    it allows and which weight of the course's total it carries (``assessments.funded``)."""

    PROGRESS = "progress", _("Progress test")
    FINAL = "final", _("Final test")
    OTHER = "other", _("Other quiz")


class ReviewPolicy(models.TextChoices):
    """What a trainee sees of a closed attempt. The score is always shown; whether the answer key is
    shown is decided by ``assessments.selectors.answers_visible`` alone."""

    SCORE_ONLY = "score", _("Score only")
    AFTER_CLOSE = "after_close", _("Score at once; answers and feedback after the quiz closes")
    AFTER_SUBMIT = "after_submit", _("Score at once; answers and feedback once the trainee has no attempt left")


class QuizPage(ViewRestrictionsMixin, Page):
    """온라인평가: a quiz in a course. Only enrolled trainees and the institute's staff open it.

    Questions are fixed (chosen below) or drawn at random for each attempt from a bank, or from one
    category of a bank. Time limits, deadlines and grading are enforced on the server.
    """

    page_description = _(
        "An online quiz of a course, with fixed questions or questions drawn from a bank. Only enrolled trainees and the institute's staff open it."
    )

    title_en = models.CharField(_("Title (English)"), max_length=255, blank=True)
    intro = models.TextField(_("Instructions"), blank=True)
    draw_bank = models.ForeignKey(
        QuestionBank,
        verbose_name=_("Draw from bank"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the fixed questions below."),
    )
    draw_category = models.CharField(_("Draw from category"), max_length=200, blank=True)
    draw_count = models.PositiveSmallIntegerField(_("Questions per attempt"), default=0, help_text=_("0: all."))
    shuffle_questions = models.BooleanField(_("Shuffle questions"), default=True)
    shuffle_choices = models.BooleanField(_("Shuffle choices"), default=True)
    pass_mark = models.PositiveSmallIntegerField(_("Pass mark"), default=60, validators=[MaxValueValidator(100)])
    max_attempts = models.PositiveSmallIntegerField(_("Attempt limit"), default=2, help_text=_("0: unlimited."))
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("Time limit (minutes)"), default=0, validators=[MaxValueValidator(600)], help_text=_("0: no limit.")
    )
    grading_method = models.CharField(
        _("Grade kept"), max_length=10, choices=GradingMethod.choices, default=GradingMethod.HIGHEST
    )
    opens_at = models.DateTimeField(_("Opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("Closes"), null=True, blank=True)
    review_policy = models.CharField(
        _("Review"),
        max_length=20,
        choices=ReviewPolicy.choices,
        default=ReviewPolicy.AFTER_CLOSE,
        help_text=_(
            "Correct answers and feedback are never shown while the trainee can still start another attempt: "
            "only once they have used every attempt (in any run of the course) or the quiz has closed. "
            "Raising the attempt limit or moving the closing date later gives further attempts to trainees "
            "who may have seen the answers."
        ),
    )
    required = models.BooleanField(_("Required for completion"), default=True)
    kind = models.CharField(
        _("Kind"),
        max_length=20,
        choices=QuizKind.choices,
        default=QuizKind.OTHER,
        help_text=_(
            "In funded runs (사업주훈련) a progress test opens at 50 % progress and a final test at 80 %, each with "
            "one attempt unless a staff member grants a retake; their scores make up the course's weighted total."
        ),
    )
    require_item_pool = models.BooleanField(
        _("Require a large item pool"),
        default=False,
        help_text=_(
            "Refuse to publish the quiz unless its bank (or category) holds at least three times the questions per "
            "attempt, so that trainees sitting next to each other get different questions."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("title_en"),
        FieldPanel("intro"),
        InlinePanel("quiz_questions", heading=_("Fixed questions"), label=_("Question")),
        MultiFieldPanel(
            [
                FieldPanel("draw_bank"),
                FieldRowPanel([FieldPanel("draw_category"), FieldPanel("draw_count")]),
                FieldPanel("require_item_pool"),
            ],
            heading=_("Random draw"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts"), FieldPanel("time_limit_minutes")]),
                FieldRowPanel([FieldPanel("grading_method"), FieldPanel("review_policy"), FieldPanel("required")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading=_("Rules"),
        ),
    ]

    parent_page_types = ["courses.CoursePage", "courses.ModulePage"]
    base_form_class = QuizPageForm  # bank and questions of the quiz's own institute only; the item pool
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("quiz")

    @property
    def display_title(self) -> str:
        return bilingual(self.title, self.title_en)

    @cached_property
    def course(self):
        from courses.models import CoursePage

        return CoursePage.objects.ancestor_of(self).get()

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now > self.closes_at)

    def is_closed(self, now=None) -> bool:
        return bool(self.closes_at and (now or timezone.now()) > self.closes_at)

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
            return redirect(self.course.url)
        from courses.protection import restricted_gate

        refused, _event = restricted_gate(request, course=course, obj=self)  # restricted course: F3.2
        if refused is not None:
            return refused
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from assessments.selectors import quiz_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(quiz_page_context(quiz=self, user=request.user))
        return context


class QuizQuestion(Orderable):
    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="quiz_questions")
    question = models.ForeignKey(Question, verbose_name=_("Question"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("quiz question")


class AttemptQuerySet(models.QuerySet):
    def closed(self):
        return self.exclude(state=Attempt.State.IN_PROGRESS)

    def overdue(self, now=None, *, frozen_at=None):
        """Open attempts past their deadline (``now``: the deadline plus any grace), or whose inputs froze
        by ``frozen_at`` (the end of a funded run's training period, no grace)."""
        condition = models.Q(deadline__lt=now or timezone.now())
        if frozen_at is not None:
            condition |= models.Q(freeze_at__lte=frozen_at)
        return self.filter(condition, state=Attempt.State.IN_PROGRESS)


class Attempt(models.Model):
    """응시: one attempt at a quiz. Its questions (and their order) are fixed when it starts.

    Attempts are numbered per trainee and quiz, across every run of the course (the attempt limit
    counts them the same way); ``enrolment`` is the run whose completion the attempt's grade counts for.
    """

    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        TIMED_OUT = "timed_out", _("Closed at the time limit")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    quiz = models.ForeignKey(QuizPage, on_delete=models.CASCADE, related_name="attempts")
    enrolment = models.ForeignKey("courses.Enrolment", on_delete=models.CASCADE, related_name="quiz_attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    number = models.PositiveSmallIntegerField()
    state = models.CharField(max_length=20, choices=State.choices, default=State.IN_PROGRESS, db_index=True)
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(null=True, blank=True, help_text="Answers are refused after this (grace included).")
    freeze_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Funded runs: the end of the training period; no answer is accepted from this instant, grace or not.",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    question_ids = models.JSONField(default=list)
    choice_order = models.JSONField(default=dict)
    points_earned = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    points_possible = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    score = models.DecimalField(_("Score"), max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)
    needs_grading = models.BooleanField(
        default=False, db_index=True, help_text="Essay answers wait for an instructor: the score is provisional."
    )
    # EMON score_hist.is_copied_answer: Y once a 모사 decision set this attempt's essays to 0, N once
    # every case about it was judged 아님, X otherwise (``assessments.similarity``).
    is_copied_answer = models.CharField(
        _("Copied answer"), max_length=1, choices=CopiedAnswer.choices, default=CopiedAnswer.NOT_JUDGED
    )

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("attempt")
        ordering = ["started_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "user", "number"], name="assessments_attempt_number_per_trainee"),
        ]

    def __str__(self) -> str:
        return f"{self.quiz_id}/{self.user_id}#{self.number}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.IN_PROGRESS

    # Choice identifiers sent to the browser are opaque and differ per attempt: a keyed hash of the
    # attempt's public id and the choice's id, so sorting them says nothing about the order in which
    # the choices were written (the right one is often written first). Nothing is stored: the server
    # maps a posted identifier back by hashing the attempt's own choices (``choices_by_token``).
    # After a SECRET_KEY rotation an open form's identifiers are refused until the page is reloaded;
    # saved answers are kept as choice ids and are not affected.

    CHOICE_TOKEN_LENGTH = 16

    def choice_token(self, choice_id: int) -> str:
        """The identifier of one of this attempt's choices in the attempt form."""
        digest = salted_hmac("assessments.Attempt.choice_token", f"{self.public_id}:{choice_id}", algorithm="sha256")
        return digest.hexdigest()[: self.CHOICE_TOKEN_LENGTH]

    def choices_by_token(self, question_id: int) -> dict[str, int]:
        """The form identifiers of a question's choices in this attempt, mapped to the choices' ids."""
        return {self.choice_token(choice_id): choice_id for choice_id in self.choice_order.get(str(question_id), [])}


class AttemptAnswer(models.Model):
    """A trainee's answer to one question of an attempt, saved as they go and graded on closing."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    response = models.JSONField(default=None, null=True)
    saved_at = models.DateTimeField(default=timezone.now)
    points = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    fraction = models.DecimalField(max_digits=6, decimal_places=4, null=True, blank=True)
    # An essay (서술형) answer is graded by an instructor, who may write a comment (첨삭) for the trainee.
    comment = models.TextField(blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    graded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="assessments_answer_one_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.question_id}"


class RetakeGrantQuerySet(models.QuerySet):
    def unused(self):
        return self.filter(used_at__isnull=True)


class RetakeGrant(models.Model):
    """재응시 허용: a staff member lets one trainee start one more attempt at a quiz, with a reason.

    In funded runs a progress or final test allows one attempt; elsewhere the quiz's attempt limit
    applies. Either way an unused grant allows one attempt beyond it; starting that attempt uses
    the grant up (``assessments.services.attempt_start``). Grants are never deleted: they are the
    record of who allowed what, when and why.
    """

    enrolment = models.ForeignKey(
        "courses.Enrolment", verbose_name=_("Enrolment"), on_delete=models.CASCADE, related_name="retake_grants"
    )
    quiz = models.ForeignKey(QuizPage, verbose_name=_("Quiz"), on_delete=models.CASCADE, related_name="retake_grants")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Granted by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("Reason"))
    created_at = models.DateTimeField(_("Granted at"), default=timezone.now)
    used_at = models.DateTimeField(_("Used at"), null=True, blank=True)
    attempt = models.OneToOneField(
        Attempt,
        verbose_name=_("Attempt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="retake_grant",
    )

    objects = RetakeGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("retake grant")
        verbose_name_plural = _("retake grants")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["enrolment", "quiz"])]

    def __str__(self) -> str:
        return f"{self.quiz_id}/{self.enrolment_id} ({self.created_at:%Y-%m-%d})"
