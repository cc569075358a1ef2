"""Proxy-learning signals and the review of their clusters (대리수강, DOMAIN-KR §1.8).

What is recorded. Per study heartbeat, login and assessment submission of a trainee of a **funded**
run, the client of the request (``ops.requestcontext.current_client``: the address, the keyed
device hash and user-agent hash) in a ``StudySignal`` row aggregated per enrolment, KST day, kind
and source (count, first and last moment). Funded runs keep the full address, as the 공단 reports
need it; unfunded runs keep nothing at all (the monitoring is a rule of funded training only, and
what is not needed is not collected). Outside a request (Celery, commands) nothing is recorded.

What is flagged (``proxy_flags_build``, nightly for the previous KST day, idempotent):

- **address**: ≥ 2 distinct trainees of one run studying (heartbeats) or submitting assessments
  from one address on one KST day — unless every one of them belongs to one organisation whose
  declared egress networks (``Organisation.egress_cidrs``, IPv4 or IPv6) contain the address: a
  company's office network is shared by design (the kbssec FAQ: "except a shared network inside
  the same 사업장"). Logins alone do not make an address cluster (a login is not study).
- **device**: ≥ 2 accounts of one run on one browser (device hash, any signal including logins)
  within 20 minutes of each other on one KST day, like the 공단 FDS alert "동일 기기에서 다수의
  계정이 연속적으로 접속됨". No exemption: a shared office network is expected, a shared browser is
  not. The signals keep each source's first and last moment of the day, so two accounts whose
  periods on the device come within 20 minutes (or interleave) count: a slight over-reading that
  the review settles.

Re-running the job does not duplicate (one flag per run, kind, key and day). A decided flag is
not reopened by the same evidence; a new trainee joining its cluster is new evidence: they are
added and the flag awaits review again (earlier 대리수강 confirmations stay until a new decision).

The decision (``proxy_flag_decide``), by the staff of the run's institute (its ``CourseRun``
institute policy), with a required reason and an ``audit_record`` entry: 정상, 의심, or 대리수강
확정 for the members chosen. Confirmed members fail a completion requirement (``proxy_requirements``,
a ``finding``: their completion is taken back even after the grading deadline and no override
completes past it), and ``courses.events`` "proxy_learning_confirmed" lets the assessments app
void their scores. Deciding 정상 or 의심 later lifts the confirmations (completion follows the rule
again; voided scores stay voided: grading them again is the instructors' call).
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.db.models import F, Max, Min, Sum, Value
from django.db.models.functions import Greatest, Least
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership
from courses import events
from courses.completion import Requirement
from courses.models import Enrolment
from courses.progress_rule import KST, kst_date
from ops.audit import audit_record
from ops.requestcontext import ClientContext, current_client

from .models import ProxyFlag, ProxyFlagMember, StudySignal

#: Two accounts on one device within this many minutes of each other are flagged (the 공단 FDS rule).
DEVICE_WINDOW = datetime.timedelta(minutes=20)
#: The longest reason of a decision.
REASON_MAX = 2000


class ProxyFlagError(Exception):
    """A decision the rules refuse; the message is translated and meant for the user."""


# --------------------------------------------------------------------------------------------
# Signals
# --------------------------------------------------------------------------------------------


def normalised_address(address: str) -> str:
    """One spelling per address, so one machine is one cluster key: IPv6 compressed and lower case,
    an IPv4-mapped IPv6 address as its IPv4 address; anything unparsable kept as given (cut)."""
    import ipaddress

    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address[:45]
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return str(ip)


def study_signal_record(
    *, enrolment: Enrolment, kind: str, now: datetime.datetime, client: ClientContext | None = None
) -> StudySignal | None:
    """Count one heartbeat, login or submission of a funded enrolment from the current client.

    One UPDATE when the day's row of this source exists (the usual heartbeat); else an INSERT,
    which a concurrent twin may win (the unique constraint), and then the UPDATE again.
    """
    client = client or current_client()
    if not (client.address or client.device_hash):
        return None  # not a request (a task, a command): nobody's client to record
    run = enrolment.run
    if not run.is_funded:
        return None
    fields = {
        "enrolment_id": enrolment.pk,
        "day": kst_date(now),
        "kind": kind,
        "address": normalised_address(client.address),
        "device_hash": client.device_hash,
        "user_agent_hash": client.user_agent_hash,
    }
    rows = StudySignal.objects.filter(**fields)
    bump = {
        "count": F("count") + 1,
        "first_at": Least(F("first_at"), Value(now)),
        "last_at": Greatest(F("last_at"), Value(now)),
    }
    if rows.update(**bump):
        return None
    try:
        with transaction.atomic():
            return StudySignal.objects.create(run_id=run.pk, first_at=now, last_at=now, **fields)
    except IntegrityError:
        rows.update(**bump)
        return None


def on_study(*, enrolment, now, **_data) -> None:
    """``lesson_study_started`` / ``lesson_study_credited``: a heartbeat of a lesson on screen."""
    study_signal_record(enrolment=enrolment, kind=StudySignal.Kind.HEARTBEAT, now=now)


def on_assessment_submitted(*, enrolment, now, **_data) -> None:
    """``assessment_submitted``: a quiz attempt or an assignment handed in."""
    if not Enrolment.run.is_cached(enrolment):
        enrolment = Enrolment.objects.select_related("run").get(pk=enrolment.pk)
    study_signal_record(enrolment=enrolment, kind=StudySignal.Kind.SUBMISSION, now=now)


def on_user_logged_in(*, user, **_kwargs) -> None:
    """allauth's ``user_logged_in``: a login of a trainee with an active funded enrolment (one
    signal per such enrolment; other users' logins are not recorded)."""
    if not current_client().address:
        return
    now = timezone.now()
    for enrolment in Enrolment.objects.filter(
        user=user, status=Enrolment.Status.ACTIVE, run__emp_ins_flag__gt=0
    ).select_related("run"):
        study_signal_record(enrolment=enrolment, kind=StudySignal.Kind.LOGIN, now=now)


