"""Security training on /hr/ (보안교육 이수 현황, DOMAIN-KR §3.3 F3.6): the members who are due or
overdue, the organisation's policy per role, and the external completions waiting for approval.

Every view starts from the organisations the user is HR staff of (``?org=`` picks one); anything of
another organisation is a 404, the certificate file included. The lists record a VIEW of the members
they show, and opening a certificate a DOWNLOAD of its holder, on the personal-data access log
(DOMAIN-KR §5.3; ``compliance.security_training.external_training_certificate_opened``). The policy page is also open to
administrators (superusers) for any organisation, since they set policies for organisations without
HR staff yet; the lists and the decisions stay with the organisation's HR, who hold the evidence.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Membership, Organisation
from compliance import security_training as sec
from compliance.forms_security import DecisionForm, PolicyForm
from compliance.models import ExternalSecurityTraining, ExternalTrainingStatus
from ops.privacy import Action, personal_data_access_record

from . import selectors

PAGE_SIZE = 50
#: The list's default: everyone who needs attention.
ATTENTION = (sec.TrainingState.OVERDUE, sec.TrainingState.NEVER, sec.TrainingState.DUE_SOON)
CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg"}


def _organisation(request, *, administrators: bool = False) -> Organisation:
    """The organisation this HR user works on (``?org=`` when they are HR of several); administrators
    may name any organisation where ``administrators`` is set."""
    organisations = selectors.hr_organisations(request.user)
    if administrators and request.user.is_superuser:
        organisations = Organisation.objects.all()
    wanted = request.GET.get("org") or request.POST.get("org")
    if wanted:
        try:
            uuid.UUID(str(wanted))
        except ValueError:
            raise Http404 from None
        organisation = organisations.filter(public_id=wanted).first()
    else:
        organisation = organisations.order_by("name_ko").first()
    if organisation is None:
        raise Http404
    return organisation


def _is_hr(user, organisation) -> bool:
    return selectors.hr_organisations(user).filter(pk=organisation.pk).exists()


@login_required
def overview(request):
    """보안교육 이수 현황: members with their state, the most urgent first; filters by state, role, name."""
    organisation = _organisation(request)
    now = timezone.now()
    state = request.GET.get("state", "attention")
    states = {
        "attention": ATTENTION,
        "all": (),
        **{value: (value,) for value in sec.TrainingState.values},
    }.get(state)
    if states is None:
        state, states = "attention", ATTENTION
    role = request.GET.get("role", "")
    role = role if role in Membership.Role.values else ""
    query = " ".join(request.GET.get("q", "").split())[:100]
    rows = sec.organisation_training(organisation, now=now, states=states, role=role, query=query)
    paginator = Paginator(rows, PAGE_SIZE)
    try:
        number = int(request.GET.get("page") or 1)
    except ValueError:
        number = 1
    page = paginator.page(number if 1 <= number <= paginator.num_pages else 1)
    # 접속기록 (DOMAIN-KR §5.3): the members this page shows.
    personal_data_access_record(
        actor=request.user,
        action=Action.VIEW,
        subjects=[row.membership.user_id for row in page.object_list],
        object_type="hr.security_training",
        object_id=organisation.pk,
    )
    counts = {value: 0 for value in sec.TrainingState.values}
    for row in sec.organisation_training(organisation, now=now):
        counts[row.status.state] += 1
    return render(
        request,
        "hr/security_training/overview.html",
        {
            "organisation": organisation,
            "organisations": selectors.hr_organisations(request.user),
            "rows": page.object_list,
            "page_obj": page,
            "paginator": paginator,
            "state": state,
            "state_choices": [("attention", _("Due, overdue or never")), ("all", _("All")), *sec.TrainingState.choices],
            "role": role,
            "role_choices": Membership.Role.choices,
            "query": query,
            "counts": [(label, counts[value], value) for value, label in sec.TrainingState.choices],
            "policies": [
                (label, months)
                for (value, label), months in zip(
                    Membership.Role.choices, sec.organisation_policies(organisation).values(), strict=True
                )
            ],
            "pending_count": ExternalSecurityTraining.objects.pending().filter(organisation=organisation).count(),
        },
    )


@login_required
def policy(request):
    """보안교육 주기: months between trainings per role, for the organisation's HR or an administrator."""
    organisation = _organisation(request, administrators=True)
    current = sec.organisation_policies(organisation)
    form = PolicyForm(request.POST or None, roles=Membership.Role.choices, initial_months=current)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                for role in Membership.Role.values:
                    sec.security_training_policy_set(
                        organisation=organisation,
                        role=role,
                        every_months=form.cleaned_data[f"months_{role}"],
                        actor=request.user,
                    )
            except sec.SecurityTrainingError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The security training policy was saved."))
                return redirect(f"/hr/security-training/policy/?org={organisation.public_id}")
        status = 400
    return render(
        request,
        "hr/security_training/policy.html",
        {
            "organisation": organisation,
            "form": form,
            "default_months": sec.default_months(),
            "is_hr": _is_hr(request.user, organisation),
        },
        status=status,
    )


def _external_page(request, organisation, *, form=None, failed=None, status=200):
    wanted = request.GET.get("status", ExternalTrainingStatus.PENDING)
    wanted = wanted if wanted in (*ExternalTrainingStatus.values, "all") else ExternalTrainingStatus.PENDING
    trainings = sec.external_trainings_for_hr(organisation, status="" if wanted == "all" else wanted)
    paginator = Paginator(trainings, PAGE_SIZE)
    try:
        number = int(request.GET.get("page") or 1)
    except ValueError:
        number = 1
    page = paginator.page(number if 1 <= number <= paginator.num_pages else 1)
    trainings_shown = list(page.object_list)
    personal_data_access_record(  # 접속기록 (DOMAIN-KR §5.3): the members whose submissions are shown
        actor=request.user,
        action=Action.VIEW,
        subjects=[training.user_id for training in trainings_shown],
        object_type="hr.security_training_external",
        object_id=organisation.pk,
    )
    return render(
        request,
        "hr/security_training/external.html",
        {
            "organisation": organisation,
            "trainings": trainings_shown,
            "page_obj": page,
            "paginator": paginator,
            "status": wanted,
            "status_choices": [*ExternalTrainingStatus.choices, ("all", _("All"))],
            "form": form or DecisionForm(),
            "failed": failed,
        },
        status=status,
    )


@login_required
def external(request):
    """External completions submitted to the organisation: pending first, with approve and reject."""
    return _external_page(request, _organisation(request))


@login_required
@require_POST
def external_decide(request, training_id: int):
    organisation = _organisation(request)
    training = get_object_or_404(ExternalSecurityTraining, pk=training_id, organisation=organisation)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            sec.external_training_decide(
                training_id=training.pk,
                organisation=organisation,
                actor=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except sec.SecurityTrainingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The decision was recorded and the member informed."))
            return redirect(f"/hr/security-training/external/?org={organisation.public_id}")
    return _external_page(request, organisation, form=form, failed=training.pk, status=400)


@login_required
def external_certificate(request, training_id: int):
    """The certificate of one external completion, inline, for the organisation's HR only (logged)."""
    organisation = _organisation(request)
    training = get_object_or_404(ExternalSecurityTraining, pk=training_id, organisation=organisation)
    sec.external_training_certificate_opened(training=training, actor=request.user)
    extension = training.certificate_type or "pdf"
    response = FileResponse(
        training.certificate.open("rb"),
        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
        as_attachment=False,
        filename=f"security-training-{training.pk}.{extension}",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
