"""The staff screen of a funded run's 공단 reports (*Course runs → run → EMON reports*): counts and
rows by state, each row's payload as it is (or was) sent, and a resend of the rows in error.

Who may see it is the ``CourseRun`` institute policy (``courses.viewsets.InstituteStaffViewSet``):
the staff of the run's institute; another institute's run, or an unfunded one, is a 404.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import CourseRun
from courses.selectors import staff_runs
from courses.viewsets import InstituteStaffViewSet, StaffView

from ..models import EmonRecord
from .payloads import wire_row
from .sending import emon_resend

#: Rows listed at once (the newest first); the counts cover them all.
SHOWN = 200


class RunEmonMixin:
    def setup_objects(self, run_id):
        self.run = get_object_or_404(
            staff_runs(self.request.user).filter(emp_ins_flag__gt=0).select_related("course"), pk=run_id
        )


class RunEmonView(RunEmonMixin, StaffView):
    template_name = "compliance/admin/run_emon.html"
    header_icon = "upload"

    def get_page_title(self):
        return _("EMON reports: %(run)s") % {"run": self.run}

    def get(self, request, run_id):
        state = request.GET.get("state", "")
        if state not in EmonRecord.State.values:
            state = ""
        counts = dict(
            EmonRecord.objects.for_run(self.run).values_list("state").annotate(n=Count("seq")).values_list("state", "n")
        )
        rows = EmonRecord.objects.for_run(self.run).order_by("-seq")
        if state:
            rows = rows.filter(state=state)
        shown = [(row, json.dumps(wire_row(row), ensure_ascii=False, indent=1)) for row in rows[:SHOWN]]
        return self.render(
            run=self.run,
            states=[(value, label, counts.get(value, 0)) for value, label in EmonRecord.State.choices],
            state=state,
            rows=shown,
            errors=counts.get(EmonRecord.State.ERROR, 0),
        )


class RunEmonResendView(RunEmonMixin, StaffView):
    http_method_names = ["post"]

    def post(self, request, run_id):
        count = emon_resend(run=self.run, actor=request.user)
        if count:
            messages.success(request, _("%(count)s rows in error will be sent again.") % {"count": count})
        else:
            messages.info(request, _("No row is in error."))
        return redirect("emon_reports:run", self.run.pk)


class EmonReportsViewSet(InstituteStaffViewSet):
    """A funded run's EMON rows; linked from the run's page, no menu item of its own."""

    model = CourseRun
    name = "emon_reports"
    url_prefix = "compliance"
    icon = "upload"
    menu_label = gettext_lazy("EMON reports")
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return [
            path("runs/<int:run_id>/emon/", self.construct_view(RunEmonView), name="run"),
            path("runs/<int:run_id>/emon/resend/", self.construct_view(RunEmonResendView), name="resend"),
        ]
