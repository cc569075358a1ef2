from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    """Funded-training rules beyond completion (DOMAIN-KR §1): the 1일 8차시 study-day ledger and the
    identity checks (본인인증, §1.7)."""

    name = "compliance"
    verbose_name = _("Funded training compliance")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import classroom, gates

        from . import checks  # noqa: F401  (registers the system checks)
        from .identity import identity_gate
        from .selectors import study_ledgers
        from .services import daily_cap_refusal, study_day_credit

        gates.register_open_gate(daily_cap_refusal)
        gates.register_credit_limiter(study_day_credit)
        classroom.register_ledger_reader(study_ledgers)
        gates.register_entry_gate(
            identity_gate
        )  # 입과, 차시 1/9/17…, every 평가 entry  # 오늘 학습 N/8차시 on the trainee's screens
