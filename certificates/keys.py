"""The Open Badge signing key: read from the setting's text, or generated once for the demo.

No Django models here: ``lms/settings/production.py`` imports this to check the key at start-up.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.exceptions import ImproperlyConfigured


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def load_private_key(value: str) -> Ed25519PrivateKey:
    """Read the key from the setting's text: PEM (PKCS#8) or a base64url 32-byte seed."""
    value = value.strip()
    if value.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_private_key(value.encode(), password=None)
        except ValueError:
            key = None
        if not isinstance(key, Ed25519PrivateKey):
            raise ImproperlyConfigured(
                "The environment variable ACADEMY_BADGE_SIGNING_KEY must be an Ed25519 private key."
            )
        return key
    try:
        seed = b64url_decode(value)
    except ValueError:
        seed = b""
    if len(seed) != 32:
        raise ImproperlyConfigured(
            "The environment variable ACADEMY_BADGE_SIGNING_KEY must be an Ed25519 private key in PEM, or its "
            "32-byte seed in base64url "
            "(python -c 'import base64,os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())')."
        )
    return Ed25519PrivateKey.from_private_bytes(seed)


def development_key_text(path: Path) -> str:
    """The demo's key: generated once into ``path`` (created atomically, so concurrent processes agree)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        try:
            os.link(temporary, path)  # atomic, and fails if another process was first
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return path.read_text()
