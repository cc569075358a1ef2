"""Reading settings from the environment.

Every value the Academy reads from the environment goes through one of these helpers, so a
missing or malformed value stops start-up with a message that names the variable, instead of a
confusing error later. Development defaults are passed explicitly by ``dev.py``/``test.py``;
``production.py`` passes none for the values it requires.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

_MISSING = object()
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str, default: object) -> str | object:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        if default is _MISSING:
            raise ImproperlyConfigured(f"The environment variable {name} is required but not set.")
        return default
    return value.strip()


def env_str(name: str, default: object = _MISSING) -> str:
    return _raw(name, default)  # type: ignore[return-value]


def env_bool(name: str, default: bool | object = _MISSING) -> bool:
    value = _raw(name, default)
    if isinstance(value, bool):
        return value
    lowered = str(value).lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"The environment variable {name} must be true or false, not {value!r}.")


def env_int(name: str, default: int | object = _MISSING, *, minimum: int | None = None) -> int:
    value = _raw(name, default)
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ImproperlyConfigured(f"The environment variable {name} must be an integer, not {value!r}.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"The environment variable {name} must be at least {minimum}.")
    return number


def env_trusted_proxy_count(default: int) -> int:
    """How many reverse proxies in front of the Academy append to ``X-Forwarded-For``.

    ``ACADEMY_TRUSTED_PROXY_COUNT`` (0: none, use the connection's address). The older boolean
    ``ACADEMY_TRUST_X_FORWARDED_FOR`` is still read when the number is not set: true means one
    proxy, false none. Both set and contradicting each other stops start-up.
    """
    legacy = _raw("ACADEMY_TRUST_X_FORWARDED_FOR", None)
    legacy_count = None if legacy is None else int(env_bool("ACADEMY_TRUST_X_FORWARDED_FOR"))
    if _raw("ACADEMY_TRUSTED_PROXY_COUNT", None) is None:
        return default if legacy_count is None else legacy_count
    count = env_int("ACADEMY_TRUSTED_PROXY_COUNT", minimum=0)
    if legacy_count is not None and bool(count) != bool(legacy_count):
        raise ImproperlyConfigured(
            "The environment variables ACADEMY_TRUSTED_PROXY_COUNT and ACADEMY_TRUST_X_FORWARDED_FOR "
            "contradict each other; set only ACADEMY_TRUSTED_PROXY_COUNT."
        )
    return count


def env_list(name: str, default: list[str] | object = _MISSING) -> list[str]:
    value = _raw(name, default)
    if isinstance(value, list):
        return value
    items = [item.strip() for item in str(value).split(",") if item.strip()]
    if not items:
        raise ImproperlyConfigured(f"The environment variable {name} must be a comma-separated list.")
    return items


def env_url(name: str, default: str | object = _MISSING, *, schemes: tuple[str, ...]) -> str:
    value = str(_raw(name, default))
    parsed = urlparse(value)
    if parsed.scheme not in schemes:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be a URL starting with one of "
            f"{', '.join(s + '://' for s in schemes)}; got {value.split('://')[0]!r}."
        )
    if parsed.scheme not in {"filesystem", "sqlite"} and not parsed.hostname:
        raise ImproperlyConfigured(f"The environment variable {name} must name a host.")
    return value


def env_database(name: str, default: str | object = _MISSING) -> dict:
    import dj_database_url

    value = env_url(name, default, schemes=("postgres", "postgresql", "sqlite"))
    try:
        config = dj_database_url.parse(value, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0))
    except ValueError as exc:
        raise ImproperlyConfigured(f"The environment variable {name} is not a valid database URL: {exc}") from None
    if config["ENGINE"] == "django.db.backends.postgresql":
        config["CONN_HEALTH_CHECKS"] = True
    return config


def env_secret_key(name: str = "DJANGO_SECRET_KEY") -> str:
    value = env_str(name)
    if len(value) < 50 or len(set(value)) < 5 or value.startswith("django-insecure-"):
        raise ImproperlyConfigured(
            f"The environment variable {name} must be a random string of at least 50 characters "
            "(for example from `python -c 'import secrets; print(secrets.token_urlsafe(64))'`)."
        )
    return value


def env_origins(name: str, default: list[str] | object = _MISSING) -> list[str]:
    """A comma-separated list of web origins (``https://host[:port]``), e.g. for the CSP."""
    origins = []
    for item in env_list(name, default):
        parsed = urlparse(item)
        if parsed.scheme not in {"https", "http"} or not parsed.hostname or parsed.path not in {"", "/"}:
            raise ImproperlyConfigured(
                f"The environment variable {name} must list origins like https://videos.example.kr, not {item!r}."
            )
        origins.append(f"{parsed.scheme}://{parsed.netloc}")
    return origins