# --------------------------------------------------------------------------------------------
# Clusters (the nightly job)
# --------------------------------------------------------------------------------------------


def _organisations_of(user_ids) -> dict[int, list]:
    result: dict[int, list] = defaultdict(list)
    for membership in Membership.objects.filter(user_id__in=set(user_ids)).select_related("organisation"):
        result[membership.user_id].append(membership.organisation)
    return result


def address_cluster_is_exempt(*, address: str, user_ids, organisations: dict[int, list]) -> bool:
    """All the trainees belong to one organisation whose declared egress networks hold ``address``."""
    user_ids = list(user_ids)
    if not user_ids:
        return False
    common = {org.pk: org for org in organisations.get(user_ids[0], [])}
    for user_id in user_ids[1:]:
        common = {pk: org for pk, org in common.items() if pk in {o.pk for o in organisations.get(user_id, [])}}
    return any(org.egress_contains(address) for org in common.values())


def _evidence(rows) -> list[dict]:
    """Per member: the moments, counts and kinds of the cluster's signals (names are read live)."""
    members: dict[int, dict] = {}
    for row in rows:
        item = members.setdefault(
            row["enrolment_id"],
            {
                "enrolment": row["enrolment_id"],
                "first_at": row["first"],
                "last_at": row["last"],
                "count": 0,
                "kinds": [],
            },
        )
        item["first_at"] = min(item["first_at"], row["first"])
        item["last_at"] = max(item["last_at"], row["last"])
        item["count"] += row["n"]
        if row["kind"] not in item["kinds"]:
            item["kinds"].append(row["kind"])
        if "address" in row:
            item.setdefault("addresses", [])
            if row["address"] not in item["addresses"]:
                item["addresses"].append(row["address"])
    return [
        {**item, "first_at": item["first_at"].isoformat(), "last_at": item["last_at"].isoformat()}
        for item in sorted(members.values(), key=lambda i: i["first_at"])
    ]


def _address_clusters(day: datetime.date) -> list[tuple[int, str, set[int], list[dict]]]:
    rows = list(
        StudySignal.objects.filter(
            day=day, kind__in=[StudySignal.Kind.HEARTBEAT, StudySignal.Kind.SUBMISSION], run__emp_ins_flag__gt=0
        )
        .exclude(address="")
        .values("run_id", "address", "enrolment_id", "enrolment__user_id", "kind")
        .annotate(first=Min("first_at"), last=Max("last_at"), n=Sum("count"))
    )
    groups: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for row in rows:
        groups[(row["run_id"], row["address"])].append(row)
    candidates = {key: group for key, group in groups.items() if len({r["enrolment_id"] for r in group}) >= 2}
    organisations = _organisations_of(r["enrolment__user_id"] for group in candidates.values() for r in group)
    clusters = []
    for (run_id, address), group in candidates.items():
        user_ids = {r["enrolment__user_id"] for r in group}
        if address_cluster_is_exempt(address=address, user_ids=user_ids, organisations=organisations):
            continue
        clusters.append((run_id, address, {r["enrolment_id"] for r in group}, _evidence(group)))
    return clusters


