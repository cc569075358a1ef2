"""The instructor dashboard of one run, in the Wagtail admin (``/cms/dashboards/runs/<id>/``).

Who opens it is the runs' permission policy's answer ("change", as for the gradebook): the
instructors and managers of the run's institute, and administrators. Another institute's run is a
404. Its one form sends a reminder to chosen trainees of the run (``instructor_services``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from courses.models import CourseRun, Enrolment
from courses.selectors import staff_runs
from courses.viewsets import InstituteStaffViewSet, StaffView
from ops.privacy import Action, personal_data_access_record

from . import instructor_services
from .instructor_presenters import run_dashboard


class ReminderForm(forms.Form):
    enrolments = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Trainees"),
        queryset=Enrolment.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Choose at least one trainee."),
            "invalid_choice": gettext_lazy("Choose trainees who are studying in this run."),
            "invalid_pk_value": gettext_lazy("Choose trainees who are studying in this run."),
        },
    )
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=instructor_services.SUBJECT_MAX)
    message = forms.CharField(
        label=pgettext_lazy("a message with a subject", "Message"),
        max_length=instructor_services.MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Shown in the trainees' notifications and sent by e-mail to those who want reminders by e-mail."
        ),
    )

    def __init__(self, *args, run: CourseRun, **kwargs):
        kwargs.setdefault(
            "initial", {"subject": _("%(course)s: a reminder from your instructor") % {"course": run.course.title}}
        )
        super().__init__(*args, **kwargs)
        # Only studying trainees of this run: any other id is a field error, never a message sent.
        self.fields["enrolments"].queryset = Enrolment.objects.filter(run=run, status=Enrolment.Status.ACTIVE)


class RunDashboardView(StaffView):
    """진도 현황, scores, trainees to watch, attendance and item analysis of one run."""

    template_name = "dashboards/instructor_dashboard.html"
    header_icon = "view"

    def setup_objects(self, run_id):
        self.run = get_object_or_404(staff_runs(self.request.user), pk=run_id)

    def get_page_title(self):
        return _("Run dashboard: %(course)s %(run)s") % {"course": self.run.course.title, "run": self.run.title}

    def get(self, request, run_id):
        return self.dashboard(ReminderForm(run=self.run))

    def post(self, request, run_id):
        form = ReminderForm(request.POST, run=self.run)
        if form.is_valid():
            try:
                sent = instructor_services.run_trainees_remind(
                    run=self.run,
                    actor=request.user,
                    enrolments=list(form.cleaned_data["enrolments"]),
                    subject=form.cleaned_data["subject"],
                    message=form.cleaned_data["message"],
                )
            except instructor_services.ReminderError:
                form.add_error("enrolments", _("Choose trainees who are studying in this run."))
            else:
                messages.success(request, _("Reminder sent to %(n)s trainees.") % {"n": sent})
                return redirect(reverse("run_dashboard:run", args=[self.run.pk]) + "#watch")
        return self.dashboard(form, status=400)

    def dashboard(self, form, status=200):
        context = run_dashboard(self.run)
        personal_data_access_record(
            actor=self.request.user,
            action=Action.VIEW,
            subjects=[watch.enrolment.user_id for watch in context["watched"]],
            object_type="dashboards.run",
            object_id=self.run.pk,
        )
        response = self.render(**context, form=form)
        response.status_code = status
        return response


class RunDashboardViewSet(InstituteStaffViewSet):
    """The run dashboard, reached from a run's page, the runs' listing and the gradebook."""

    model = CourseRun
    name = "run_dashboard"
    url_prefix = "dashboards"
    icon = "view"
    menu_label = gettext_lazy("Run dashboards")
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return [path("runs/<int:run_id>/", self.construct_view(RunDashboardView), name="run")]
