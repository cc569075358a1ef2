"""What the Academy tells people about, and how by default.

One registry of notification kinds, so the preferences page lists every kind there is and a
sender cannot invent one: ``notify(kind="...")`` refuses a key that is not here. Each kind says
whether its e-mail is on by default and whether the person may turn the e-mail off
(``email_optional``): messages a person must receive to take part (an enrolment decision, a
certificate issued) always go by e-mail as well; the rest follow the person's preferences. The
in-app list always receives every kind (it is the record of what was said).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    key: str
    label: Promise
    email_default: bool = True
    email_optional: bool = True
    #: Sent to staff only (the preferences page lists it only for people who may open the admin).
    staff_only: bool = False


KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in (
        Kind("enrolment_decision", _("Enrolment decisions"), email_default=True, email_optional=False),
        Kind("notice", _("New notices"), email_default=False),
        Kind("notice_important", _("Important notices"), email_default=True, email_optional=False),
        Kind("question_answered", _("Answers to my questions"), email_default=True),
        Kind("question_asked", _("New questions from trainees (staff)"), email_default=True, staff_only=True),
        Kind("final_assessment_open", _("Final assessment opening"), email_default=True),
        Kind("run_ending", _("Training period ending in 3 days"), email_default=True),
        Kind("certificate_issued", _("Certificate issued"), email_default=True, email_optional=False),
        Kind("certificate_expiring", _("Certificate expiring"), email_default=True),
        Kind("reminder", _("Reminders from HR and instructors"), email_default=True),
    )
}


def kind(key: str) -> Kind:
    """The registered kind ``key`` (``KeyError`` for one that is not registered)."""
    return KINDS[key]