def _device_clusters(day: datetime.date) -> list[tuple[int, str, set[int], list[dict]]]:
    rows = list(
        StudySignal.objects.filter(day=day, run__emp_ins_flag__gt=0)
        .exclude(device_hash="")
        .values("run_id", "device_hash", "enrolment_id", "kind", "address")
        .annotate(first=Min("first_at"), last=Max("last_at"), n=Sum("count"))
    )
    groups: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for row in rows:
        groups[(row["run_id"], row["device_hash"])].append(row)
    clusters = []
    for (run_id, device), group in groups.items():
        periods: dict[int, list] = {}
        for row in group:
            first, last = periods.get(row["enrolment_id"], (row["first"], row["last"]))
            periods[row["enrolment_id"]] = [min(first, row["first"]), max(last, row["last"])]
        members: set[int] = set()
        ids = sorted(periods)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                (fa, la), (fb, lb) = periods[a], periods[b]
                if fa <= lb + DEVICE_WINDOW and fb <= la + DEVICE_WINDOW:
                    members |= {a, b}
        if len(members) >= 2:
            evidence = _evidence([r for r in group if r["enrolment_id"] in members])
            clusters.append((run_id, device, members, evidence))
    return clusters


@transaction.atomic
def _flag_upsert(*, run_id: int, kind: str, key: str, day: datetime.date, members: set[int], evidence) -> str:
    """Create or extend one flag; answers "created", "extended" or "unchanged"."""
    flag, created = ProxyFlag.objects.select_for_update().get_or_create(
        run_id=run_id, kind=kind, key=key, day=day, defaults={"evidence": evidence}
    )
    known = set(flag.memberships.values_list("enrolment_id", flat=True))
    new = members - known
    if not new:
        if flag.state == ProxyFlag.State.PENDING and flag.evidence != evidence:
            flag.evidence = evidence
            flag.save(update_fields=["evidence"])
        return "unchanged"
    ProxyFlagMember.objects.bulk_create([ProxyFlagMember(flag=flag, enrolment_id=pk) for pk in sorted(new)])
    flag.evidence = evidence
    fields = ["evidence"]
    if not created and flag.state != ProxyFlag.State.PENDING:
        audit_record(
            action="compliance.proxy_flag_reopened",
            obj=flag,
            data={"previous_state": flag.state, "new_members": sorted(new)},
        )
        flag.state = ProxyFlag.State.PENDING
        fields.append("state")
    flag.save(update_fields=fields)
    return "created" if created else "extended"


def proxy_flags_build(*, day: datetime.date) -> dict[str, int]:
    """Flag the clusters of every funded run on the KST ``day`` (see the module's docstring).

    Idempotent: a second run finds every cluster already flagged and changes nothing."""
    counts = {"created": 0, "extended": 0, "unchanged": 0}
    for kind, clusters in (
        (ProxyFlag.Kind.ADDRESS, _address_clusters(day)),
        (ProxyFlag.Kind.DEVICE, _device_clusters(day)),
    ):
        for run_id, key, members, evidence in clusters:
            outcome = _flag_upsert(run_id=run_id, kind=kind, key=key, day=day, members=members, evidence=evidence)
            counts[outcome] += 1
    return counts


def previous_kst_day(now: datetime.datetime | None = None) -> datetime.date:
    return (now or timezone.now()).astimezone(KST).date() - datetime.timedelta(days=1)


# --------------------------------------------------------------------------------------------
# The decision
# --------------------------------------------------------------------------------------------


