"""The HR area (/hr/): an organisation's HR staff see their own members, and nobody else's.

Every view starts from the organisations the user is HR of; anything outside them is a 404. The
staff MFA rule covers this area (its prefix is in ``ACADEMY_STAFF_PATH_PREFIXES``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accounts import services as account_services
from accounts.models import Membership, Organisation
from certificates.models import Certificate
from certificates.status import certificate_status
from courses import services as course_services
from courses.exports import table_response
from courses.models import CourseRun, Enrolment, EnrolmentPolicy
from courses.uploads import UploadError, csv_rows, decode_text, upload_bytes

from . import hr_services

PAGE_SIZE = 50
MAX_CSV_ROWS = 2000
MAX_CSV_BYTES = 1024 * 1024
EXPIRING_DAYS = 90


def _organisation(request) -> Organisation:
    """The organisation this HR user works on (``?org=`` when they are HR of several)."""
    organisations = Organisation.objects.filter(memberships__user=request.user, memberships__role=Membership.Role.HR)
    wanted = request.GET.get("org") or request.POST.get("org")
    if wanted:
        organisation = organisations.filter(public_id=wanted).first() if _is_uuid(wanted) else None
    else:
        organisation = organisations.order_by("name_ko").first()
    if organisation is None:
        raise Http404
    return organisation


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


@dataclass
class MemberRow:
    membership: Membership
    studying: int = 0
    completed: int = 0
    certificates: list = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        """A revoked or expired certificate: the row is highlighted (the badge says which)."""
        return any(status in ("revoked", "expired") for _certificate, status in self.certificates)


def _member_rows(memberships: list[Membership]) -> list[MemberRow]:
    """Counts and certificates for a page of members, in two queries whatever the page size."""
    users = [m.user_id for m in memberships]
    counts = {
        row["user_id"]: row
        for row in Enrolment.objects.filter(user_id__in=users)
        .values("user_id")
        .annotate(
            studying=Count("pk", filter=Q(status=Enrolment.Status.ACTIVE)),
            completed=Count("pk", filter=Q(status=Enrolment.Status.COMPLETED)),
        )
    }
    certificates: dict[int, list] = {}
    today = timezone.localdate()
    for certificate in (
        Certificate.objects.filter(enrolment__user_id__in=users).select_related("enrolment").order_by("-completed_on")
    ):
        certificates.setdefault(certificate.enrolment.user_id, []).append(
            (certificate, certificate_status(certificate, today=today))
        )
    rows = []
    for membership in memberships:
        row = MemberRow(membership=membership, certificates=certificates.get(membership.user_id, []))
        if membership.user_id in counts:
            row.studying = counts[membership.user_id]["studying"]
            row.completed = counts[membership.user_id]["completed"]
        rows.append(row)
    return rows


@login_required
def dashboard(request):
    """소속 기업 교육 현황: members, their training, and certificates expiring soon."""
    organisation = _organisation(request)
    query = " ".join(request.GET.get("q", "").split())[:100]
    memberships = (
        Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__name_ko", "pk")
    )
    if query:
        memberships = memberships.filter(
            Q(user__name_ko__icontains=query) | Q(user__name_en__icontains=query) | Q(user__email__icontains=query)
        )
    paginator = Paginator(memberships, PAGE_SIZE)
    try:
        number = int(request.GET.get("page") or 1)
    except ValueError:
        number = 1
    page = paginator.page(number if 1 <= number <= paginator.num_pages else 1)
    today = timezone.localdate()
    expiring = (
        Certificate.objects.filter(
            enrolment__user__memberships__organisation=organisation,
            state=Certificate.State.ISSUED,
            expires_on__gte=today,
            expires_on__lte=today + timezone.timedelta(days=EXPIRING_DAYS),
        )
        .select_related("enrolment__user")
        .order_by("expires_on")[:200]
    )
    return render(
        request,
        "home/hr/dashboard.html",
        {
            "organisation": organisation,
            "organisations": Organisation.objects.filter(memberships__user=request.user, memberships__role="hr"),
            "rows": _member_rows(list(page.object_list)),
            "page_obj": page,
            "paginator": paginator,
            "query": query,
            "expiring": expiring,
            "today": today,
        },
    )


@login_required
def member(request, membership_id):
    """One member's training record: enrolments with progress and completion, and certificates."""
    organisation = _organisation(request)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_id, organisation=organisation
    )
    enrolments = Enrolment.objects.filter(user=membership.user).select_related("run__course").order_by("-created_at")
    certificates = Certificate.objects.filter(enrolment__user=membership.user).order_by("-completed_on")
    return render(
        request,
        "home/hr/member.html",
        {
            "organisation": organisation,
            "membership": membership,
            "enrolments": enrolments,
            "certificates": [(c, certificate_status(c)) for c in certificates],
        },
    )


