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
class ConsentText:
    """The text a consent question answers, per purpose (DOMAIN-KR §5.1 F5.1).

    ``template`` is rendered in the reader's language (``{language}`` is filled with ko or en where
    the text is written per language; otherwise its strings go through gettext); the SHA-256 of the
    rendered text is stored on every answer (``Consent.text_hash``), so the row proves which words
    were on screen. ``version`` is raised in the same commit as the text. ``required``: refusing it
    refuses the service it belongs to (sign-up, or a funded enrolment); ``notice``: the item is
    not consent-based (a decree is the basis) and the answer records only that it was shown.
    """

    kind: str
    version: str
    template: str
    purpose: str  # "signup", "funded" or "restricted"
    required: bool = True
    notice: bool = False
    #: A short notice asked inline on a form: its translated text instead of a template.
    text: Promise | None = None

    def render(self, language: str) -> str:
        from django.template.loader import render_to_string
        from django.utils import translation

        with translation.override(language):
            if self.text is not None:
                return str(self.text)
            return render_to_string(self.template.format(language=language))

    def text_hash(self, language: str = "ko") -> str:
        import hashlib

        return hashlib.sha256(self.render(language).encode()).hexdigest()


FUNDED_VERSION = "2026-11-29"

#: Asked when a person enrols in a restricted course (DOMAIN-KR §3.3 F3.2–F3.5).
RESTRICTED_NOTICE = ConsentText(
    Consent.Kind.RESTRICTED_NOTICE,
    "2026-11-29",
    "",
    "restricted",
    text=_(
        "Restricted courses hold material the institute protects. To open them the Academy keeps your "
        "nationality (to check export-control rules), your signed technology-protection pledge, and a "
        "log of every access (who, what, when, from which address) that your organisation's HR and the "
        "institute may read for technology-protection inspections. Without this notice agreed, "
        "restricted courses stay closed."
    ),
)

CONSENT_TEXTS = {
    text.kind: text
    for text in (
        ConsentText(Consent.Kind.TERMS, TERMS.version, TERMS.template, "signup"),
        ConsentText(Consent.Kind.PRIVACY, PRIVACY.version, PRIVACY.template, "signup"),
        ConsentText(
            Consent.Kind.MARKETING, PRIVACY.version, "accounts/consents/marketing.txt", "signup", required=False
        ),
        ConsentText(
            Consent.Kind.FUNDED_RRN,
            FUNDED_VERSION,
            "accounts/consents/funded_rrn.{language}.html",
            "funded",
            notice=True,
        ),
        ConsentText(
            Consent.Kind.FUNDED_THIRD_PARTY,
            FUNDED_VERSION,
            "accounts/consents/funded_third_party.{language}.html",
            "funded",
        ),
        ConsentText(
            Consent.Kind.FUNDED_DEVICE,
            FUNDED_VERSION,
            "accounts/consents/funded_device.{language}.html",
            "funded",
            notice=True,
        ),
        RESTRICTED_NOTICE,
    )
}

#: The version each consent kind is given to (the marketing question is a section of the privacy policy).
CONSENT_VERSIONS = {kind: text.version for kind, text in CONSENT_TEXTS.items()}
#: What a funded enrolment's personal-data step asks, in the order of the page.
FUNDED_CONSENTS = tuple(kind for kind, text in CONSENT_TEXTS.items() if text.purpose == "funded")
