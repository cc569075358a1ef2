"""주민등록번호 of funded trainees (DOMAIN-KR §5.1): validation, encryption, masking, the step.

The Academy asks for a 주민등록번호 only where a decree requires it (개인정보 보호법 제24조의2): a trainee
of a funded run (사업주훈련) is reported to the 공단 with it (근로자직업능력개발법 시행령 제52조 제2항). Sign-up
never asks.

Decisions:

- **Validation.** 13 digits (a hyphen after the sixth is allowed). The first six and the seventh must
  make a real birth date, not in the future (7th digit 1/2/5/6: 1900s, 3/4/7/8: 2000s; 9/0, the
  1800s, are refused: no trainee is that old), and when the account has a date of birth it must be
  that date. The old check digit is **not** required: numbers issued from October 2020 have random
  last six digits and no valid check digit, and people born earlier may hold a new number; refusing
  a failed check digit would lock real people out. A typo in the last six digits is caught by the
  공단 (its answer to the report), not here.
- **Storage.** AES-256-GCM (the ``cryptography`` package) under ``ACADEMY_RRN_KEY`` (base64 of 32
  bytes, from the environment; production refuses to start without its own). A fresh 12-byte nonce
  per value, the user's primary key as associated data (a ciphertext copied to another person's row
  does not decrypt), and ``key_id`` (the first 8 hex digits of the key's SHA-256) so a rotated key
  can tell which rows it may read.
- **Where it goes.** Nowhere but the 공단 report, filled in at send time
  (``compliance.emon.payloads.wire_row``): never in a stored payload, a log line, a URL, an e-mail,
  an export, an evidence pack or an audit entry. Screens show at most ``900101-*******``
  (``masked``); the form never re-displays what was typed.
- **The step is per person, not per enrolment.** The number, the 제3자 제공 consent and the notices
  cover every funded run of the person; a new text version is asked at the next funded enrolment
  only if the person has not answered any version yet (answers stay valid: the basis is the decree).
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import os
import re

NONCE_BYTES = 12
_RRN = re.compile(r"^([0-9]{6})-?([0-9]{7})$")
_CENTURY = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000}


class InvalidResidentNumber(ValueError):
    """The typed value is not a 주민등록번호; the message is translated and never contains the value."""


# --------------------------------------------------------------------------------------------
# The key
# --------------------------------------------------------------------------------------------

#: The published development key (lms/settings/base.py); production refuses it.
DEVELOPMENT_KEY = "ZGV2LW9ubHktcnJuLWtleS1ub3QtZm9yLXByb2QtMzI="


def check_key(value: str, *, production: bool = False) -> bytes:
    """The 32 bytes of a base64 key; ``ImproperlyConfigured`` naming ``ACADEMY_RRN_KEY`` otherwise."""
    from django.core.exceptions import ImproperlyConfigured

    try:
        key = base64.b64decode(value or "", validate=True)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise ImproperlyConfigured(
            "The environment variable ACADEMY_RRN_KEY must be the base64 of 32 random bytes "
            "(python -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')."
        )
    if production and value == DEVELOPMENT_KEY:
        raise ImproperlyConfigured("ACADEMY_RRN_KEY is the published development key; set the production key.")
    return key


def _key() -> bytes:
    from django.conf import settings

    return check_key(settings.ACADEMY_RRN_KEY)


def key_id(key: bytes | None = None) -> str:
    return hashlib.sha256(key or _key()).hexdigest()[:8]


def encrypt(plaintext: bytes, *, context: str) -> tuple[bytes, bytes, str]:
    """(ciphertext, nonce, key_id) of ``plaintext`` bound to ``context`` (associated data)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = _key()
    nonce = os.urandom(NONCE_BYTES)
    return AESGCM(key).encrypt(nonce, plaintext, context.encode()), nonce, key_id(key)


def decrypt(ciphertext: bytes, nonce: bytes, *, context: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(_key()).decrypt(bytes(nonce), bytes(ciphertext), context.encode())


def encrypt_json(data: dict, *, context: str) -> tuple[bytes, bytes, str]:
    return encrypt(json.dumps(data, ensure_ascii=False, default=str).encode(), context=context)


def decrypt_json(ciphertext: bytes, nonce: bytes, *, context: str) -> dict:
    return json.loads(decrypt(ciphertext, nonce, context=context))


# --------------------------------------------------------------------------------------------
# The number
# --------------------------------------------------------------------------------------------


def birth_date_of(digits: str) -> datetime.date | None:
    century = _CENTURY.get(digits[6:7])
    if century is None:
        return None
    try:
        return datetime.date(century + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return None


def normalise(value: str, *, birth_date: datetime.date | None = None, today: datetime.date | None = None) -> str:
    """The 13 digits of a typed 주민등록번호, or ``InvalidResidentNumber`` (see the module docstring)."""
    from django.utils import timezone
    from django.utils.translation import gettext as _

    match = _RRN.match((value or "").strip().replace(" ", ""))
    if not match:
        raise InvalidResidentNumber(_("Enter the 13 digits of your resident registration number (000000-0000000)."))
    digits = match.group(1) + match.group(2)
    born = birth_date_of(digits)
    if born is None or born > (today or timezone.localdate()):
        raise InvalidResidentNumber(
            _("The first seven digits of a resident registration number are a date of birth; check them.")
        )
    if birth_date is not None and born != birth_date:
        raise InvalidResidentNumber(
            _("This resident registration number does not match the date of birth on your account.")
        )
    return digits


def masked(digits: str) -> str:
    """앞6자리-*******: all a screen ever shows."""
    return f"{digits[:6]}-*******"


def context_of(user_id: int) -> str:
    return f"accounts.residentnumber:{user_id}"


def numbers_for_report(user_ids) -> dict[int, str]:
    """The 주민등록번호 of these people, in clear, by user id: for the 공단 report's sender only, at
    the moment it sends (``compliance.emon.sending``). People without one are left out."""
    from .models import ResidentNumber

    ids = {pk for pk in user_ids if pk}
    if not ids:
        return {}
    return {row.user_id: row.digits() for row in ResidentNumber.objects.filter(user_id__in=ids)}
