"""Forms of the HR area, and the check of an uploaded enrolment list before anything is written."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.models import Membership, Organisation
from common.uploads import UploadError, csv_rows, decode_text
from courses.models import CourseRun, EnrolmentPolicy

from .selectors import bulk_enrol_runs

MAX_CSV_ROWS = 2000
MAX_CSV_BYTES = 1024 * 1024


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Employee's e-mail"))


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("What will use the key"), max_length=100, help_text=gettext_lazy("e.g. HR system")
    )


class RunSelect(forms.Select):
    """Runs HR cannot enrol in (started, or no seat left) stay in the list, marked and disabled."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.disabled_values: set[str] = set()

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if str(value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


class BulkEnrolForm(forms.Form):
    run = forms.ModelChoiceField(label=gettext_lazy("Course run"), queryset=CourseRun.objects.none(), widget=RunSelect)
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("One e-mail address per row in the first column; a header row 'email' is allowed."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["run"].queryset = (
            CourseRun.objects.current()
            .filter(course__live=True)
            .select_related("course")
            .order_by("course__title", "starts_on")
        )
        self.runs = bulk_enrol_runs(self.fields["run"].queryset)
        by_pk = {run.pk: run for run in self.runs}
        self.fields["run"].label_from_instance = lambda run: run_choice_label(by_pk.get(run.pk, run))
        self.fields["run"].widget.disabled_values = {str(run.pk) for run in self.runs if run.closed_reason}
        # The choices are built from the runs already read, not by a second query.
        self.fields["run"].choices = [("", "---------")] + [(run.pk, run_choice_label(run)) for run in self.runs]

    def clean_run(self):
        run = self.cleaned_data["run"]
        closed = next((r.closed_reason for r in self.runs if r.pk == run.pk), "")
        if closed:
            raise forms.ValidationError(
                _("Members cannot be enrolled in this run: %(reason)s. Choose another run.") % {"reason": closed}
            )
        return run


def run_choice_label(run: CourseRun) -> str:
    """A run as HR picks it: start date, seats left, whether it is closed or full, and what enrolling
    in it means when the course is not open."""
    label = f"{run.course.title} · {run.title} ({run.starts_on:%Y.%m.%d})"
    if closed := getattr(run, "closed_reason", ""):
        return _("%(run)s · closed: %(reason)s") % {"run": label, "reason": closed}
    if getattr(run, "is_full", False):
        label += " · " + _("no seats left: members go on the waitlist")
    elif (seats := getattr(run, "seats_left", None)) is not None:
        label += " · " + ngettext("%(n)s seat left", "%(n)s seats left", seats) % {"n": seats}
    if run.course.enrolment_policy == EnrolmentPolicy.APPROVAL:
        label += " · " + _("the institute approves each request")
    elif run.course.enrolment_policy == EnrolmentPolicy.INVITATION:
        label += " · " + _("by invitation: the institute decides each request")
    return label


@dataclass
class CsvMember:
    row: int
    user: object


def parse_enrolment_csv(data: bytes, organisation: Organisation) -> tuple[list[CsvMember], list[str]]:
    """Every row checked before anything is written: the members to enrol and the errors by row.

    The members come with the number of the row they are on, for the enrolment rules' answers.
    """
    errors: list[str] = []
    if len(data) > MAX_CSV_BYTES:
        return [], [_("The file is larger than %(size)s.") % {"size": filesizeformat(MAX_CSV_BYTES)}]
    try:
        rows = [values for _number, values in csv_rows(decode_text(data))]
    except UploadError as error:
        return [], [str(error)]
    if len(rows) > MAX_CSV_ROWS + 1:
        return [], [_("At most %(n)s rows can be enrolled at once.") % {"n": MAX_CSV_ROWS}]
    by_email = {
        m.user.email.lower(): m.user
        for m in Membership.objects.filter(organisation=organisation).select_related("user")
    }
    members: list[CsvMember] = []
    seen = set()
    validator = forms.EmailField()
    for number, row in enumerate(rows, start=1):
        value = (row[0] if row else "").strip()
        if number == 1 and value.lower() in ("email", "e-mail", "이메일"):
            continue
        if not value:
            continue
        try:
            validator.clean(value)
        except forms.ValidationError:
            errors.append(
                _("Row %(row)s: “%(value)s” is not an e-mail address.") % {"row": number, "value": value[:80]}
            )
            continue
        user = by_email.get(value.lower())
        if user is None:
            errors.append(
                _("Row %(row)s: %(email)s is not a member of %(organisation)s. Invite them first.")
                % {"row": number, "email": value, "organisation": organisation}
            )
        elif value.lower() in seen:
            errors.append(_("Row %(row)s: %(email)s appears twice.") % {"row": number, "email": value})
        else:
            seen.add(value.lower())
            members.append(CsvMember(row=number, user=user))
    if not members and not errors:
        errors.append(_("The file contains no e-mail address."))
    return members, errors
