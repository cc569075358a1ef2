"""The assessment screens of the Wagtail admin, each scoped to the user's own institutes."""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.wagtail_hooks import StaffMenuItem

from . import forms, selectors
from .models import PracticalAssessment, Question, QuestionBank


class ScopedObjectMixin:
    """404 for any object outside the user's institutes, whatever the view (edit, delete, history, usage)."""

    scope = None

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not type(self).scope(request.user).filter(pk=unquote(str(pk))).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose listing and object views only reach the user's institutes' rows."""

    scope = None  # a function: user → queryset
    inspect_view_enabled = False

    def _scoped(self, base):
        return type(f"Scoped{base.__name__}", (ScopedObjectMixin, base), {"scope": staticmethod(type(self).scope)})

    @property
    def edit_view_class(self):
        return self._scoped(snippet_views.EditView)

    @property
    def delete_view_class(self):
        return self._scoped(snippet_views.DeleteView)

    @property
    def history_view_class(self):
        return self._scoped(snippet_views.HistoryView)

    @property
    def usage_view_class(self):
        return self._scoped(snippet_views.UsageView)

    def get_queryset(self, request):
        return type(self).scope(request.user)


class QuestionBankViewSet(ScopedSnippetViewSet):
    scope = selectors.banks_for_user
    model = QuestionBank
    icon = "folder-open-inverse"
    menu_label = _("Question banks")
    list_display = ["title", "institute", "course"]
    search_fields = ["title", "description"]
    edit_handler = ObjectList(QuestionBank.panels, base_form_class=forms.QuestionBankForm)


class QuestionViewSet(ScopedSnippetViewSet):
    scope = selectors.questions_for_user
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["text", "type", "bank", "category", "points"]
    list_filter = ["type"]
    search_fields = ["text", "category"]
    edit_handler = ObjectList(Question.panels, base_form_class=forms.ScopedQuestionForm)


class PracticalAssessmentViewSet(ScopedSnippetViewSet):
    scope = selectors.practicals_for_user
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


@hooks.register("register_admin_urls")
def register_assessment_admin_urls():
    from . import admin_views

    urls = [
        path("import/", admin_views.bank_import, name="bank_import"),
        path("gradebook/", admin_views.gradebook_index, name="gradebook_index"),
        path("runs/<int:run_id>/gradebook/", admin_views.gradebook, name="gradebook"),
        path("quizzes/<int:quiz_id>/analysis/", admin_views.item_analysis, name="item_analysis"),
        path(
            "runs/<int:run_id>/practical/<int:assessment_id>/",
            admin_views.practical_grading,
            name="practical_grading",
        ),
    ]
    return [path("assessments/", include((urls, "assessments_admin"), namespace="assessments_admin"))]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return StaffMenuItem(_("Import questions"), reverse("assessments_admin:bank_import"), icon_name="upload", order=222)


@hooks.register("register_admin_menu_item")
def register_gradebook_menu_item():
    return StaffMenuItem(_("Gradebook"), reverse("assessments_admin:gradebook_index"), icon_name="table", order=221)
