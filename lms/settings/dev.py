"""Embedded defaults for the demo and local development: no server to install.

SQLite file, a real Celery worker on kombu's filesystem transport (started by ``bin/demo``),
e-mail written to files under ``var/mail/``, media under ``var/media/``, local-memory cache.
Every value can still be overridden from the environment.
"""

from .base import *  # noqa: F403
from .base import STATIC_ROOT, VAR_DIR
from .env import env_bool, env_database, env_list, env_str

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-not-secret-0f3c1a9e7b2d4c6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

# --------------------------------------------------------------------------------------------
# Database: a SQLite file in WAL mode, so the web server and the worker can share it.
# --------------------------------------------------------------------------------------------

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'academy.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

# --------------------------------------------------------------------------------------------
# Celery: a real worker process on an embedded broker (a folder of message files).
# --------------------------------------------------------------------------------------------

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "celery"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir / "queue"),
        "data_folder_out": str(_queue_dir / "queue"),
        "control_folder": str(_queue_dir / "control"),
        "store_processed": False,
        "visibility_timeout": 3600,
    }
    for _folder in ("queue", "control"):
        (_queue_dir / _folder).mkdir(parents=True, exist_ok=True)

# --------------------------------------------------------------------------------------------
# Cache, e-mail, static files
# --------------------------------------------------------------------------------------------

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "academy"}}
ACADEMY_EMAIL_DELIVERY_BACKEND = env_str(
    "ACADEMY_EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = str(VAR_DIR / "mail")
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
ACADEMY_SERVE_MEDIA = True
# kombu's filesystem transport has no host; its warning about that is noise here.
LOGGING["loggers"]["kombu.connection"] = {"level": "ERROR"}  # noqa: F405

# WhiteNoise serves from the finders here; it only wants the (possibly empty) folder to exist.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
