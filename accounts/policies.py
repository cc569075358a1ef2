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

#: The version each consent kind is given to: terms and privacy follow their pages; the marketing
#: notice is a section of the privacy policy.
CONSENT_VERSIONS = {
    Consent.Kind.TERMS: TERMS.version,
    Consent.Kind.PRIVACY: PRIVACY.version,
    Consent.Kind.MARKETING: PRIVACY.version,
}
