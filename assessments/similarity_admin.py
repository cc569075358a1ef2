"""모사답안 review queue (DOMAIN-KR §1.6) in the Wagtail admin: the cases of the user's institutes'
runs, each with its score and both answers side by side, decided 모사 or 아님 with a reason.

An :class:`~courses.viewsets.InstituteStaffViewSet` over ``SimilarityCase`` (its institute policy,
by the run's course): another institute's case is a 404, a trainee or HR gets no screen at all.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.permissions import permitted_instances
from courses.viewsets import InstituteStaffViewSet, StaffView

from . import similarity
from .models import SimilarityCase


def _cases(user):
    return permitted_instances(user, SimilarityCase, ["change"]).select_related(
        "run__course", "enrolment_a__user", "enrolment_b__user", "enrolment_a__run", "enrolment_b__run", "decided_by"
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            (
                SimilarityCase.Decision.COPIED,
                gettext_lazy("Copied (모사): both trainees' scores for this item become 0"),
            ),
            (SimilarityCase.Decision.NOT_COPIED, gettext_lazy("Not copied (아님): the scores stay")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=similarity.REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Why you decided so (kept with the case and shown in the trainees' records)."),
    )


class SimilarityQueueView(StaffView):
    """The queue: cases awaiting review first (``?all=1``: decided ones too)."""

    template_name = "assessments/admin/similarity_queue.html"
    page_title = gettext_lazy("Copied answers")
    header_icon = "warning"

    def get(self, request):
        show_all = request.GET.get("all") == "1"
        cases = _cases(request.user).order_by("-score", "-created_at", "pk")
        if not show_all:
            cases = cases.pending()
        return self.render(cases=list(cases[:500]), show_all=show_all)


class SimilarityCaseView(StaffView):
    """One case: both answers side by side, the measures, and the decision form (or the decision)."""

    template_name = "assessments/admin/similarity_case.html"
    header_icon = "warning"

    def setup_objects(self, case_id):
        self.case = get_object_or_404(_cases(self.request.user), pk=case_id)

    def get_page_title(self):
        # The item (often a whole question) is the first line of the page, not the header, which
        # has one line and cut it off.
        return _("Copied answers: %(a)s and %(b)s") % {
            "a": self.case.enrolment_a.user.name_ko,
            "b": self.case.enrolment_b.user.name_ko,
        }

    def get(self, request, case_id):
        return self.render_form(DecisionForm())

    def post(self, request, case_id):
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                similarity.similarity_case_decide(
                    case=self.case,
                    copied=form.cleaned_data["decision"] == SimilarityCase.Decision.COPIED,
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                )
            except similarity.SimilarityError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The decision is recorded."))
                return redirect("similarity:index")
        return self.render_form(form, status=400)

    def render_form(self, form, status=200):
        text_a, text_b = similarity.case_texts(self.case)
        response = self.render(case=self.case, form=form, text_a=text_a, text_b=text_b)
        response.status_code = status
        return response


class SimilarityQueueViewSet(InstituteStaffViewSet):
    """모사답안 검토: the instructors' review queue of the similarity check."""

    model = SimilarityCase
    name = "similarity"
    url_prefix = "assessments/similarity"
    icon = "warning"
    menu_label = gettext_lazy("Copied answers")
    menu_order = 223

    def get_urlpatterns(self):
        return [
            path("", self.construct_view(SimilarityQueueView), name="index"),
            path("<int:case_id>/", self.construct_view(SimilarityCaseView), name="case"),
        ]
