"""대리수강 review queue (DOMAIN-KR §1.8) in the Wagtail admin: the proxy-learning flags of the user's
institutes' funded runs, each with its evidence (who, when, from which address, of which
organisation), decided 정상 / 의심 / 대리수강 확정 with a reason.

An :class:`~courses.viewsets.InstituteStaffViewSet` over ``ProxyFlag`` (its institute policy, by the
run's course, as the run's own policy answers): another institute's flag is a 404, a trainee or HR
gets no screen at all. The list costs a fixed number of queries whatever its length.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Membership
from courses.permissions import permitted_instances, policy_for
from courses.viewsets import InstituteStaffViewSet, StaffView

from . import proxy
from .models import ProxyFlag, ProxyFlagMember

#: The longest list shown at once (newest first); the filters narrow it.
LIST_LIMIT = 500


def _flags(user):
    """The flags the user may read: the runs' institute staff (instructors and managers)."""
    return permitted_instances(user, ProxyFlag, ["view", "change"]).select_related("run__course", "decided_by")


def _may_decide(user, flag: ProxyFlag) -> bool:
    """Deciding is the institute manager's (``manager_actions``): a 확정 voids scores and completion."""
    return policy_for(ProxyFlag).user_has_permission_for_instance(user, "change", flag)


def _flag_members(flags: list[ProxyFlag]) -> dict[int, list[ProxyFlagMember]]:
    """Each flag's members with their users and organisations, in three queries for any number of flags."""
    rows = list(
        ProxyFlagMember.objects.filter(flag__in=flags).select_related("enrolment__user").order_by("flag_id", "pk")
    )
    organisations: dict[int, list[str]] = defaultdict(list)
    for membership in Membership.objects.filter(user_id__in={r.enrolment.user_id for r in rows}).select_related(
        "organisation"
    ):
        organisations[membership.user_id].append(membership.organisation.name_ko)
    result: dict[int, list[ProxyFlagMember]] = defaultdict(list)
    for row in rows:
        row.organisations = organisations.get(row.enrolment.user_id, [])
        result[row.flag_id].append(row)
    return result


class QueueFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=gettext_lazy("State"),
        required=False,
        choices=[("", gettext_lazy("All states")), *ProxyFlag.State.choices],
    )


class ProxyQueueView(StaffView):
    """The queue, newest first; ``?state=`` narrows it (awaiting review by default)."""

    template_name = "compliance/admin/proxy_queue.html"
    page_title = gettext_lazy("Proxy learning")
    header_icon = "warning"

    def get(self, request):
        form = QueueFilterForm(request.GET if "state" in request.GET else {"state": ProxyFlag.State.PENDING})
        flags = _flags(request.user).order_by("-day", "-pk")
        if form.is_valid() and form.cleaned_data["state"]:
            flags = flags.filter(state=form.cleaned_data["state"])
        flags = list(flags[:LIST_LIMIT])
        members = _flag_members(flags)
        for flag in flags:
            flag.member_rows = members.get(flag.pk, [])
        return self.render(flags=flags, filter_form=form)


@dataclass
class EvidenceRow:
    """One member of a flag as the reviewer reads it."""

    member: ProxyFlagMember
    organisations: list[str]
    first_at: datetime.datetime | None
    last_at: datetime.datetime | None
    count: int
    kinds: list[str]
    addresses: list[str]


def _moment(value: str | None):
    if not value:
        return None
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        return None


KIND_LABELS = {
    "heartbeat": gettext_lazy("Study (heartbeat)"),
    "login": gettext_lazy("Login"),
    "submission": gettext_lazy("Assessment submitted"),
}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            (ProxyFlag.State.NORMAL, gettext_lazy("Normal (정상): nothing changes")),
            (ProxyFlag.State.SUSPICIOUS, gettext_lazy("Suspicious (의심): kept on record, nothing changes yet")),
            (
                ProxyFlag.State.CONFIRMED,
                gettext_lazy(
                    "Proxy learning confirmed (대리수강 확정): the chosen trainees' scores become 0 and their "
                    "completion is taken back"
                ),
            ),
        ],
        widget=forms.RadioSelect,
    )
    confirmed = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Trainees for whom proxy learning is confirmed"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=proxy.REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Why you decided so (kept with the flag and in the audit trail)."),
    )

    def __init__(self, *args, members: list[ProxyFlagMember], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirmed"].choices = [(m.enrolment_id, m.enrolment.user.name_ko) for m in members]

    def clean(self):
        data = super().clean()
        if data.get("decision") == ProxyFlag.State.CONFIRMED and not data.get("confirmed"):
            self.add_error("confirmed", _("Choose the trainees for whom proxy learning is confirmed."))
        return data


class ProxyFlagView(StaffView):
    """One flag: the evidence per trainee, and the decision form (a decided flag may be decided again)."""

    template_name = "compliance/admin/proxy_flag.html"
    header_icon = "warning"

    def setup_objects(self, flag_id):
        self.flag = get_object_or_404(_flags(self.request.user), pk=flag_id)
        self.members = _flag_members([self.flag]).get(self.flag.pk, [])

    def get_page_title(self):
        return _("Proxy learning: %(kind)s on %(day)s") % {
            "kind": self.flag.get_kind_display(),
            "day": self.flag.day.isoformat(),
        }

    def get(self, request, flag_id):
        initial = {"confirmed": [m.enrolment_id for m in self.members if m.confirmed]}
        return self.render_form(DecisionForm(members=self.members, initial=initial))

    def post(self, request, flag_id):
        if not _may_decide(request.user, self.flag):
            raise PermissionDenied
        form = DecisionForm(request.POST, members=self.members)
        if form.is_valid():
            try:
                proxy.proxy_flag_decide(
                    flag=self.flag,
                    state=form.cleaned_data["decision"],
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                    confirmed_enrolment_ids=form.cleaned_data["confirmed"],
                )
            except proxy.ProxyFlagError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The decision is recorded."))
                return redirect("proxy_learning:index")
        return self.render_form(form, status=400)

    def render_form(self, form, status=200):
        evidence = {item.get("enrolment"): item for item in self.flag.evidence or [] if isinstance(item, dict)}
        rows = []
        for member in self.members:
            item = evidence.get(member.enrolment_id, {})
            rows.append(
                EvidenceRow(
                    member=member,
                    organisations=member.organisations,
                    first_at=_moment(item.get("first_at")),
                    last_at=_moment(item.get("last_at")),
                    count=int(item.get("count") or 0),
                    kinds=[str(KIND_LABELS.get(k, k)) for k in item.get("kinds", [])],
                    addresses=list(item.get("addresses", [])),
                )
            )
        response = self.render(
            flag=self.flag, rows=rows, form=form, may_decide=_may_decide(self.request.user, self.flag)
        )
        response.status_code = status
        return response


class ProxyQueueViewSet(InstituteStaffViewSet):
    """대리수강 검토: the review queue of the proxy-learning signals of funded runs."""

    model = ProxyFlag
    #: The institute's staff read the queue; deciding is its managers' (``_may_decide``).
    permission_required = "view"
    name = "proxy_learning"
    url_prefix = "compliance/proxy"
    icon = "warning"
    menu_label = gettext_lazy("Proxy learning")
    menu_order = 224

    def get_urlpatterns(self):
        return [
            path("", self.construct_view(ProxyQueueView), name="index"),
            path("<int:flag_id>/", self.construct_view(ProxyFlagView), name="flag"),
        ]
