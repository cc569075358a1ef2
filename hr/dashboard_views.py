"""The HR dashboard page (/hr/overview/) and its reminder action (/hr/overview/remind/).

For the organisation's HR staff only: someone who is HR of no organisation gets 403, an
organisation they are not HR of (``?org=``) 404, as on every /hr/ page. The page shows members'
training, so it records a VIEW of the people it lists (DOMAIN-KR §5.3).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ops.privacy import Action, personal_data_access_record

from . import dashboard, selectors, services
from .dashboard_forms import OverviewFilterForm, ReminderForm
from .views import _organisation

PAGE_SIZE = 50


def _hr_organisation(request):
    if not selectors.hr_organisations(request.user).exists():
        return None
    return _organisation(request)


def _forbidden(request):
    return render(request, "hr/overview_forbidden.html", status=403)


def _filter_query(request, organisation) -> str:
    """The page's own filters as a query string (the reminder form posts to a URL that keeps them)."""
    query = {"org": organisation.public_id}
    query.update({key: request.GET[key] for key in ("course", "start", "end") if request.GET.get(key)})
    return urlencode(query)


def _page_number(value) -> int:
    try:
        return max(1, int(value or 1))
    except (TypeError, ValueError):
        return 1


@login_required
def overview(request):
    organisation = _hr_organisation(request)
    if organisation is None:
        return _forbidden(request)
    return _render(request, organisation, reminder=ReminderForm(organisation=organisation))


def _render(request, organisation, *, reminder: ReminderForm, status: int = 200):
    today = timezone.localdate()
    courses = dashboard.courses_of_members(organisation)
    form = OverviewFilterForm(request.GET, courses=courses, today=today)
    context = {
        "organisation": organisation,
        "organisations": selectors.hr_organisations(request.user),
        "form": form,
        "reminder": reminder,
        "today": today,
        "margin": dashboard.BEHIND_MARGIN,
        "idle_days": dashboard.IDLE_DAYS,
        "chosen": reminder.data.getlist("members") if reminder.is_bound else [],
    }
    if not form.is_valid():
        return render(request, "hr/overview.html", context, status=400)
    filters = form.filters
    completion = dashboard.completion_by_course(organisation, filters)
    enrolled, completed, rate = dashboard.overall_rate(completion)
    expiring = dashboard.nearest_expiring(organisation, course_id=filters.course_id, today=today)
    paginator = Paginator(dashboard.behind_schedule(organisation, course_id=filters.course_id, today=today), PAGE_SIZE)
    number = _page_number(request.GET.get("page"))
    page = paginator.page(number if number <= paginator.num_pages else 1)
    behind = dashboard.behind_rows(page.object_list, today=today)
    security = dashboard.security_training_counts(organisation, today=today)
    # 접속기록 (DOMAIN-KR §5.3): the members listed behind schedule and the holders of the certificates shown.
    personal_data_access_record(
        actor=request.user,
        action=Action.VIEW,
        subjects=[row.enrolment.user_id for row in behind] + [c.enrolment.user_id for c in expiring],
        object_type="hr.overview",
        object_id=organisation.pk,
    )
    context.update(
        {
            "filters": filters,
            "period_first": dashboard.month_label(filters.period.first),
            "period_last": dashboard.month_label(filters.period.last),
            "filter_query": _filter_query(request, organisation),
            "completion_chart": dashboard.completion_chart(completion),
            "enrolled": enrolled,
            "completed": completed,
            "rate": rate,
            "monthly_chart": dashboard.monthly_chart(
                filters.period,
                dashboard.started_by_month(organisation, filters),
                dashboard.completed_by_month(organisation, filters),
            ),
            "security_chart": dashboard.security_chart(security),
            "security": security,
            "funded": dashboard.funded_status(organisation, filters, today=today),
            "expiry_chart": dashboard.expiry_chart(
                dashboard.expiry_by_month(organisation, course_id=filters.course_id, today=today), today=today
            ),
            "expiring": expiring,
            "behind": behind,
            "page_obj": page,
            "paginator": paginator,
        }
    )
    return render(request, "hr/overview.html", context, status=status)


@login_required
@require_POST
def remind(request):
    """Send a reminder to the chosen members; a refused one is the page again with the form's errors (400)."""
    organisation = _hr_organisation(request)
    if organisation is None:
        return _forbidden(request)
    form = ReminderForm(request.POST, organisation=organisation)
    if form.is_valid():
        try:
            sent = services.member_reminder_send(
                organisation=organisation,
                membership_ids=form.cleaned_data["members"],
                message=form.cleaned_data["message"],
                actor=request.user,
            )
        except services.ReminderError as error:
            form.add_error(None, str(error))
        else:
            chosen = len(form.cleaned_data["members"])
            if sent:
                messages.success(
                    request,
                    ngettext("A reminder was sent to %(n)s member.", "A reminder was sent to %(n)s members.", sent)
                    % {"n": sent},
                )
            if sent < chosen:
                messages.info(request, _("Members who already had this reminder today were not sent it again."))
            return redirect(f"/hr/overview/?{_filter_query(request, organisation)}#behind-heading")
    return _render(request, organisation, reminder=form, status=400)
