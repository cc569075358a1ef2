"""Page contexts of the accounts pages (presenters shape, selectors read, services write)."""

from __future__ import annotations

from .forms import MarketingConsentForm
from .models import Consent, NameCorrectionRequest, User


def profile_context(*, user: User, correction_form, marketing_form=None, birth_date_form=None) -> dict:
    """The profile page: the person's details, the consents in force, the name-correction requests."""
    from .forms import BirthDateForm
    from .models import ResidentNumber
    from .policies import CONSENT_TEXTS
    from .services import consents_current

    current = consents_current(user=user)
    # The sign-up questions always; those of a purpose (a funded enrolment) once answered.
    consents = [
        {"label": label, "consent": current.get(kind)}
        for kind, label in Consent.Kind.choices
        if kind in current or (kind in CONSENT_TEXTS and CONSENT_TEXTS[kind].purpose == "signup")
    ]
    resident_number = ResidentNumber.objects.filter(user=user).first()
    marketing = current.get(Consent.Kind.MARKETING)
    if marketing_form is None:
        marketing_form = MarketingConsentForm(initial={"agree_marketing": bool(marketing and marketing.agreed)})
    corrections = list(NameCorrectionRequest.objects.filter(user=user).select_related("decided_by")[:10])
    pending = next((c for c in corrections if c.status == NameCorrectionRequest.Status.PENDING), None)
    return {
        "profile_user": user,
        # 앞6자리-******* only (accounts.resident); the number itself never reaches a template.
        "resident_number_masked": resident_number.masked() if resident_number else "",
        "consents": consents,
        "marketing_form": marketing_form,
        "correction_form": correction_form,
        "birth_date_form": birth_date_form or BirthDateForm(instance=user, prefix="birth"),
        "corrections": corrections,
        "pending_correction": pending,
    }
