"""Page contexts of the accounts pages (presenters shape, selectors read, services write)."""

from __future__ import annotations

from .forms import MarketingConsentForm
from .models import Consent, NameCorrectionRequest, User


def profile_context(*, user: User, correction_form, marketing_form=None, birth_date_form=None) -> dict:
    """The profile page: the person's details, the consents in force, the name-correction requests."""
    from .forms import BirthDateForm
    from .services import consents_current

    current = consents_current(user=user)
    consents = [{"label": label, "consent": current.get(kind)} for kind, label in Consent.Kind.choices]
    marketing = current.get(Consent.Kind.MARKETING)
    if marketing_form is None:
        marketing_form = MarketingConsentForm(initial={"agree_marketing": bool(marketing and marketing.agreed)})
    corrections = list(NameCorrectionRequest.objects.filter(user=user).select_related("decided_by")[:10])
    pending = next((c for c in corrections if c.status == NameCorrectionRequest.Status.PENDING), None)
    return {
        "profile_user": user,
        "consents": consents,
        "marketing_form": marketing_form,
        "correction_form": correction_form,
        "birth_date_form": birth_date_form or BirthDateForm(instance=user, prefix="birth"),
        "corrections": corrections,
        "pending_correction": pending,
    }
