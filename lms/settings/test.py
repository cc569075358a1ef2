"""The test suite: PostgreSQL and Redis on 127.0.0.1, as in production.

Tasks run eagerly inside the test process by default, so a service's whole effect is visible to
the test; the tests marked ``celery_worker`` start a real ``celery worker`` process on Redis and
switch eager mode off (see ``tests/conftest.py``).
"""

from .base import *  # noqa: F403
from .base import STATIC_ROOT, VAR_DIR
from .env import env_database, env_str, env_url

DEBUG = False
ACADEMY_ENVIRONMENT = "test"
SECRET_KEY = "test-only-not-secret-6b1f0c4e9a2d8e7f3a5b1c9d0e2f4a6b8c0d1e3f5a7b9c2d4e6f8a0b"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

DATABASES = {"default": env_database("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")}
DATABASES["default"]["CONN_MAX_AGE"] = 0

REDIS_URL = env_url("REDIS_URL", "redis://127.0.0.1:6379/14", schemes=("redis", "rediss"))
CELERY_BROKER_URL = env_url("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15", schemes=("redis", "rediss"))
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "academy-test"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ACADEMY_EMAIL_DELIVERY_BACKEND = env_str(
    "ACADEMY_EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "test-mail"))
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACADEMY_REQUIRE_STAFF_MFA = False
MEDIA_ROOT = VAR_DIR / "test-media"
STORAGES["evidence"]["OPTIONS"]["location"] = str(VAR_DIR / "test-private" / "evidence")  # noqa: F405
STORAGES["security_training"]["OPTIONS"]["location"] = str(VAR_DIR / "test-private" / "security-training")  # noqa: F405
STORAGES["video_posters"]["OPTIONS"]["location"] = str(VAR_DIR / "test-private" / "video-posters")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
ACADEMY_SERVE_MEDIA = True
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

# WhiteNoise serves from the finders here; it only wants the (possibly empty) folder to exist.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
