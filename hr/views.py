"""The HR area (/hr/): an organisation's HR staff see their own members, and nobody else's.

Every view starts from the organisations the user is HR of; anything outside them is a 404. The
staff MFA rule covers this area (its prefix is in ``ACADEMY_STAFF_PATH_PREFIXES``).
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts import services as account_services
from accounts.models import DeletionAttestation, Membership, Organisation
from common.exports import table_response
from common.uploads import UploadError, upload_bytes
from courses import services as course_services
from ops.privacy import Action, ExportReasonForm, personal_data_access_record

from . import selectors, services
from .forms import MAX_CSV_BYTES, ApiKeyForm, BulkEnrolForm, InviteForm, parse_enrolment_csv

PAGE_SIZE = 50


def _organisation(request) -> Organisation:
    """The organisation this HR user works on (``?org=`` when they are HR of several)."""
    organisations = selectors.hr_organisations(request.user)
    wanted = request.GET.get("org") or request.POST.get("org")
    if wanted:
        organisation = organisations.filter(public_id=wanted).first() if _is_uuid(wanted) else None
    else:
        organisation = organisations.order_by("name_ko").first()
    if organisation is None:
        raise Http404
    return organisation


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


@login_required
def dashboard(request):
    """소속 기업 교육 현황: members, their training, and certificates expiring soon."""
    organisation = _organisation(request)
    query = " ".join(request.GET.get("q", "").split())[:100]
    paginator = Paginator(selectors.memberships(organisation, query=query), PAGE_SIZE)
    try:
        number = int(request.GET.get("page") or 1)
    except ValueError:
        number = 1
    page = paginator.page(number if 1 <= number <= paginator.num_pages else 1)
    today = timezone.localdate()
    expiring = list(selectors.expiring_certificates(organisation, today=today))
    memberships = list(page.object_list)
    # 접속기록 (DOMAIN-KR §5.3): the members on this page and the holders of expiring certificates.
    personal_data_access_record(
        actor=request.user,
        action=Action.VIEW,
        subjects=[m.user_id for m in memberships] + [c.enrolment.user_id for c in expiring],
        object_type="hr.member_list",
        object_id=organisation.pk,
    )
    return render(
        request,
        "hr/dashboard.html",
        {
            "organisation": organisation,
            "organisations": selectors.hr_organisations(request.user),
            "rows": selectors.member_rows(memberships),
            "page_obj": page,
            "paginator": paginator,
            "query": query,
            "expiring": expiring,
            "today": today,
            "pending_attestations": list(
                DeletionAttestation.objects.pending().filter(organisation=organisation).order_by("requested_at")
            ),
        },
    )


@login_required
def member(request, membership_id):
    """One member's training record: enrolments with progress and completion, and certificates."""
    organisation = _organisation(request)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_id, organisation=organisation
    )
    personal_data_access_record(actor=request.user, action=Action.VIEW, subjects=[membership.user_id], obj=membership)
    return render(
        request,
        "hr/member.html",
        {
            "organisation": organisation,
            "membership": membership,
            "enrolments": selectors.member_enrolments(membership.user),
            "certificates": selectors.member_certificates(membership.user),
        },
    )


@login_required
def export(request, file_format):
    """The members' training records as CSV or XLSX. The file is personal data: a GET shows the
    form asking for the reason (DOMAIN-KR §5.3); the POST with a reason makes and logs the file,
    without one it is a 400 with the form again."""
    organisation = _organisation(request)
    file_format = "xlsx" if file_format == "xlsx" else "csv"
    form = ExportReasonForm(request.POST if request.method == "POST" else None)
    if request.method != "POST" or not form.is_valid():
        return render(
            request,
            "hr/export.html",
            {"organisation": organisation, "form": form, "file_format": file_format},
            status=400 if request.method == "POST" else 200,
        )
    header = [
        _("Korean name"),
        _("English name"),
        _("E-mail"),
        _("Course"),
        _("Run"),
        _("Status"),
        _("Progress (%)"),
        _("Completed on"),
        _("Certificate code"),
        _("Certificate status"),
        _("Expiry date"),
    ]
    rows = list(selectors.training_records(organisation))
    services.training_records_export_log(
        organisation=organisation,
        actor=request.user,
        file_format=file_format,
        row_count=len(rows),
        reason=form.cleaned_data["reason"],
        subjects=selectors.training_record_subjects(organisation),
    )
    return table_response(
        filename=f"training-records-{timezone.localdate():%Y%m%d}",
        header=header,
        rows=rows,
        file_format=file_format,
    )


