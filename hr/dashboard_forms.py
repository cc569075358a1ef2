"""The HR dashboard's two forms: the filters (GET) and the reminder to chosen members (POST)."""

from __future__ import annotations

import datetime
import re

from dateutil.relativedelta import relativedelta
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, Organisation

from .dashboard import MAX_MONTHS, Filters, Period

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
#: At most this many members in one reminder.
MAX_REMINDER_MEMBERS = 500
MAX_REMINDER_LENGTH = 200


class MonthInput(forms.TextInput):
    input_type = "month"


def _month(value: str) -> datetime.date:
    match = MONTH.match(value.strip())
    if not match or not (2000 <= int(match[1]) <= 2100 and 1 <= int(match[2]) <= 12):
        raise forms.ValidationError(_("Enter a month as YYYY-MM, e.g. 2026-03."), code="month")
    return datetime.date(int(match[1]), int(match[2]), 1)


class OverviewFilterForm(forms.Form):
    """Course and period (whole months). Empty fields take the defaults: every course, the last 12 months."""

    course = forms.TypedChoiceField(label=_("Course"), required=False, coerce=int, empty_value=None)
    start = forms.CharField(label=_("From (month)"), required=False, max_length=7, widget=MonthInput)
    end = forms.CharField(label=_("To (month)"), required=False, max_length=7, widget=MonthInput)

    def __init__(self, data, *, courses: list[tuple[int, str]], today: datetime.date):
        super().__init__(data)
        self.today = today
        self.fields["course"].choices = [("", _("All courses"))] + [(str(pk), title) for pk, title in courses]
        default = Period.default(today)
        self.fields["start"].widget.attrs["placeholder"] = f"{default.first:%Y-%m}"
        self.fields["end"].widget.attrs["placeholder"] = f"{default.last:%Y-%m}"

    def clean_start(self):
        value = self.cleaned_data["start"]
        return _month(value) if value else None

    def clean_end(self):
        value = self.cleaned_data["end"]
        return _month(value) if value else None

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        default = Period.default(self.today)
        start, end = data.get("start"), data.get("end")
        if start and not end:
            end = min(start + relativedelta(months=11), default.last)
            end = max(end, start)
        elif end and not start:
            start = end - relativedelta(months=11)
        start, end = start or default.first, end or default.last
        if start > end:
            self.add_error("end", _("The last month comes before the first."))
        elif len(Period(start, end).months) > MAX_MONTHS:
            self.add_error("end", _("Choose at most %(n)s months.") % {"n": MAX_MONTHS})
        else:
            data["period"] = Period(start, end)
        return data

    @property
    def filters(self) -> Filters:
        """The chosen filters (call after ``is_valid()``)."""
        return Filters(period=self.cleaned_data["period"], course_id=self.cleaned_data.get("course"))


class MemberIdsField(forms.Field):
    """The ``members`` checkboxes: membership ids (checked against the organisation by the form)."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else ([value] if value else [])
        ids = []
        for item in values:
            item = str(item).strip()
            if not (item.isascii() and item.isdigit()) or len(item) > 18:
                raise forms.ValidationError(_("Choose members from the list."), code="invalid")
            ids.append(int(item))
        return list(dict.fromkeys(ids))

    def validate(self, value):
        if not value:
            raise forms.ValidationError(_("Choose at least one member."), code="required")
        if len(value) > MAX_REMINDER_MEMBERS:
            raise forms.ValidationError(
                _("Choose at most %(n)s members at once.") % {"n": MAX_REMINDER_MEMBERS}, code="max"
            )


class ReminderForm(forms.Form):
    members = MemberIdsField(label=_("Members"))
    message = forms.CharField(
        label=_("Message"),
        max_length=MAX_REMINDER_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent in the app and by e-mail to each chosen member, with a link to their learning page."),
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_message(self):
        message = " ".join(self.cleaned_data["message"].split())
        if not message:
            raise forms.ValidationError(_("Write the message."), code="required")
        return message

    def clean_members(self):
        ids = self.cleaned_data["members"]
        found = dict(Membership.objects.filter(organisation=self.organisation, pk__in=ids).values_list("pk", "user_id"))
        if len(found) != len(ids):
            raise forms.ValidationError(_("Some of the chosen people are not members of your organisation."))
        self.user_ids = [found[pk] for pk in ids]
        return ids
