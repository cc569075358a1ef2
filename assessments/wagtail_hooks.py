"""The assessment screens of the Wagtail admin: every view asks the models' institute policies
(registered in ``AssessmentsConfig.ready``) through ``courses.viewsets.InstituteSnippetViewSet``."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from courses.viewsets import InstituteSnippetViewSet

from . import forms
from .models import PracticalAssessment, Question, QuestionBank


class QuestionBankViewSet(InstituteSnippetViewSet):
    model = QuestionBank
    icon = "folder-open-inverse"
    menu_label = _("Question banks")
    list_display = ["title", "institute", "course"]
    search_fields = ["title", "description"]
    edit_handler = ObjectList(QuestionBank.panels, base_form_class=forms.QuestionBankForm)


class QuestionViewSet(InstituteSnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["text", "type", "bank", "category", "points"]
    list_filter = ["type"]
    search_fields = ["text", "category"]
    edit_handler = ObjectList(Question.panels, base_form_class=forms.ScopedQuestionForm)


class PracticalAssessmentViewSet(InstituteSnippetViewSet):
    model = PracticalAssessment
    icon = "clipboard-list"
    menu_label = _("Practical assessments")
    list_display = ["title", "course", "pass_mark", "required"]
    edit_handler = ObjectList(PracticalAssessment.panels, base_form_class=forms.PracticalAssessmentForm)


class AssessmentsGroup(SnippetViewSetGroup):
    menu_label = _("Assessments")
    menu_icon = "tasks"
    menu_order = 220
    items = (QuestionBankViewSet, QuestionViewSet, PracticalAssessmentViewSet)


register_snippet(AssessmentsGroup)


@hooks.register("register_admin_viewset")
def register_assessment_staff_viewsets():
    from .admin_views import GradebookViewSet, QuestionImportViewSet
    from .assignment_admin import AssignmentGradingViewSet

    return [GradebookViewSet(), QuestionImportViewSet(), AssignmentGradingViewSet()]


@hooks.register("insert_global_admin_js")
def question_form_script():
    """Shows the question form's panels of the chosen type only (``Question.panels``)."""
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<script src="{}" defer></script>', static("js/question_admin.js"))


@hooks.register("construct_homepage_panels")
def add_practicals_to_grade_panel(request, panels):
    """Practical assessments with trainees waiting for a grade, in the user's institutes."""
    from .admin_panels import staff_panels

    panels.extend(staff_panels(request))


@hooks.register("register_log_actions")
def similarity_log_actions(actions):
    actions.register_action(
        "assessments.similarity_decide", _("Decide a copied-answer case"), _("Copied-answer case decided")
    )
    actions.register_action(
        "assessments.submission_reopen", _("Reopen an assignment submission"), _("Assignment submission reopened")
    )

    from .services import COMPLETION_LIST_EXPORT

    @actions.register_action(COMPLETION_LIST_EXPORT)
    class CompletionListExportFormatter(LogFormatter):
        label = _("Download the completion list")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return gettext("Downloaded the completion list (%(rows)s trainees, %(format)s)") % {
                "rows": data.get("rows", "?"),
                "format": str(data.get("format", "")).upper(),
            }


@hooks.register("register_admin_viewset")
def register_similarity_queue():
    from .similarity_admin import SimilarityQueueViewSet

    return SimilarityQueueViewSet()


@hooks.register("construct_homepage_panels")
def add_assignments_to_grade_panel(request, panels):
    """Assignments with submissions waiting for a grade, in the user's institutes."""
    from .assignment_admin import assignment_panels

    panels.extend(assignment_panels(request))