@login_required
def invite(request):
    organisation = _organisation(request)
    form = InviteForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_send(organisation=organisation, email=form.cleaned_data["email"], actor=request.user)
        except services.ResendLimited as error:
            form.add_error("email", str(error))
            status = 429
        except services.InvitationError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect(f"/hr/?org={organisation.public_id}")
    response = render(
        request,
        "hr/invite.html",
        {"organisation": organisation, "form": form, "invitations": selectors.pending_invitations(organisation)},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = "3600"
    return response


def _pending_invitation(organisation: Organisation, invitation_id: int):
    """A pending employee invitation of this organisation, or 404 (another's does not exist for them)."""
    return get_object_or_404(selectors.pending_invitations(organisation), pk=invitation_id)


@login_required
@require_POST
def invitation_resend(request, invitation_id):
    """A new link (new token, new e-mail) for a pending invitation; rate-limited."""
    organisation = _organisation(request)
    invitation = _pending_invitation(organisation, invitation_id)
    try:
        services.invitation_resend(invitation=invitation, actor=request.user)
    except services.ResendLimited as error:
        messages.error(request, str(error))
        response = invite_page(request, organisation, status=429)
        response["Retry-After"] = "3600"
        return response
    except services.InvitationError as error:
        messages.error(request, str(error))
        return invite_page(request, organisation, status=400)
    messages.success(request, _("A new invitation was sent to %(email)s.") % {"email": invitation.email})
    return redirect(f"/hr/invite/?org={organisation.public_id}")


@login_required
def invitation_cancel(request, invitation_id):
    """Cancel a pending invitation: a confirmation page, then a POST."""
    organisation = _organisation(request)
    invitation = _pending_invitation(organisation, invitation_id)
    if request.method == "POST":
        try:
            services.invitation_cancel(invitation=invitation, actor=request.user)
        except services.InvitationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The invitation to %(email)s was cancelled.") % {"email": invitation.email})
        return redirect(f"/hr/invite/?org={organisation.public_id}")
    return render(request, "hr/invitation_cancel.html", {"organisation": organisation, "invitation": invitation})


def invite_page(request, organisation: Organisation, *, status: int = 200):
    return render(
        request,
        "hr/invite.html",
        {
            "organisation": organisation,
            "form": InviteForm(),
            "invitations": selectors.pending_invitations(organisation),
        },
        status=status,
    )


@login_required
def bulk_enrol(request):
    """Put members in a run from a CSV, by the course's enrolment policy: every row is checked
    first (format, membership, then the enrolment rules), and nothing is written while any row is
    refused."""
    organisation = _organisation(request)
    form = BulkEnrolForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            data = upload_bytes(form.cleaned_data["file"], max_bytes=MAX_CSV_BYTES)
        except UploadError as error:
            members, errors = [], [str(error)]
        else:
            members, errors = parse_enrolment_csv(data, organisation)
        if not errors:
            try:
                result = course_services.enrolments_bulk_request(
                    run=form.cleaned_data["run"], users=[member.user for member in members], actor=request.user
                )
            except course_services.BulkEnrolmentRefused as refused:
                _log_restricted_refusals(refused, run=form.cleaned_data["run"], actor=request.user, members=members)
                errors = [
                    _("Row %(row)s: %(email)s: %(reason)s")
                    % {"row": member.row, "email": member.user.email, "reason": reason}
                    for member in members
                    if (reason := refused.problems.get(member.user.pk))
                ]
            else:
                messages.success(request, bulk_enrolment_summary(result))
                return redirect(f"/hr/?org={organisation.public_id}")
    return render(request, "hr/bulk_enrol.html", {"organisation": organisation, "form": form, "errors": errors})


def _log_restricted_refusals(refused, *, run, actor, members) -> None:
    """A bulk file refused for a restricted course: each ineligible person's refusal is logged (F3.5)."""
    from django.db import transaction

    from courses.protection import restricted_access_log

    if not refused.restricted:
        return
    with transaction.atomic():
        for member in members:
            if key := refused.restricted.get(member.user.pk):
                restricted_access_log(
                    user=member.user,
                    action="enrol",
                    obj=run,
                    result=f"refused:{key}",
                    course=run.course,
                    data={"by": actor.pk, "bulk": True, "row": member.row},
                )


def bulk_enrolment_summary(result) -> str:
    """One sentence on what a bulk request did, e.g. "3 members enrolled, 1 on the waitlist."."""
    parts = []
    if n := len(result.enrolled):
        parts.append(ngettext("%(n)s member enrolled", "%(n)s members enrolled", n) % {"n": n})
    if n := len(result.waitlisted):
        parts.append(ngettext("%(n)s on the waitlist", "%(n)s on the waitlist", n) % {"n": n})
    if n := len(result.requested):
        parts.append(
            ngettext(
                "%(n)s request sent to the institute for approval",
                "%(n)s requests sent to the institute for approval",
                n,
            )
            % {"n": n}
        )
    if n := len(result.unchanged):
        parts.append(ngettext("%(n)s already enrolled or waiting", "%(n)s already enrolled or waiting", n) % {"n": n})
    return ", ".join(parts) + "."


def _key_id(value: str) -> int | None:
    """A key's id as posted by the revoke button, or None for anything that cannot be one."""
    if not (value.isascii() and value.isdigit()) or len(value) > 18:  # a bigint, never out of range
        return None
    return int(value) or None


@login_required
def api_keys(request):
    """API keys of the organisation, for the verification API with higher rate limits.

    A new key is shown once, right after it is made; only its hash is kept.
    """
    organisation = _organisation(request)
    form = ApiKeyForm(request.POST if request.POST.get("action") == "create" else None)
    new_key = ""
    if request.method == "POST":
        if request.POST.get("action") == "create" and form.is_valid():
            _row, new_key = account_services.api_key_create(
                organisation=organisation, name=form.cleaned_data["name"], actor=request.user
            )
            form = ApiKeyForm()
        elif request.POST.get("action") == "revoke":
            key_id = _key_id(request.POST.get("key", ""))
            key = organisation.api_keys.filter(pk=key_id).first() if key_id else None
            if key is None:
                # Not a key of this organisation, or not a key id at all ("abc"): said plainly, never a 500.
                messages.error(request, _("This API key does not exist, or belongs to another organisation."))
                return render(
                    request,
                    "hr/api_keys.html",
                    {"organisation": organisation, "keys": organisation.api_keys.all(), "form": form},
                    status=404 if key_id else 400,
                )
            account_services.api_key_revoke(api_key=key)
            messages.success(request, _("The key %(prefix)s… no longer works.") % {"prefix": key.prefix})
            return redirect(f"/hr/api-keys/?org={organisation.public_id}")
    return render(
        request,
        "hr/api_keys.html",
        {"organisation": organisation, "keys": organisation.api_keys.all(), "form": form, "new_key": new_key},
    )
