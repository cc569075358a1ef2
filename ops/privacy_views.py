"""개인정보 접속기록 점검 (/cms/privacy/review/): the monthly review screen of the 개인정보 보호책임자.

For users with ``ops.review_personaldataaccess`` and administrators; anyone else gets a 403. The
month comes from ``?month=YYYY-MM`` (the current month by default; a malformed one is a 400), the
filters from ``?actor=<user id>`` and ``?subject=<e-mail or name>``; a POST signs the month off.
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import privacy_review


class SignOffForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What you checked, downloads whose reasons you confirmed, follow-ups."),
    )


def _month(value: str, today: datetime.date) -> datetime.date | None:
    if not value:
        return privacy_review.month_start(today)
    try:
        month = datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        return None
    return month if datetime.date(2000, 1, 1) <= month <= today else None


def _actor_id(value: str) -> int | None:
    return int(value) if value.isascii() and value.isdigit() and len(value) < 18 else None


class PersonalDataReviewView(WagtailAdminTemplateMixin, View):
    template_name = "ops/privacy_review.html"
    page_title = gettext_lazy("Personal data access review")
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not privacy_review.user_may_review(request.user):
            raise PermissionDenied
        self.today = timezone.localdate()
        self.month = _month(request.GET.get("month", "") or request.POST.get("month", ""), self.today)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get(self, request):
        if self.month is None:
            return self._bad_month()
        return self._render(SignOffForm())

    def post(self, request):
        if self.month is None:
            return self._bad_month()
        form = SignOffForm(request.POST)
        if form.is_valid():
            try:
                privacy_review.personal_data_review_sign(
                    month=self.month, actor=request.user, note=form.cleaned_data["note"], today=self.today
                )
            except privacy_review.ReviewError as error:
                messages.error(request, str(error))
                return self._render(form, status=409)
            messages.success(request, _("The month %(month)s is signed off.") % {"month": f"{self.month:%Y-%m}"})
            return redirect(f"{reverse('privacy_review')}?{urlencode({'month': f'{self.month:%Y-%m}'})}")
        return self._render(form, status=400)

    def _bad_month(self):
        messages.error(self.request, _("Choose a month as YYYY-MM, not in the future."))
        self.month = privacy_review.month_start(self.today)
        return self._render(SignOffForm(), status=400)

    def _render(self, form, status: int = 200):
        actor_id = _actor_id(self.request.GET.get("actor", ""))
        subject_query = " ".join(self.request.GET.get("subject", "").split())[:254]
        review = privacy_review.month_review(
            month=self.month, today=self.today, actor_id=actor_id, subject_query=subject_query
        )
        context = self.get_context_data(
            review=review,
            form=form,
            actor_id=actor_id,
            subject_query=subject_query,
            month_value=f"{self.month:%Y-%m}",
        )
        return self.render_to_response(context, status=status)
