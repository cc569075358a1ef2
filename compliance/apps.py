from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    """Funded-training rules beyond completion (DOMAIN-KR §1): the 1일 8차시 study-day ledger, the
    inspection evidence packs and the retention sweep."""

    name = "compliance"
    verbose_name = _("Funded training compliance")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import classroom, gates

        from . import evidence, retention
        from .selectors import study_ledgers
        from .services import daily_cap_refusal, study_day_credit

        gates.register_open_gate(daily_cap_refusal)
        gates.register_credit_limiter(study_day_credit)
        classroom.register_ledger_reader(study_ledgers)  # 오늘 학습 N/8차시 on the trainee's screens
        evidence.register_sections()  # account facts (masked), the daily ledger, the audit entries
        retention.register_destroyers()  # progress, ledger, events, attendance; stored packs
