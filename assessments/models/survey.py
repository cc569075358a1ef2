"""만족도 설문: the end-of-course satisfaction survey of a course, and the trainees' responses."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from common.i18n import bilingual
from courses.access import may_study
from courses.selectors import studying_enrolment
from pagecache.restrictions import ViewRestrictionsMixin


class SurveyPage(ViewRestrictionsMixin, Page):
    """만족도 설문: the course's end-of-course satisfaction survey (과정 만족도, 강의 수준, 학습자 만족도).

    The questions are the same in every course (``assessments.survey.SURVEY_ITEMS``), so the results
    of runs and courses compare. Each trainee answers once per enrolment and may change the answers
    until the training period ends. A funded run (사업주훈련) can require the answers before the
    final test.
    """

    page_description = _(
        "The course's end-of-course satisfaction survey (course, teaching, learner satisfaction). One per course; "
        "only enrolled trainees answer it."
    )

    intro = models.TextField(_("Introduction"), blank=True)
    title_en = models.CharField(_("Title (English)"), max_length=255, blank=True)
    required_before_final = models.BooleanField(
        _("Required before the final test"),
        default=True,
        help_text=_(
            "Funded runs (사업주훈련): the final test starts only once the trainee has answered this survey. "
            "Unfunded runs never require it."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("title_en"),
        FieldPanel("intro"),
        FieldPanel("required_before_final"),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("satisfaction survey")

    @property
    def display_title(self) -> str:
        return bilingual(self.title, self.title_en)

    @property
    def course(self):
        from courses.models import CoursePage

        return CoursePage.objects.ancestor_of(self).get()

    def serve(self, request, *args, **kwargs):
        from django.contrib import messages
        from django.shortcuts import redirect

        course = self.course
        enrolment = studying_enrolment(user=request.user, course=course)
        if not may_study(user=request.user, course=course, enrolment=enrolment):
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            messages.info(request, _("Enrol in this course to answer its survey."))
            return redirect(course.url)
        if request.method == "POST":
            from assessments import services
            from assessments.forms import SurveyForm

            form = SurveyForm(request.POST)
            if enrolment is None:
                messages.error(request, _("Only trainees enrolled in the course answer its survey."))
                return redirect(self.url)
            if form.is_valid():
                try:
                    services.survey_respond(
                        survey=self,
                        enrolment=enrolment,
                        answers=form.answers(),
                        comment=form.cleaned_data["comment"],
                    )
                except services.AssessmentError as error:
                    messages.error(request, str(error))
                    return redirect(self.url)
                messages.success(request, _("Thank you: your answers were saved."))
                return redirect(self.url)
            request.survey_form = form  # shown again with its errors (status 400)
            response = super().serve(request, *args, **kwargs)
            response.status_code = 400
            return response
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from assessments.survey import survey_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(survey_page_context(survey=self, user=request.user, form=getattr(request, "survey_form", None)))
        return context


class SurveyResponse(models.Model):
    """One trainee's answers to a course's survey, for one enrolment (at most one per enrolment).

    ``answers`` maps each item key of ``assessments.survey.SURVEY_ITEMS`` to 1–5 (매우 그렇지 않다 …
    매우 그렇다). Written only by ``assessments.services.survey_respond``. Results are shown without
    names (``assessments.survey.survey_results``).
    """

    survey = models.ForeignKey(SurveyPage, on_delete=models.CASCADE, related_name="responses")
    enrolment = models.ForeignKey("courses.Enrolment", on_delete=models.CASCADE, related_name="survey_responses")
    answers = models.JSONField(_("Answers"), default=dict)
    comment = models.TextField(_("Comments"), blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [models.UniqueConstraint(fields=["enrolment"], name="assessments_survey_one_per_enrolment")]

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.enrolment_id}"
