"""The Academy's policy texts (이용약관, 개인정보처리방침) and their versions.

A consent is given to one version of one text; the versions here are what the sign-up form
records and what the policy pages show as their 시행일. When a text changes, its template
changes and its version here is raised in the same commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Consent


@dataclass(frozen=True)
class Policy:
    slug: str
    title: Promise
    version: str  # the text's 시행일, ISO date
    template: str  # ``{language}`` is filled with ko or en


TERMS = Policy("terms", _("Terms of use"), "2026-11-29", "accounts/policies/terms.{language}.html")
PRIVACY = Policy("privacy", _("Privacy policy"), "2026-11-29", "accounts/policies/privacy.{language}.html")
POLICIES = {policy.slug: policy for policy in (TERMS, PRIVACY)}


@dataclass(frozen=True)
class Notice:
    """A short notice asked inline on a form (its text is here, versioned, and hashed with the answer)."""

    version: str
    text: Promise

    def text_hash(self) -> str:
        import hashlib

        from django.utils import translation

        with translation.override("ko"):  # the Korean text is the one in force
            return hashlib.sha256(str(self.text).encode()).hexdigest()


#: Asked when a person enrols in a restricted course (DOMAIN-KR §3.3 F3.2–F3.5).
RESTRICTED_NOTICE = Notice(
    "2026-11-29",
    _(
        "Restricted courses hold material the institute protects. To open them the Academy keeps your "
        "nationality (to check export-control rules), your signed technology-protection pledge, and a "
        "log of every access (who, what, when, from which address) that your organisation's HR and the "
        "institute may read for technology-protection inspections. Without this notice agreed, "
        "restricted courses stay closed."
    ),
)

#: The version each consent kind is given to: terms and privacy follow their pages; the marketing
#: notice is a section of the privacy policy.
CONSENT_VERSIONS = {
    Consent.Kind.TERMS: TERMS.version,
    Consent.Kind.PRIVACY: PRIVACY.version,
    Consent.Kind.MARKETING: PRIVACY.version,
    Consent.Kind.RESTRICTED_NOTICE: RESTRICTED_NOTICE.version,
}
