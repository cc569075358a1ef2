"""Production: every value from the environment, nothing assumed.

A missing or malformed variable stops start-up with a message that names it (see ``env.py``).
The README lists every variable. ``manage.py check --deploy`` is clean with these settings.
"""

from .base import *  # noqa: F403
from .env import (
    env_bool,
    env_database,
    env_int,
    env_list,
    env_secret_key,
    env_str,
    env_trusted_proxy_count,
    env_url,
)

DEBUG = False
ACADEMY_ENVIRONMENT = "production"
SECRET_KEY = env_secret_key("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
ACADEMY_BASE_URL = env_url("ACADEMY_BASE_URL", schemes=("https", "http"))
WAGTAILADMIN_BASE_URL = ACADEMY_BASE_URL.rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [WAGTAILADMIN_BASE_URL])

# --------------------------------------------------------------------------------------------
# Database, broker, cache
# --------------------------------------------------------------------------------------------

DATABASES = {"default": env_database("DATABASE_URL")}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("The environment variable DATABASE_URL must point to PostgreSQL in production.")

CELERY_BROKER_URL = env_url("CELERY_BROKER_URL", schemes=("redis", "rediss", "amqp", "amqps"))
REDIS_URL = env_url("REDIS_URL", schemes=("redis", "rediss"))
CACHES = {
    "default": {
        # django-redis keeps one redis-py client per server; Django's own backend builds a new
        # one for every operation (about 0.2 ms each, six to ten per page).
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "academy",
    }
}

# --------------------------------------------------------------------------------------------
# E-mail (SMTP), delivered by the Celery worker
# --------------------------------------------------------------------------------------------

ACADEMY_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Set only one of the environment variables EMAIL_USE_TLS and EMAIL_USE_SSL.")

# --------------------------------------------------------------------------------------------
# Media storage: a local folder (one web node, or a shared volume) or S3-compatible storage
# --------------------------------------------------------------------------------------------

ACADEMY_STORAGE = env_str("ACADEMY_STORAGE", "local")
if ACADEMY_STORAGE == "s3":
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_url("AWS_S3_ENDPOINT_URL", None, schemes=("https", "http"))
            if env_str("AWS_S3_ENDPOINT_URL", "")
            else None,
            "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY", "") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # The evidence packs: the same private bucket, under their own prefix (no public URL either way).
    STORAGES["evidence"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**STORAGES["default"]["OPTIONS"], "location": "private/evidence"},  # noqa: F405
    }
    STORAGES["video_posters"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**STORAGES["default"]["OPTIONS"], "location": "private/video-posters"},  # noqa: F405
    }
elif ACADEMY_STORAGE != "local":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("The environment variable ACADEMY_STORAGE must be 'local' or 's3'.")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# --------------------------------------------------------------------------------------------
# Accounts
# --------------------------------------------------------------------------------------------

ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACADEMY_REQUIRE_STAFF_MFA = env_bool("ACADEMY_REQUIRE_STAFF_MFA", True)

# --------------------------------------------------------------------------------------------
# HTTPS behind a reverse proxy that sets X-Forwarded-Proto
# --------------------------------------------------------------------------------------------

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# One reverse proxy (nginx) appends the client's address to X-Forwarded-For unless told otherwise.
ACADEMY_TRUSTED_PROXY_COUNT = env_trusted_proxy_count(default=1)
ALLAUTH_TRUSTED_PROXY_COUNT = ACADEMY_TRUSTED_PROXY_COUNT
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# The __Host- prefix makes the browser refuse these cookies unless they are Secure, for Path=/
# and without a Domain, so no sibling subdomain (or a plain-http page) can set or shadow them.
# Django's defaults already give Path=/ and no Domain; they are spelt out because the prefix
# depends on them. Over plain http (bin/demo, dev) the normal names stay.
SESSION_COOKIE_NAME = "__Host-sessionid"
SESSION_COOKIE_PATH = "/"
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_COOKIE_PATH = "/"
CSRF_COOKIE_DOMAIN = None
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# --------------------------------------------------------------------------------------------
# Logs: one JSON object per line on standard error, each with the request id (lms/logging.py);
# the Celery worker logs the same way. ACADEMY_LOG_FORMAT=plain for a person at a terminal.
# --------------------------------------------------------------------------------------------

ACADEMY_LOG_FORMAT = env_str("ACADEMY_LOG_FORMAT", "json")
if ACADEMY_LOG_FORMAT == "json":
    from lms.logging import json_logging

    LOGGING = json_logging(LOGGING)  # noqa: F405
elif ACADEMY_LOG_FORMAT != "plain":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("The environment variable ACADEMY_LOG_FORMAT must be 'json' or 'plain'.")

# --------------------------------------------------------------------------------------------
# Certificates: the key that signs Open Badges. Without it, badges are not offered; a malformed
# key stops start-up.
# --------------------------------------------------------------------------------------------

ACADEMY_BADGE_SIGNING_KEY = env_str("ACADEMY_BADGE_SIGNING_KEY", "")
if ACADEMY_BADGE_SIGNING_KEY:
    from certificates.keys import load_private_key

    load_private_key(ACADEMY_BADGE_SIGNING_KEY)

# --------------------------------------------------------------------------------------------
# Identity checks (본인인증, DOMAIN-KR §1.7): the real 공단 mOTP and 휴대폰 본인확인 by default, and
# never the fake (it passes a published code): a funded run's check fails closed until the
# providers' credentials are set (system check compliance.E001 says which).
# --------------------------------------------------------------------------------------------

ACADEMY_IDENTITY_ROUTES = {
    **ACADEMY_IDENTITY_ROUTES,  # noqa: F405
    "motp": env_str("ACADEMY_IDENTITY_MOTP_BACKEND", "hrd_motp"),
    "phone": env_str("ACADEMY_IDENTITY_PHONE_BACKEND", "phone"),
}
if "fake" in ACADEMY_IDENTITY_ROUTES.values():
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "The fake identity backend is refused in production: set ACADEMY_IDENTITY_MOTP_BACKEND=hrd_motp and "
        "ACADEMY_IDENTITY_PHONE_BACKEND=phone (the defaults)."
    )

# --------------------------------------------------------------------------------------------
# 주민등록번호 of funded trainees: the production key, never the published development one.
# --------------------------------------------------------------------------------------------

ACADEMY_RRN_KEY = env_str("ACADEMY_RRN_KEY")
from accounts.resident import check_key  # noqa: E402

check_key(ACADEMY_RRN_KEY, production=True)
