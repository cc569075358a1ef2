"""공지사항 and 질의응답 in the Wagtail admin.

Both are :class:`~courses.viewsets.InstituteModelViewSet` s, so every view Wagtail generates for
them (index, add, edit, delete, history, usage, inspect) asks the models' institute policies
(``CommunityConfig.ready``): another institute's notice or question is a 404.

- **Notices**: the staff of an institute write notices for its courses and runs; administrators
  also site-wide ones. Saving goes through ``services.notice_save`` (institute from the course,
  announcement when due).
- **Questions** (미답변 inbox): the waiting questions of the user's institutes, oldest first, with
  their age; the question's page (Wagtail's inspect view) shows the thread and the answer form.
  Reading the inbox or a question is reading trainees' data: each is recorded as a ``view`` in
  the personal data access log.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView

from courses.permissions import policy_for
from courses.viewsets import InstituteModelViewSet, check_object
from ops.privacy import Action, personal_data_access_record

from . import selectors, services
from .forms import NoticeForm, QuestionAdminForm, ReplyForm
from .models import Notice, Question
from .presenters import age_label

# --------------------------------------------------------------------------------------------
# Notices
# --------------------------------------------------------------------------------------------


class NoticeSaveMixin:
    def save_instance(self):
        return services.notice_save(notice=self.form.save(commit=False), actor=self.request.user)


class NoticeCreateView(NoticeSaveMixin, CreateView):
    pass


class NoticeEditView(NoticeSaveMixin, EditView):
    pass


class NoticeViewSet(InstituteModelViewSet):
    model = Notice
    name = "community_notices"
    url_prefix = "community/notices"
    icon = "info-circle"
    menu_label = gettext_lazy("Notices")
    menu_order = 220
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    add_view_class = NoticeCreateView
    edit_view_class = NoticeEditView
    list_display = ["title", "course", "run", "published_at", "pinned", "important"]
    list_filter = ["pinned", "important"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel([FieldPanel("course"), FieldPanel("run")], heading=gettext_lazy("Who sees it")),
            FieldPanel("title"),
            FieldPanel("body"),
            MultiFieldPanel(
                [FieldPanel("pinned"), FieldPanel("important"), FieldPanel("published_at"), FieldPanel("ends_at")],
                heading=gettext_lazy("Publication"),
            ),
        ],
        base_form_class=NoticeForm,
    )


# --------------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------------


class QuestionInboxView(IndexView):
    """미답변 질문: the waiting questions of the user's institutes, oldest first."""

    page_title = gettext_lazy("Unanswered questions")
    default_ordering = "waiting_since"

    def get_base_queryset(self):
        return super().get_base_queryset().filter(waiting_since__isnull=False).select_related("asker", "course", "run")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = context.get("object_list") or []
        personal_data_access_record(
            actor=self.request.user,
            action=Action.VIEW,
            subjects=[question.asker_id for question in rows],
            object_type="community.question_list",
        )
        return context


class QuestionThreadView(InspectView):
    """A question, its answers and follow-ups, and the answer form (POST: answer)."""

    template_name = "community/admin/question_thread.html"
    page_title = pgettext_lazy("Q&A", "Question")
    form = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question = self.object
        personal_data_access_record(
            actor=self.request.user,
            action=Action.VIEW,
            subjects=[question.asker_id],
            obj=question,
        )
        may_answer = policy_for(Question).user_has_permission_for_instance(self.request.user, "change", question)
        context.update(
            question=question,
            replies=selectors.thread(question),
            form=(self.form or ReplyForm()) if may_answer else None,
            age=age_label(question.waiting_since),
            board_url=reverse("community:questions", args=[question.course_id]),
        )
        return context

    def post(self, request, *args, **kwargs):
        check_object(request.user, self.object, ["change"])
        self.form = ReplyForm(request.POST)
        if self.form.is_valid():
            try:
                services.reply_add(question=self.object, author=request.user, body=self.form.cleaned_data["body"])
            except services.CommunityError as error:
                self.form.add_error("body", error)
            else:
                messages.success(request, _("Your answer was sent to the trainee."))
                return redirect(reverse("community_questions:index"))
        response = self.render_to_response(self.get_context_data())
        response.status_code = 400
        return response


class QuestionPersonalDataMixin:
    """The edit and history pages of a question show the asker's question: a personal-data view."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question = self.object
        personal_data_access_record(
            actor=self.request.user, action=Action.VIEW, subjects=[question.asker_id], obj=question
        )
        return context


class QuestionEditView(QuestionPersonalDataMixin, EditView):
    pass


class QuestionHistoryView(QuestionPersonalDataMixin, HistoryView):
    pass


class NeverAddView(CreateView):
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied  # trainees ask on the course's question board, never in the admin


class InboxMenuItem(MenuItem):
    """질의응답 with the number of waiting questions, for whoever may see questions."""

    def is_shown(self, request):
        return policy_for(Question).user_has_any_permission(request.user, ["view", "change"])

    def render_component(self, request):
        component = super().render_component(request)
        count = selectors.staff_inbox_count(request.user)
        if count:
            component.label = f"{self.label} ({count})"
        return component


class QuestionViewSet(InstituteModelViewSet):
    model = Question
    name = "community_questions"
    url_prefix = "community/questions"
    icon = "help"
    menu_label = gettext_lazy("Q&A")
    menu_order = 221
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = QuestionInboxView
    inspect_view_class = QuestionThreadView
    add_view_class = NeverAddView
    list_filter = ["visibility"]
    search_fields = ["title"]
    edit_view_class = QuestionEditView
    history_view_class = QuestionHistoryView
    # Visibility only, and only public → private (``QuestionAdminForm``): the asker's text is theirs.
    edit_handler = ObjectList([FieldPanel("visibility")], base_form_class=QuestionAdminForm)

    @property
    def menu_item_class(self):
        return InboxMenuItem

    @property
    def list_display(self):
        return [
            TitleColumn(
                "title",
                label=pgettext_lazy("Q&A", "Question"),
                get_url=lambda question: reverse("community_questions:inspect", args=[question.pk]),
            ),
            Column("course", label=gettext_lazy("Course")),
            Column("run", label=gettext_lazy("Course run"), accessor=lambda question: question.run.title),
            Column("asker", label=gettext_lazy("Asked by"), accessor=lambda question: question.asker.get_full_name()),
            Column(
                "waiting_since",
                label=gettext_lazy("Waiting for"),
                accessor=lambda question: age_label(question.waiting_since),
            ),
        ]