def _records(organisation: Organisation):
    """Training records of every member: one row per enrolment (members without one get a row too)."""
    enrolments = (
        Enrolment.objects.filter(user__memberships__organisation=organisation)
        .select_related("user", "run__course", "certificate")
        .order_by("user__name_ko", "user_id", "-created_at")
    )
    for enrolment in enrolments.iterator(chunk_size=2000):
        certificate = getattr(enrolment, "certificate", None)
        yield [
            enrolment.user.name_ko,
            enrolment.user.name_en,
            enrolment.user.email,
            enrolment.run.course.title,
            enrolment.run.title,
            str(enrolment.get_status_display()),
            enrolment.progress_percent,
            timezone.localtime(enrolment.completed_at).strftime("%Y-%m-%d") if enrolment.completed_at else "",
            certificate.code if certificate else "",
            # str(): the label is a lazy translation, which openpyxl cannot write (a 500 for every XLSX).
            str(certificate_status(certificate).label) if certificate else "",
            certificate.expires_on.isoformat() if certificate and certificate.expires_on else "",
        ]


@login_required
def export(request, file_format):
    organisation = _organisation(request)
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
    return table_response(
        filename=f"training-records-{timezone.localdate():%Y%m%d}",
        header=header,
        rows=_records(organisation),
        file_format="xlsx" if file_format == "xlsx" else "csv",
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Employee's e-mail"))


@login_required
def invite(request):
    organisation = _organisation(request)
    form = InviteForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            hr_services.invitation_send(organisation=organisation, email=form.cleaned_data["email"], actor=request.user)
        except hr_services.ResendLimited as error:
            form.add_error("email", str(error))
            status = 429
        except hr_services.InvitationError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect(f"/hr/?org={organisation.public_id}")
    response = render(
        request,
        "home/hr/invite.html",
        {"organisation": organisation, "form": form, "invitations": hr_services.pending_invitations(organisation)},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = "3600"
    return response


def _pending_invitation(organisation: Organisation, invitation_id: int):
    """A pending employee invitation of this organisation, or 404 (another's does not exist for them)."""
    return get_object_or_404(hr_services.pending_invitations(organisation), pk=invitation_id)


@login_required
@require_POST
def invitation_resend(request, invitation_id):
    """A new link (new token, new e-mail) for a pending invitation; rate-limited."""
    organisation = _organisation(request)
    invitation = _pending_invitation(organisation, invitation_id)
    try:
        hr_services.invitation_resend(invitation=invitation, actor=request.user)
    except hr_services.ResendLimited as error:
        messages.error(request, str(error))
        response = invite_page(request, organisation, status=429)
        response["Retry-After"] = "3600"
        return response
    except hr_services.InvitationError as error:
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
            hr_services.invitation_cancel(invitation=invitation, actor=request.user)
        except hr_services.InvitationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The invitation to %(email)s was cancelled.") % {"email": invitation.email})
        return redirect(f"/hr/invite/?org={organisation.public_id}")
    return render(request, "home/hr/invitation_cancel.html", {"organisation": organisation, "invitation": invitation})


def invite_page(request, organisation: Organisation, *, status: int = 200):
    return render(
        request,
        "home/hr/invite.html",
        {
            "organisation": organisation,
            "form": InviteForm(),
            "invitations": hr_services.pending_invitations(organisation),
        },
        status=status,
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


def bulk_enrol_runs(queryset, *, today=None) -> list[CourseRun]:
    """The runs HR may pick from, seats counted in one query; each with ``seats_left`` (None: no
    limit), ``is_full`` and ``closed_reason`` ("" when members can be put in it).

    A run that has started is closed. A full run stays open: members go on its waitlist, which
    promotes them when a seat frees (the label says so).
    """
    today = today or timezone.localdate()
    runs = list(
        queryset.annotate(seats_taken=Count("enrolments", filter=Q(enrolments__status__in=Enrolment.SEAT_HOLDING)))
    )
    for run in runs:
        run.seats_left = None if run.capacity is None else max(0, run.capacity - run.seats_taken)
        run.is_full = run.seats_left == 0
        run.closed_reason = _("already started") if run.starts_on <= today else ""
    return runs


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
                errors = [
                    _("Row %(row)s: %(email)s: %(reason)s")
                    % {"row": member.row, "email": member.user.email, "reason": reason}
                    for member in members
                    if (reason := refused.problems.get(member.user.pk))
                ]
            else:
                messages.success(request, bulk_enrolment_summary(result))
                return redirect(f"/hr/?org={organisation.public_id}")
    return render(request, "home/hr/bulk_enrol.html", {"organisation": organisation, "form": form, "errors": errors})


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


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("What will use the key"), max_length=100, help_text=gettext_lazy("e.g. HR system")
    )


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
                    "home/hr/api_keys.html",
                    {"organisation": organisation, "keys": organisation.api_keys.all(), "form": form},
                    status=404 if key_id else 400,
                )
            account_services.api_key_revoke(api_key=key)
            messages.success(request, _("The key %(prefix)s… no longer works.") % {"prefix": key.prefix})
            return redirect(f"/hr/api-keys/?org={organisation.public_id}")
    return render(
        request,
        "home/hr/api_keys.html",
        {"organisation": organisation, "keys": organisation.api_keys.all(), "form": form, "new_key": new_key},
    )
