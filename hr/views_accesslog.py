"""/hr/access-log/: the restricted-access log of the organisation's people (F3.5), its CSV and
signed-PDF exports, and the form that verifies an exported PDF (``compliance.accesslog`` does the work).

The log names people (name, e-mail, address), so its pages follow DOMAIN-KR §5.3 like the other HR
screens: the list records a VIEW of the people whose entries the page shows (and of the person
filtered on); an export is a POST of ``ExportReasonForm`` (the GET link opens that form, carrying the
filter), a POST without a reason is a 400 with no file, and the file is recorded as an EXPORT of
everyone it names, with the reason. The person menu of the filter lists the organisation's members
(the HR member list's people, logged there); picking one is what the VIEW then records."""

from __future__ import annotations

import datetime
import hashlib

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.models import Membership
from common.exports import csv_response, csv_text
from compliance import accesslog
from ops.privacy import Action, ExportReasonForm, personal_data_access_record

from .views import _organisation

PAGE_SIZE = 100
MAX_DAYS = 3 * 366  # 실태조사 asks about the last years; a longer span is a mistake
MAX_PDF_BYTES = 20 * 1024 * 1024


class AccessLogFilterForm(forms.Form):
    date_from = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    person = forms.TypedChoiceField(label=gettext_lazy("Person"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        members = (
            Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__name_ko", "pk")
        )
        self.fields["person"].choices = [("", _("Everyone"))] + [
            (m.user_id, f"{m.user.name_ko} ({m.user.email})") for m in members
        ]

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        date_to = cleaned.get("date_to") or today
        date_from = cleaned.get("date_from") or date_to - datetime.timedelta(days=90)
        if date_from > date_to:
            raise forms.ValidationError(_("The start of the period is after its end."))
        if (date_to - date_from).days > MAX_DAYS:
            raise forms.ValidationError(_("Choose a period of at most three years."))
        cleaned["date_from"], cleaned["date_to"] = date_from, date_to
        return cleaned


def _filter(data, organisation):
    """The filter form of ``data`` (the list's query string, or the export form's POST) and its
    ``LogFilter`` (None when the form is invalid)."""
    form = AccessLogFilterForm(data or None, organisation=organisation)
    if data and not form.is_valid():
        return form, None
    if not data:
        form = AccessLogFilterForm({}, organisation=organisation)
        form.is_valid()
    data = form.cleaned_data
    return form, accesslog.LogFilter(
        organisation_id=organisation.pk,
        date_from=data["date_from"],
        date_to=data["date_to"],
        person_id=data.get("person"),
    )


def _query(request, organisation) -> str:
    """The filter as a query string (for the export links and the pages), always naming the organisation."""
    query = request.GET.copy()
    query.pop("page", None)
    query["org"] = str(organisation.public_id)
    return query.urlencode()


@login_required
def access_log(request):
    """제한 과정 접근 기록: the entries of the organisation's people, filtered by period and person."""
    organisation = _organisation(request)
    form, log_filter = _filter(request.GET, organisation)
    page = rows = None
    if log_filter is not None:
        paginator = Paginator(accesslog.access_events(log_filter), PAGE_SIZE)
        try:
            number = int(request.GET.get("page") or 1)
        except ValueError:
            number = 1
        page = paginator.page(number if 1 <= number <= paginator.num_pages else 1)
        events = list(page.object_list)
        rows = accesslog.rows(events)
        # 접속기록 (DOMAIN-KR §5.3): the people this page names, and the person asked for.
        personal_data_access_record(
            actor=request.user,
            action=Action.VIEW,
            subjects=[e.subject_user_id for e in events] + [log_filter.person_id],
            object_type="hr.access_log",
            object_id=organisation.pk,
        )
    return render(
        request,
        "hr/access_log.html",
        {
            "organisation": organisation,
            "form": form,
            "page_obj": page,
            "rows": rows,
            "header": accesslog.header(),
            "query": _query(request, organisation),
        },
        status=200 if log_filter is not None else 400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def access_log_export(request, file_format: str):
    """CSV or signed PDF of the filtered entries. A GET shows the form asking for the reason (with
    the filter); the POST with a reason makes the file and logs it (the audit trail and the
    personal-data access log), without one it is a 400 with the form again and no file."""
    organisation = _organisation(request)
    posted = request.method == "POST"
    filter_form, log_filter = _filter(request.POST if posted else request.GET, organisation)
    if log_filter is None or file_format not in ("csv", "pdf"):
        return HttpResponse(_("Choose a valid period."), status=400, content_type="text/plain; charset=utf-8")
    form = ExportReasonForm(request.POST if posted else None)
    if not posted or not form.is_valid():
        person = dict(filter_form.fields["person"].choices).get(log_filter.person_id, "")
        return render(
            request,
            "hr/access_log_export.html",
            {
                "organisation": organisation,
                "form": form,
                "file_format": file_format,
                "log_filter": log_filter,
                "person": person,
            },
            status=400 if posted else 200,
        )
    reason = form.cleaned_data["reason"]
    export = accesslog.export_prepare(log_filter)
    filename = f"access-log-{log_filter.date_from:%Y%m%d}-{log_filter.date_to:%Y%m%d}"
    if file_format == "csv":
        accesslog.export_log(
            export=export, organisation=organisation, actor=request.user, file_format="csv", reason=reason
        )
        content = csv_text(header=accesslog.header(), rows=export.table)
        content += f"# HMAC-SHA256 {export.mac} · audit chain head {export.chain_head}\n"
        return csv_response(filename=filename, content=content)
    pdf = accesslog.export_pdf(export=export, organisation=organisation, actor=request.user)
    accesslog.export_log(
        export=export,
        organisation=organisation,
        actor=request.user,
        file_format="pdf",
        reason=reason,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


class VerifyForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Exported PDF"))


@login_required
@require_http_methods(["GET", "POST"])
def access_log_verify(request):
    """Is this PDF an unchanged access-log export of our organisation?"""
    organisation = _organisation(request)
    form = VerifyForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_PDF_BYTES:
                form.add_error("file", _("The file is too large to be an access-log export."))
                status = 400
            else:
                result = accesslog.verify_pdf(content=upload.read(), organisation=organisation)
        else:
            status = 400
    return render(
        request,
        "hr/access_log_verify.html",
        {"organisation": organisation, "form": form, "result": result},
        status=status,
    )