@transaction.atomic
def proxy_flag_decide(
    *,
    flag: ProxyFlag,
    state: str,
    reason: str,
    actor,
    confirmed_enrolment_ids: list[int] | None = None,
    now: datetime.datetime | None = None,
) -> ProxyFlag:
    """정상 / 의심 / 대리수강 확정 of a flag, by the staff of its run's institute, with a reason.

    확정 names the members it confirms (all when ``confirmed_enrolment_ids`` is None): their
    completion is taken back (even after the grading deadline) and their scores voided; the others'
    confirmations from an earlier decision are lifted. 정상 and 의심 lift every confirmation. Each
    decision is an ``audit_record`` entry.
    """
    from courses.permissions import policy_for
    from courses.services import enrolment_completion_recheck

    now = now or timezone.now()
    reason = (reason or "").strip()
    if state not in (ProxyFlag.State.NORMAL, ProxyFlag.State.SUSPICIOUS, ProxyFlag.State.CONFIRMED):
        raise ProxyFlagError(_("Choose a decision."))
    if not reason:
        raise ProxyFlagError(_("Give the reason for the decision."))
    if len(reason) > REASON_MAX:
        raise ProxyFlagError(_("The reason is too long (at most %(n)s characters).") % {"n": REASON_MAX})
    flag = ProxyFlag.objects.select_for_update().select_related("run__course").get(pk=flag.pk)
    if not policy_for(ProxyFlag).user_has_permission_for_instance(actor, "change", flag):
        raise ProxyFlagError(_("Only the managers of the run's institute decide its proxy-learning flags."))
    memberships = list(flag.memberships.select_related("enrolment__run__course", "enrolment__user").order_by("pk"))
    member_ids = {m.enrolment_id for m in memberships}
    chosen: set[int] = set()
    if state == ProxyFlag.State.CONFIRMED:
        chosen = member_ids if confirmed_enrolment_ids is None else {int(pk) for pk in confirmed_enrolment_ids}
        if not chosen:
            raise ProxyFlagError(_("Choose the trainees for whom proxy learning is confirmed."))
        if not chosen <= member_ids:
            raise ProxyFlagError(_("Only trainees of this cluster can be confirmed."))
    previous = flag.state
    flag.state, flag.reason, flag.decided_by, flag.decided_at = state, reason, actor, now
    flag.save(update_fields=["state", "reason", "decided_by", "decided_at"])
    newly, lifted = [], []
    for membership in memberships:
        confirm = membership.enrolment_id in chosen
        if confirm != membership.confirmed:
            membership.confirmed = confirm
            membership.save(update_fields=["confirmed"])
            (newly if confirm else lifted).append(membership.enrolment)
    audit_record(
        action="compliance.proxy_flag_decide",
        actor=actor,
        obj=flag,
        reason=reason,
        data={
            "run": flag.run_id,
            "kind": flag.kind,
            "key": flag.key,
            "day": flag.day,
            "from": previous,
            "to": state,
            "confirmed": sorted(chosen),
            "lifted": sorted(e.pk for e in lifted),
        },
        at=now,
    )
    withdrawal = _("Proxy learning (대리수강) confirmed: %(reason)s") % {"reason": reason}
    for enrolment in newly:
        audit_record(
            action="compliance.proxy_learning_confirmed",
            actor=actor,
            subject_user=enrolment.user,
            obj=enrolment,
            reason=reason,
            data={"flag": flag.pk, "run": flag.run_id},
            at=now,
        )
        # The completion first (taken back by the decider, with the finding as the reason), then
        # the scores (the assessments app's listener re-evaluates, and finds nothing more to do).
        enrolment_completion_recheck(enrolment=enrolment, actor=actor, reason=withdrawal, now=now)
        events.emit("proxy_learning_confirmed", enrolment=enrolment, reason=reason, actor=actor, now=now)
    for enrolment in lifted:  # the rule decides again (before the grading deadline)
        enrolment_completion_recheck(enrolment=enrolment, actor=actor, reason=reason, now=now)
    return flag


# --------------------------------------------------------------------------------------------
# The completion requirement
# --------------------------------------------------------------------------------------------


def confirmed_enrolment_ids(enrolment_ids) -> set[int]:
    return set(
        ProxyFlagMember.objects.filter(enrolment_id__in=list(enrolment_ids), confirmed=True).values_list(
            "enrolment_id", flat=True
        )
    )


def proxy_requirements(enrolments: list[Enrolment]) -> dict[int, list[Requirement]]:
    """A confirmed 대리수강 fails completion (a ``finding``); otherwise no item at all. Funded runs
    only (one query; none when the batch has no funded enrolment)."""
    funded = [e.pk for e in enrolments if e.run.is_funded]
    if not funded:
        return {}
    return {
        pk: [
            Requirement(
                key="proxy_learning",
                label=_("No proxy learning (대리수강 확정: the institute confirmed someone else studied)"),
                met=False,
                finding=True,
            )
        ]
        for pk in confirmed_enrolment_ids(funded)
    }
