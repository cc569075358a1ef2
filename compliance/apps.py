from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    """Funded-training rules beyond completion (DOMAIN-KR §1–§2): the 1일 8차시 study-day ledger, the
    identity checks (본인인증, ``compliance.identity``), the proxy-learning signals with their review
    queue (``compliance.proxy``), the 공단 reporting outbox (``compliance.emon``), the inspection
    evidence packs, the retention sweep and security-training tracking (``compliance.security_training``)."""

    name = "compliance"
    verbose_name = _("Funded training compliance")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from allauth.account.signals import user_logged_in

        from courses import classroom, completion, events, gates, protection
        from courses.permissions import register_institute_policy

        from . import (
            checks,  # noqa: F401  (registers the system checks)
            evidence,
            proxy,
            retention,
        )
        from .emon import checks as _emon_checks  # noqa: F401  (registers the system check)
        from .emon import writers
        from .identity import identity_gate
        from .models import ProxyFlag
        from .security_training import training_condition
        from .selectors import study_ledgers
        from .services import daily_cap_refusal, study_day_credit

        gates.register_open_gate(daily_cap_refusal)
        gates.register_credit_limiter(study_day_credit)
        classroom.register_ledger_reader(study_ledgers)  # 오늘 학습 N/8차시 on the trainee's screens
        gates.register_entry_gate(identity_gate)  # 입과, 차시 1/9/17…, every 평가 entry (본인인증)
        evidence.register_sections()  # account facts (masked), the daily ledger, the audit entries
        retention.register_destroyers()  # progress, ledger, events, attendance; stored packs
        # 보안교육 (DOMAIN-KR §3.3 F3.6): restricted material of a course that requires it stays shut
        # while the strictest of the user's organisations sees their training overdue or never done.
        protection.register_condition("training", training_condition, order=50)
        from .restricted_access import register_conditions

        register_conditions()  # restricted courses: organisation, nationality, agreement, step-up (F3.2)

        # 대리수강 (DOMAIN-KR §1.8): signals from the training record's events and from logins.
        events.subscribe("lesson_study_started", proxy.on_study)
        events.subscribe("lesson_study_credited", proxy.on_study)
        events.subscribe("assessment_submitted", proxy.on_assessment_submitted)
        user_logged_in.connect(proxy.on_user_logged_in, dispatch_uid="academy-proxy-login-signal")
        completion.register_requirement_provider(proxy.proxy_requirements)
        # The review queue is the run's institute's: its staff read it, its managers decide (DOMAIN-KR
        # §1.8: a 확정 voids scores and completion), nobody adds or deletes.
        register_institute_policy(
            ProxyFlag, course_field="run__course", manager_actions=("change",), no_staff_actions=("add", "delete")
        )

        # The 공단 reporting outbox: rows written in the transaction of each change (funded runs only).
        events.subscribe("enrolment_status_changed", writers.on_enrolment_status_changed)
        events.subscribe("lesson_study_started", writers.on_lesson_study_started)
        events.subscribe("lesson_study_completed", writers.on_lesson_study_completed)
        events.subscribe("assessment_submitted", writers.on_assessment_changed)
        events.subscribe("assessment_scored", writers.on_assessment_changed)
        events.subscribe("course_run_saved", writers.on_course_run_saved)
        events.subscribe("identity_checked", writers.on_identity_checked)
        user_logged_in.connect(writers.on_user_logged_in, dispatch_uid="academy-emon-user-login")

        # 기술보호 서약서 (DOMAIN-KR §3.3 F3.3): the restricted-access condition "pledge", the exit
        # pledge recorded in the transaction that ends a membership, and the texts' institute policy
        # (its managers publish new versions; nobody edits or deletes a published one).
        from accounts import hooks as account_hooks
        from courses.protection import register_condition

        from . import pledges
        from .models import PledgeText

        register_condition("pledge", pledges.pledge_refusal, order=40)
        account_hooks.on_membership_ended(pledges.on_membership_ended)
        register_institute_policy(
            PledgeText,
            institute_field="institute",
            manager_actions=("add", "view"),
            no_staff_actions=("change", "delete"),
        )
