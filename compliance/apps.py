from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    """Funded-training rules beyond completion (DOMAIN-KR §1–§2): the 1일 8차시 study-day ledger and
    the 공단 reporting outbox (``compliance.emon``)."""

    name = "compliance"
    verbose_name = _("Funded training compliance")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from allauth.account.signals import user_logged_in

        from courses import classroom, events, gates

        from .emon import checks as _emon_checks  # noqa: F401  (registers the system check)
        from .emon import writers
        from .selectors import study_ledgers
        from .services import daily_cap_refusal, study_day_credit

        gates.register_open_gate(daily_cap_refusal)
        gates.register_credit_limiter(study_day_credit)
        classroom.register_ledger_reader(study_ledgers)  # 오늘 학습 N/8차시 on the trainee's screens
        # The 공단 reporting outbox: rows written in the transaction of each change (funded runs only).
        events.subscribe("enrolment_status_changed", writers.on_enrolment_status_changed)
        events.subscribe("lesson_study_started", writers.on_lesson_study_started)
        events.subscribe("lesson_study_completed", writers.on_lesson_study_completed)
        events.subscribe("assessment_submitted", writers.on_assessment_changed)
        events.subscribe("assessment_scored", writers.on_assessment_changed)
        events.subscribe("course_run_saved", writers.on_course_run_saved)
        events.subscribe("identity_checked", writers.on_identity_checked)
        user_logged_in.connect(writers.on_user_logged_in, dispatch_uid="academy-emon-user-login")
