"""The catalog's page tree: catalog → institute → course → (module →) lesson.

Each institute's part of the tree is where its instructors and managers have page permissions;
``courses.institutes.institute_setup`` creates their groups, collection and review workflow.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from accounts.widgets import UserEmailInput
from common.i18n import bilingual
from courses.blocks import BaseStreamBlock
from courses.forms import CoursePageForm, InstitutePageForm, LessonPageForm
from pagecache.restrictions import ViewRestrictionsMixin

from .choices import Category, DeliveryMode, EnrolmentPolicy, Level, Sensitivity

#: Depth of course pages in the tree: root (1) → home (2) → catalog (3) → institute (4) → course.
COURSE_DEPTH = 5


class BilingualTitleMixin:
    """Pages with an English title (``title_en``) show it to English readers when it is set."""

    @property
    def display_title(self) -> str:
        return bilingual(self.title, getattr(self, "title_en", ""))


class Tab(ObjectList):
    """An editor tab whose id (``#tab-english``) does not depend on the language of its heading."""

    def __init__(self, *args, name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.name = name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "name": self.name}

    @property
    def clean_name(self) -> str:
        return self.name or super().clean_name


def with_english_tab(content_panels, english_panels) -> TabbedInterface:
    """The editor's tabs: Content, English (the optional English fields), Promote, Settings.

    English readers see the English fields where they are filled in and the Korean ones, marked
    as Korean content, where they are not.
    """
    return TabbedInterface(
        [
            Tab(content_panels, heading=_("Content"), name="content"),
            Tab(english_panels, heading=_("English"), name="english"),
            Tab(Page.promote_panels, heading=_("Promote"), name="promote"),
            Tab(Page.settings_panels, heading=_("Settings"), classname="settings", name="settings"),
        ]
    )


class PublicPageCacheMixin:
    """Anonymous visitors may get this page from the whole-page cache (``pagecache.middleware``)."""

    anonymous_cache_seconds = 60

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.academy_cache_seconds = self.anonymous_cache_seconds
        return response


class CourseIndexPage(PublicPageCacheMixin, BilingualTitleMixin, ViewRestrictionsMixin, Page):
    """교육과정 안내: the catalog of every live course, with search and filters (at /courses/)."""

    page_description = _(
        "The course catalogue: lists every live course with search and filters. There is one, at /courses/."
    )

    title_en = models.CharField(_("Title (English)"), max_length=255, blank=True)
    intro = models.TextField(_("Introduction"), blank=True)
    intro_en = models.TextField(_("Introduction (English)"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("title_en"), FieldPanel("intro"), FieldPanel("intro_en")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.InstitutePage"]
    max_count = 1
    page_size = 12

    class Meta:
        verbose_name = _("course catalog")

    def get_context(self, request, *args, **kwargs):
        from courses.presenters import catalog_html  # the presenters import this module

        context = super().get_context(request, *args, **kwargs)
        context["catalog_html"] = catalog_html(catalog=self, request=request, page_size=self.page_size)
        return context


class InstitutePage(PublicPageCacheMixin, BilingualTitleMixin, ViewRestrictionsMixin, Page):
    """교육기관: an institute of the cluster that runs courses.

    The title is the Korean name. Create courses inside the institute's page: its instructors and
    managers can only work here.
    """

    page_description = _(
        "An institute of the cluster that runs courses. Its courses are created inside it; its instructors and managers work only here."
    )

    title_en = models.CharField(_("Name (English)"), max_length=255, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(_("Description"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    description_en = RichTextField(
        _("Description (English)"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    website = models.URLField(_("Web site"), blank=True)
    instructors_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    managers_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("title_en"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("website"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("title_en")]

    parent_page_types = ["courses.CourseIndexPage"]
    base_form_class = InstitutePageForm
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("institute")

    @property
    def display_description(self) -> str:
        return bilingual(self.description, self.description_en)

    def get_context(self, request, *args, **kwargs):
        from courses.presenters import catalog_page  # the presenters import this module

        context = super().get_context(request, *args, **kwargs)
        context.update(catalog_page(catalog=self.get_parent(), params={"institute": self.slug}, page_size=100))
        return context


class RestrictedPublicationMixin:
    """Restricted pages are published only by their institute's manager, after the uploader's
    attestation (``courses.labels``): the last check on every path that publishes a revision (the
    admin page API answers 400 with the message; the admin views check earlier, with a message)."""

    def publish(self, revision, user=None, **kwargs):
        from courses.labels import publication_refusal

        refusal = publication_refusal(revision.as_object(), user)
        if refusal and user is None and revision.approved_go_live_at is not None:
            # The scheduler (publish_scheduled) publishes many revisions in one loop: this one is
            # unscheduled and stays a draft (a manager publishes it again after the attestation).
            import logging

            logging.getLogger("courses").warning(
                "Scheduled publication of restricted page %s refused: %s", self.pk, refusal
            )
            type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=None)
            return None
        if refusal:
            raise ValidationError({"sensitivity": [refusal]})
        return super().publish(revision, user=user, **kwargs)


class CoursePage(RestrictedPublicationMixin, PublicPageCacheMixin, BilingualTitleMixin, ViewRestrictionsMixin, Page):
    """교육과정: a course of an institute, with its lessons below it.

    The completion rule (수료기준) defaults to the Korean rule for employer training: progress of
    at least 80 %, every required assessment passed with at least 60 points and, for blended and
    on-site courses, attendance of at least 80 %.
    """

    page_description = _(
        "A course of an institute: its description, completion rule and certificate. Its modules, lessons and quizzes go below it."
    )

    title_en = models.CharField(_("Title (English)"), max_length=255, blank=True)
    summary = models.TextField(_("Summary"), max_length=400, help_text=_("One or two sentences for the catalog card."))
    summary_en = models.TextField(_("Summary (English)"), max_length=500, blank=True)
    category = models.CharField(_("Category"), max_length=30, choices=Category.choices)
    level = models.CharField(_("Level"), max_length=20, choices=Level.choices, default=Level.BEGINNER)
    study_hours = models.PositiveSmallIntegerField(
        _("Study hours"), validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    delivery_mode = models.CharField(
        _("Delivery mode"), max_length=20, choices=DeliveryMode.choices, default=DeliveryMode.ONLINE
    )
    enrolment_policy = models.CharField(
        _("Enrolment policy"), max_length=20, choices=EnrolmentPolicy.choices, default=EnrolmentPolicy.OPEN
    )
    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Banner image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the course page and the catalog card. A wide picture (e.g. 1200×600) works best."),
    )
    outcomes = models.TextField(_("Learning outcomes"), blank=True, help_text=_("One outcome per line."))
    outcomes_en = models.TextField(_("Learning outcomes (English)"), blank=True, help_text=_("One outcome per line."))
    overview = StreamField(BaseStreamBlock(), verbose_name=_("Overview"), blank=True)
    overview_en = StreamField(BaseStreamBlock(), verbose_name=_("Overview (English)"), blank=True)
    min_progress_percent = models.PositiveSmallIntegerField(
        _("Minimum progress (%)"), default=80, validators=[MaxValueValidator(100)]
    )
    min_assessment_score = models.PositiveSmallIntegerField(
        _("Minimum score in each required assessment"), default=60, validators=[MaxValueValidator(100)]
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("Minimum attendance (%)"),
        default=80,
        validators=[MaxValueValidator(100)],
        help_text=_("Applies to blended and on-site runs."),
    )
    weight_progress_test = models.PositiveSmallIntegerField(
        _("Weight of the progress tests (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Funded runs (사업주훈련): share of the total score. The three weights add up to 100; leave all three "
            "empty to keep the rule above (every required assessment passed)."
        ),
    )
    weight_final_test = models.PositiveSmallIntegerField(
        _("Weight of the final test (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    weight_assignment = models.PositiveSmallIntegerField(
        _("Weight of the assignment (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    min_total_score = models.PositiveSmallIntegerField(
        _("Minimum total score"),
        default=60,
        validators=[MaxValueValidator(100)],
        help_text=_("Funded runs: the weighted total (out of 100) a trainee needs, with progress of at least 80 %."),
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("Certificate validity (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Leave empty to use the certificate template's validity."),
    )
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("Certificate template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the institute's first template."),
    )
    simsa_code = models.CharField(
        _("Review code (심사과정코드)"),
        max_length=30,
        blank=True,
        help_text=_(
            "The course code the remote-training review centre (직업능력심사평가원) gave when the course passed "
            "review. Funded runs of this course need it."
        ),
    )
    sensitivity = models.CharField(
        _("Sensitivity"),
        max_length=12,
        choices=Sensitivity.choices,
        default=Sensitivity.PUBLIC,
        help_text=_(
            "Restricted: only vetted organisations' eligible members with a signed 기술보호 서약서 open it. "
            "Designated 방위산업기술, 비밀 and 전략기술 must never be uploaded."
        ),
    )
    is_security_training = models.BooleanField(
        _("Security training"),
        default=False,
        help_text=_("Completing this course counts as the security training (보안교육) organisations track."),
    )
    requires_security_training = models.BooleanField(
        _("Requires current security training"),
        default=False,
        help_text=_("Restricted courses: open only for people whose security training is not overdue."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("banner_image"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("study_hours"), FieldPanel("delivery_mode"), FieldPanel("enrolment_policy")]),
        FieldPanel("overview"),
        FieldPanel("outcomes"),
        MultipleChooserPanel(
            "prerequisite_links", chooser_field_name="prerequisite", heading=_("Prerequisites"), label=_("Prerequisite")
        ),
        InlinePanel("instructor_links", heading=_("Instructors"), label=_("Instructor")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("min_progress_percent"),
                        FieldPanel("min_assessment_score"),
                        FieldPanel("min_attendance_percent"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("weight_progress_test"),
                        FieldPanel("weight_final_test"),
                        FieldPanel("weight_assignment"),
                        FieldPanel("min_total_score"),
                    ]
                ),
            ],
            heading=_("Completion rule"),
        ),
        MultiFieldPanel(
            [FieldPanel("certificate_template"), FieldPanel("certificate_validity_months")], heading=_("Certificate")
        ),
        MultiFieldPanel([FieldPanel("simsa_code")], heading=_("Employer training (refundable)")),
        MultiFieldPanel(
            [
                FieldPanel("sensitivity"),
                FieldPanel("restricted_attestation"),
                FieldPanel("restricted_reference"),
                FieldRowPanel([FieldPanel("is_security_training"), FieldPanel("requires_security_training")]),
            ],
            heading=_("Tech protection"),
        ),
    ]
    english_panels = [
        FieldPanel("title_en"),
        FieldPanel("summary_en"),
        FieldPanel("overview_en"),
        FieldPanel("outcomes_en"),
    ]
    edit_handler = with_english_tab(content_panels, english_panels)
    search_fields = [
        *Page.search_fields,
        index.SearchField("title_en"),
        index.SearchField("summary"),
        index.SearchField("summary_en"),
        index.FilterField("category"),
        index.FilterField("level"),
        index.FilterField("delivery_mode"),
    ]

    parent_page_types = ["courses.InstitutePage"]
    base_form_class = CoursePageForm
    # The explorer lists modules and lessons in syllabus (tree) order, where editors can drag them.
    admin_default_ordering = "ord"
    # No ``subpage_types``: each child page type says where it may live (lessons and modules here;
    # other apps add theirs, such as quizzes, without this app knowing them).

    class Meta:
        verbose_name = _("course")

    ENGLISH_FIELDS = ("title", "summary", "overview", "outcomes")

    WEIGHT_FIELDS = ("weight_progress_test", "weight_final_test", "weight_assignment")

    @property
    def display_summary(self) -> str:
        return bilingual(self.summary, self.summary_en)

    @property
    def has_assessment_weights(self) -> bool:
        """Whether the course sets the weights of the funded-run total (수료기준 of 사업주훈련)."""
        return any(getattr(self, name) is not None for name in self.WEIGHT_FIELDS)

    @property
    def outcome_list(self) -> list[str]:
        text = bilingual(self.outcomes, self.outcomes_en)
        return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]

    @cached_property
    def institute(self) -> InstitutePage:
        return InstitutePage.objects.ancestor_of(self).get()

    def clean(self):
        super().clean()
        errors = {}
        if self.pk and not self.simsa_code and self.runs.filter(emp_ins_flag__gt=0).exists():
            errors["simsa_code"] = _("This course has funded runs: they need its review code (심사과정코드).")
        if self.has_assessment_weights:
            weights = [getattr(self, name) or 0 for name in self.WEIGHT_FIELDS]
            if sum(weights) != 100:
                errors["weight_progress_test"] = _(
                    "The weights of the progress tests, the final test and the assignment add up to 100 "
                    "(now %(sum)s); leave all three empty to use no weights."
                ) % {"sum": sum(weights)}
        if errors:
            raise ValidationError(errors)

    def lessons(self):
        """Every live lesson of the course, in syllabus order."""
        return LessonPage.objects.live().descendant_of(self).order_by("path")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.sensitivity == Sensitivity.RESTRICTED:
            response.academy_cache_seconds = None  # its restricted parts depend on who asks, every time
        return response

    def get_context(self, request, *args, **kwargs):
        from courses.presenters import course_page_context  # the presenters import this module

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(course=self, user=request.user))
        if self.sensitivity == Sensitivity.RESTRICTED:
            from django.utils import timezone

            from courses.protection import is_owning_staff, restricted_refusal

            # The syllabus's links and the enrolment form are the restricted parts: shown only when
            # the conditions hold (the lesson pages and the enrol view ask again, and log).
            refusal = None
            if not is_owning_staff(user=request.user, course=self):
                refusal = restricted_refusal(user=request.user, course=self, now=timezone.now())
            context["restricted_refusal"] = refusal
            if refusal is not None:
                context["can_study"] = False  # no lesson links while a condition is missing
        return context


class CoursePrerequisite(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="prerequisite_links")
    prerequisite = models.ForeignKey(
        CoursePage, verbose_name=_("Prerequisite course"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("prerequisite")]

    class Meta(Orderable.Meta):
        verbose_name = _("prerequisite")
        constraints = [
            models.UniqueConstraint(fields=["course", "prerequisite"], name="courses_prerequisite_unique"),
        ]


class CourseInstructor(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="instructor_links")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Instructor (e-mail)"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("Job title"), max_length=80, blank=True, help_text=_("e.g. Senior researcher"))

    panels = [FieldPanel("user", widget=UserEmailInput), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("instructor")


class ModulePage(BilingualTitleMixin, ViewRestrictionsMixin, Page):
    """단원: groups a course's lessons. Trainees see it as a heading in the syllabus."""

    page_description = _("A module: groups a course's lessons under a heading of the syllabus.")

    title_en = models.CharField(_("Title (English)"), max_length=255, blank=True)
    summary = models.TextField(_("Summary"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    english_panels = [FieldPanel("title_en")]
    edit_handler = with_english_tab(content_panels, english_panels)

    parent_page_types = ["courses.CoursePage"]
    base_form_class = InstitutePageForm
    admin_default_ordering = "ord"  # lessons in syllabus order

    class Meta:
        verbose_name = _("module")

    ENGLISH_FIELDS = ("title",)

    def serve(self, request, *args, **kwargs):
        course = CoursePage.objects.ancestor_of(self).live().first()
        if course is None:
            raise Http404
        return redirect(f"{course.url}#syllabus")


class LessonPage(RestrictedPublicationMixin, BilingualTitleMixin, ViewRestrictionsMixin, Page):
    """차시: one lesson of a course. Only enrolled trainees and the institute's staff can open it."""

    page_description = _(
        "One lesson of a course (text, video, documents). Only enrolled trainees and the institute's staff open it."
    )

    title_en = models.CharField(_("Title (English)"), max_length=255, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Content"))
    body_en = StreamField(
        BaseStreamBlock(),
        verbose_name=_("Content (English)"),
        blank=True,
        help_text=_("Leave empty to show the Korean content to English readers, marked as Korean."),
    )
    study_minutes = models.PositiveSmallIntegerField(
        _("Required study minutes"),
        default=0,
        blank=True,
        validators=[MaxValueValidator(600)],
        help_text=_(
            "The lesson completes only after this much time on screen. 0: no minimum. Empty: the total length "
            "of the lesson's videos, rounded up to whole minutes."
        ),
    )
    required = models.BooleanField(_("Counts for progress"), default=True, help_text=_("Untick for optional reading."))
    final_activity_required = models.BooleanField(
        _("Last page must be reached"),
        default=True,
        help_text=_(
            "Funded runs: the lesson reaches 100 % only when its full study time is credited and the trainee has "
            "reached its end (the last page or activity); until then it stops at 99 %."
        ),
    )
    sensitivity = models.CharField(
        _("Sensitivity"),
        max_length=12,
        choices=Sensitivity.choices,
        default=Sensitivity.PUBLIC,
        help_text=_(
            "A lesson is at least as restricted as its course; restricted lessons open only under its conditions."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("study_minutes"), FieldPanel("required"), FieldPanel("final_activity_required")]),
        MultiFieldPanel(
            [FieldPanel("sensitivity"), FieldPanel("restricted_attestation"), FieldPanel("restricted_reference")],
            heading=_("Tech protection"),
        ),
        FieldPanel("body"),
    ]
    english_panels = [FieldPanel("title_en"), FieldPanel("body_en")]
    edit_handler = with_english_tab(content_panels, english_panels)
    search_fields = [
        *Page.search_fields,
        index.SearchField("title_en"),
        index.SearchField("body"),
        index.SearchField("body_en"),
    ]

    parent_page_types = ["courses.CoursePage", "courses.ModulePage"]
    base_form_class = LessonPageForm
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")

    ENGLISH_FIELDS = ("title", "body")

    @cached_property
    def course(self) -> CoursePage:
        from courses.presenters import course_structure  # the presenters import this module

        if self.depth > COURSE_DEPTH:  # the course's path is the start of the lesson's: no query
            try:
                return course_structure(path=self.path[: COURSE_DEPTH * self.steplen])["course"]
            except CoursePage.DoesNotExist:
                pass
        return CoursePage.objects.ancestor_of(self).get()

    def serve(self, request, *args, **kwargs):
        from courses.access import may_study  # both import this module
        from courses.selectors import studying_enrolment

        enrolment = studying_enrolment(user=request.user, course=self.course)
        if not may_study(user=request.user, course=self.course, enrolment=enrolment):
            from django.contrib import messages

            if request.user.is_authenticated:
                messages.info(request, _("Enrol in this course to open its lessons."))
                return redirect(self.course.url)
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        from courses.protection import restricted_gate

        # Restricted material (DOMAIN-KR §3.3 F3.2): every condition on every request, logged.
        refused, self.restricted_event = restricted_gate(request, course=self.course, lesson=self, obj=self)
        if refused is not None:
            return refused
        refusal = self.open_refusal(request.user, enrolment)
        if refusal:
            from django.template.response import TemplateResponse

            context = {"page": self, "course": self.course, "refusal": refusal}
            return TemplateResponse(request, "courses/lesson_refused.html", context, status=403)
        detour = self.entry_detour(request, enrolment)
        if detour is not None:  # e.g. the identity check of 차시 1, 9, 17, … (DOMAIN-KR §1.7)
            return redirect(detour.url)
        self.studying_enrolment = enrolment  # read once here, used again by the context
        if enrolment is not None and enrolment.status == enrolment.Status.ACTIVE:
            from courses.services import study_session_claim

            # The page's heartbeats carry this token; any page opened before stops crediting time.
            self.study_session = study_session_claim(user=request.user)
        return super().serve(request, *args, **kwargs)

    def open_refusal(self, user, enrolment) -> str | None:
        """Why a trainee of a funded run may not open this 차시 now (``courses.gates``); staff never are."""
        from django.utils import timezone

        from courses.gates import is_gated, open_refusal
        from courses.permissions import user_is_institute_staff

        now = timezone.now()
        if not is_gated(enrolment, now) or user_is_institute_staff(user=user, institute=self.course.institute):
            return None
        return open_refusal(enrolment=enrolment, lesson=self, now=now, detours=False)

    def entry_detour(self, request, enrolment):
        """Where the trainee must go before this 차시 opens (``courses.gates.entry_detour``); staff never."""
        from django.utils import timezone

        from courses.gates import Entry, entry_detour
        from courses.permissions import user_is_institute_staff

        if enrolment is None:
            return None
        entry = Entry(kind="lesson", object_id=self.pk, lesson=self, return_url=request.get_full_path())
        detour = entry_detour(enrolment=enrolment, entry=entry, now=timezone.now())
        if detour is None or user_is_institute_staff(user=request.user, institute=self.course.institute):
            return None  # staff asked last: most pages have no detour, and then no query for it
        return detour

    def get_context(self, request, *args, **kwargs):
        from courses.presenters import lesson_page_context  # the presenters import this module

        context = super().get_context(request, *args, **kwargs)
        context.update(
            lesson_page_context(lesson=self, user=request.user, enrolment=getattr(self, "studying_enrolment", None))
        )
        context["study_session"] = getattr(self, "study_session", "")
        event = getattr(self, "restricted_event", None)
        if event is not None:  # the visible mark names the viewer and decodes to this view's log entry
            from courses.protection import watermark_text

            context["watermark"] = watermark_text(user=request.user, event=event, now=event.at)
        return context
