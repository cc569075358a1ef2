"""Settings shared by every environment.

``dev.py`` (the embedded defaults used by the demo), ``test.py`` (PostgreSQL, Redis) and
``production.py`` (everything from the environment, nothing assumed) build on this module.
"""

from pathlib import Path

from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

from .env import env_bool, env_int, env_list, env_origins, env_str, env_trusted_proxy_count

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("ACADEMY_VAR_DIR", str(BASE_DIR / "var")))

# --------------------------------------------------------------------------------------------
# Applications
# --------------------------------------------------------------------------------------------

INSTALLED_APPS = [
    "accounts",
    "courses",
    "assessments",
    "certificates",
    "compliance",
    "community",
    "notifications",
    "home",
    "hr",
    "dashboards",
    "pagecache",
    "ops",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.AcademyUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
]

MIDDLEWARE = [
    # First: every log line of a request, and every task it enqueues, carries its id (lms.logging).
    "lms.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Above X-Frame-Options (its frame-ancestors follows that header) and WhiteNoise, so every
    # response, static files included, carries the policy.
    "home.headers.ContentSecurityPolicyMiddleware",
    "home.headers.PersonalPagesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Address, device and user-agent hashes of the request, for audit and proxy-learning records.
    "accounts.middleware.ClientContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffIdleTimeoutMiddleware",
    "accounts.middleware.StaffMFAMiddleware",
    "courses.admin_guard.AdminObjectGuardMiddleware",
    "courses.admin_guard.RestrictedPublicationMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so every other middleware still shapes the responses it serves from the cache.
    "pagecache.middleware.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.academy",
                "notifications.context_processors.bell",
            ],
        },
    },
]

# --------------------------------------------------------------------------------------------
# Database
# --------------------------------------------------------------------------------------------

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --------------------------------------------------------------------------------------------
# Accounts and authentication (django-allauth, with MFA)
# --------------------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/learn/"
LOGOUT_REDIRECT_URL = "/"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Sign-up tells a person their address is already registered (a clear error beats a confusing
# "check your inbox"); enumeration by guessing is held back by the per-IP rate limits below.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
# One subject prefix for every e-mail: allauth's, Django's (admins) and the Academy's own
# (accounts.mail.email_subject adds it in the outbox).
EMAIL_SUBJECT_PREFIX = "[대전 방산혁신클러스터 아카데미] "
ACCOUNT_EMAIL_SUBJECT_PREFIX = EMAIL_SUBJECT_PREFIX
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# allauth's limits; the counters live in the default cache (Redis in production, so they hold
# across every web node). Failed logins are limited per client address only: a limit per account
# would let anyone lock the owner out by typing wrong passwords from elsewhere. The owner gets a
# notice instead (ACADEMY_LOGIN_NOTICE_* below).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,60/h/ip",
    "signup": "10/m/ip,50/h/ip",
    "reset_password": "10/m/ip,3/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/180s/key",
    # Wrong passwords or codes on the withdrawal form (accounts.forms.WithdrawalForm), per account.
    "withdraw_failed": "5/15m/user",
}
#: After this many failed logins for one account within the window (seconds), its owner gets one
#: notice e-mail; at most one per window, whatever the number of failures or addresses.
ACADEMY_LOGIN_NOTICE_FAILURES = 5
ACADEMY_LOGIN_NOTICE_WINDOW_SECONDS = 3600
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Daejeon Defense Innovation Cluster Academy"

#: Staff (instructors, institute managers, HR, administrators) must set up TOTP before they
#: reach a staff page. On by default in production, off in the demo.
ACADEMY_REQUIRE_STAFF_MFA = env_bool("ACADEMY_REQUIRE_STAFF_MFA", False)
#: URL prefixes of staff pages guarded by the MFA requirement.
ACADEMY_STAFF_PATH_PREFIXES = ("/cms/", "/hr/")
#: Staff (as above: anyone who may open the Wagtail admin, and HR) are signed out after this many
#: minutes without a request; trainees keep the normal session age (SESSION_COOKIE_AGE).
ACADEMY_STAFF_IDLE_MINUTES = env_int("ACADEMY_STAFF_IDLE_MINUTES", 30, minimum=1)

# --------------------------------------------------------------------------------------------
# Internationalisation: Korean first, English second, Seoul time
# --------------------------------------------------------------------------------------------

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", "한국어"), ("en", "English")]
# The first catalogue wins: ``locale_overrides`` corrects Wagtail's own Korean strings (msgids exactly
# as Wagtail writes them), ``locale`` holds the project's strings (extracted by ``bin/i18n``).
LOCALE_PATHS = [BASE_DIR / "locale_overrides", BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "academy_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --------------------------------------------------------------------------------------------
# Static and media files
# --------------------------------------------------------------------------------------------

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("ACADEMY_STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("ACADEMY_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
#: Files that must never be reachable by a URL (the stored inspection evidence packs): a folder
#: outside MEDIA_ROOT, served only by views that check permissions.
ACADEMY_PRIVATE_ROOT = Path(env_str("ACADEMY_PRIVATE_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "evidence": {
        "BACKEND": "common.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(ACADEMY_PRIVATE_ROOT / "evidence"), "base_url": None},
    },
    # Certificates of external security training (보안교육 수료증), read only by the member's HR.
    "security_training": {
        "BACKEND": "common.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(ACADEMY_PRIVATE_ROOT / "security-training"), "base_url": None},
    },
    # Poster frames of uploaded videos (courses.video), served by a view that checks the video's rule.
    "video_posters": {
        "BACKEND": "common.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(ACADEMY_PRIVATE_ROOT / "video-posters"), "base_url": None},
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o640

# --------------------------------------------------------------------------------------------
# E-mail: every message is stored and delivered by a Celery task (accounts.mail), so a slow or
# broken mail server never slows a request or loses a message.
# --------------------------------------------------------------------------------------------

EMAIL_BACKEND = "accounts.mail.QueuedEmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "대전 방산혁신클러스터 아카데미 <no-reply@academy.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 20

# --------------------------------------------------------------------------------------------
# Celery
# --------------------------------------------------------------------------------------------

CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_TASKS_PER_CHILD = env_int("CELERY_WORKER_MAX_TASKS_PER_CHILD", 200, minimum=1)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
# Longer than any task, so a message is redelivered only when its worker really died.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    # 공지사항 scheduled for later: announced (notified) in the minute they are published.
    "community-notices-announce-due": {
        "task": "community.tasks.notices_announce_due_task",
        "schedule": crontab(),
    },
    # Notification e-mails whose task never reached the broker (notifications.services.emails_send).
    "notifications-email-sweep": {
        "task": "notifications.tasks.notification_emails_send",
        "schedule": crontab(minute="*/5"),
    },
    "accounts-resend-stuck-emails": {
        "task": "accounts.tasks.email_sweep",
        "schedule": crontab(minute="*/5"),
    },
    # Certificates still waiting for their PDF (their task never reached the broker).
    "certificates-sweep-pending": {
        "task": "certificates.tasks.certificate_sweep_task",
        "schedule": crontab(minute="*/5"),
    },
    # 최종평가 opening in funded runs and 훈련기간 ending in 3 days: in-app notices (each once per person and run).
    "assessments-final-assessment-open-notices": {
        "task": "assessments.tasks.final_assessment_open_notices_task",
        "schedule": crontab(hour=8, minute=0),
    },
    "courses-run-ending-notices": {
        "task": "courses.tasks.run_ending_notices_task",
        "schedule": crontab(hour=8, minute=5),
    },
    # Expiry reminders 90, 30 and 7 days before (each sent once), in the Seoul morning.
    "certificates-expiry-reminders": {
        "task": "certificates.tasks.certificate_expiry_reminders_task",
        "schedule": crontab(hour=9, minute=0),
    },
    # Quiz attempts past their deadline whose timed closing task was lost.
    "assessments-close-overdue-attempts": {
        "task": "assessments.tasks.attempts_close_overdue_task",
        "schedule": crontab(),
    },
    # 모사답안: every funded run's essays and assignments compared again, per course across its runs.
    "assessments-similarity-nightly": {
        "task": "assessments.tasks.similarity_check_nightly_task",
        "schedule": crontab(hour=2, minute=30),
    },
    # 감사 기록: the audit trail's hash chain verified, the result mailed to the 개인정보 보호책임자.
    "ops-audit-chain-check": {
        "task": "ops.tasks.audit_chain_check_task",
        "schedule": crontab(hour=4, minute=30),
    },
    # Inspection evidence packs of every funded run whose 훈련기간 ended (idempotent: stored once).
    "compliance-evidence-packs": {
        "task": "compliance.tasks.evidence_packs_due_task",
        "schedule": crontab(hour=3, minute=30),
    },
    # Retention (DOMAIN-KR §5.2): what is past its retention period is destroyed, and the count logged.
    "compliance-retention-sweep": {
        "task": "compliance.tasks.retention_sweep_task",
        "schedule": crontab(hour=1, minute=30),
    },
    # 보안교육: reminders 30 and 7 days before a member's security training is due (each sent once).
    "compliance-security-training-reminders": {
        "task": "compliance.tasks.security_training_reminders_task",
        "schedule": crontab(hour=9, minute=10),
    },
    # 대리수강: the previous KST day's address and device clusters of every funded run, flagged for review.
    "compliance-proxy-flags-nightly": {
        "task": "compliance.tasks.proxy_flags_nightly_task",
        "schedule": crontab(hour=3, minute=15),
    },
    # The 공단 reporting outbox (EMON), hourly from 00:00 as providers send it (DOMAIN-KR §2.1).
    "compliance-emon-send": {
        "task": "compliance.tasks.emon_send_task",
        "schedule": crontab(minute=0),
    },
}

# --------------------------------------------------------------------------------------------
# Wagtail
# --------------------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = _("Daejeon Defense Innovation Cluster Academy")
WAGTAILADMIN_BASE_URL = env_str("ACADEMY_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = True
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from Wagtail's own default picture, not from Gravatar: no staff e-mail hash goes to a
# third party, and the admin's Content-Security-Policy stays 'self' for images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_USER_CUSTOM_FIELDS = ["name_ko", "name_en"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "hwp", "hwpx", "mp4", "pdf", "pptx", "txt", "vtt", "webm", "xlsx", "zip"]
#: Upload limits per kind of file (``courses.document_forms``): videos (MP4, WebM) up to
#: ACADEMY_VIDEO_MAX_UPLOAD_BYTES, every other document up to ACADEMY_DOCUMENT_MAX_UPLOAD_BYTES.
#: Wagtail's own limit (its field and the multiple-upload script) is the larger of the two.
ACADEMY_DOCUMENT_MAX_UPLOAD_BYTES = env_int("ACADEMY_DOCUMENT_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
ACADEMY_VIDEO_MAX_UPLOAD_BYTES = env_int("ACADEMY_VIDEO_MAX_UPLOAD_BYTES", 2 * 1024 * 1024 * 1024)
WAGTAILDOCS_MAX_UPLOAD_SIZE = max(ACADEMY_DOCUMENT_MAX_UPLOAD_BYTES, ACADEMY_VIDEO_MAX_UPLOAD_BYTES)
#: Production: the web node only authorises a video and answers X-Accel-Redirect to this internal
#: nginx location, which serves MEDIA_ROOT with ranges (deploy/nginx.conf). Empty: Django streams
#: the bytes itself with Range support (courses.streaming).
ACADEMY_MEDIA_ACCEL_PREFIX = env_str("ACADEMY_MEDIA_ACCEL_PREFIX", "")
#: How long a signed URL to a video in S3 storage lives, in seconds (issued after the same check).
ACADEMY_MEDIA_SIGNED_URL_SECONDS = env_int("ACADEMY_MEDIA_SIGNED_URL_SECONDS", 300)
WAGTAILDOCS_SERVE_METHOD = "serve_view"
#: The document form with the sensitivity label and attestation (courses.labels).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "courses.document_forms.LabelledDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail's responsive embed wrapper sets its aspect ratio in a style attribute, which the public
# Content-Security-Policy refuses; academy.css gives embedded players their ratio instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# Only the video players the Content-Security-Policy lets into a frame (frame-src below), so an
# editor cannot embed something that would then show as an empty box.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]

# --------------------------------------------------------------------------------------------
# Public verification and the API: limits per client (anonymous) or per API key, in codes
# --------------------------------------------------------------------------------------------

#: Requests per minute to the /verify/ pages (each asks one code or one PDF).
ACADEMY_VERIFY_RATE_PER_MINUTE = env_int("ACADEMY_VERIFY_RATE_PER_MINUTE", 30, minimum=1)
#: Codes per hour a client may check through the bulk (CSV) page: one full file of 10,000.
ACADEMY_VERIFY_BULK_CODES_PER_HOUR = env_int("ACADEMY_VERIFY_BULK_CODES_PER_HOUR", 10_000, minimum=1)
#: Codes per minute through the API: a batch of N codes counts N.
ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = env_int("ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE", 20, minimum=1)
ACADEMY_API_KEY_RATE_PER_MINUTE = env_int("ACADEMY_API_KEY_RATE_PER_MINUTE", 600, minimum=1)

# --------------------------------------------------------------------------------------------
# Who the client is: the number of reverse proxies in front of the Academy that append to
# X-Forwarded-For (0: none, the connection's address). One number for our rate limits and logs
# (accounts.clients.client_address) and for allauth's.
# --------------------------------------------------------------------------------------------

ACADEMY_TRUSTED_PROXY_COUNT = env_trusted_proxy_count(default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = ACADEMY_TRUSTED_PROXY_COUNT
#: Key of the keyed device and user-agent hashes (ops.requestcontext); derived from SECRET_KEY when
#: empty. Set it separately when the secret key may rotate: a new key makes every device look new.
ACADEMY_DEVICE_HASH_KEY = env_str("ACADEMY_DEVICE_HASH_KEY", "")

#: /healthz answers from a result at most this many seconds old, kept in the shared cache.
ACADEMY_HEALTHZ_MAX_AGE = 15

# --------------------------------------------------------------------------------------------
# Security that holds everywhere
# --------------------------------------------------------------------------------------------

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --------------------------------------------------------------------------------------------
# Content-Security-Policy (django-csp; the middleware is home.headers)
#
# The public site runs only its own script files (static/js/, no inline script, no event-handler
# attributes, no CDN) and its own style sheet: no inline styles either, since none of our
# templates needs one and refusing them closes CSS injection through anything an editor or a
# trainee can type. Pictures may be data: URLs (allauth's QR code for the authenticator app).
# Wagtail's userbar, shown to staff on public pages, works under this policy (its own files, in
# a shadow root). The Wagtail admin under /cms/ (page previews included) gets 'unsafe-inline'
# for scripts and styles, measured in Chromium: its inline panels, date pickers and choosers
# write <script> blocks, and its vendor bundle inserts <script> and <style> elements; a nonce
# cannot reach Wagtail's own templates. Everything else stays 'self' there too. frame-ancestors
# follows X-Frame-Options response by response: 'none' with DENY, 'self' with SAMEORIGIN
# (Wagtail's preview panel). No reporting endpoint: the browser test (tests/e2e/test_browser_csp)
# loads the pages and fails on any violation.
# --------------------------------------------------------------------------------------------

#: Extra origins of media files (images, videos), for S3-compatible storage whose URLs point to
#: the bucket, e.g. ``https://academy-media.s3.ap-northeast-2.amazonaws.com``.
ACADEMY_CSP_MEDIA_ORIGINS = env_origins("ACADEMY_CSP_MEDIA_ORIGINS", [])
#: The video players the lesson's video block may embed (the same as WAGTAILEMBEDS_FINDERS).
ACADEMY_CSP_FRAME_ORIGINS = ["https://www.youtube.com", "https://player.vimeo.com"]
_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:", *ACADEMY_CSP_MEDIA_ORIGINS],
    "media-src": [SELF, *ACADEMY_CSP_MEDIA_ORIGINS],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF, *ACADEMY_CSP_FRAME_ORIGINS],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_DIRECTIVES}
ACADEMY_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_DIRECTIVES,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # The multiple-upload form shows each picture from a blob: URL before it is sent.
        "img-src": [*_CSP_DIRECTIVES["img-src"], "blob:"],
    }
}
#: Where the admin policy applies: the Wagtail admin, with its page previews.
ACADEMY_ADMIN_PATH_PREFIXES = ("/cms/",)

#: Personal pages: answered with ``Cache-Control: private, no-store`` (home.headers), so neither a
#: shared proxy nor the browser's disk keeps them, and never stored by the anonymous page cache.
ACADEMY_PERSONAL_PATH_PREFIXES = ("/learn/", "/hr/", "/accounts/", "/cms/", "/verify/bulk/")

# --------------------------------------------------------------------------------------------
# Logging
# --------------------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint logs every rendering step at INFO: seven lines per certificate.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --------------------------------------------------------------------------------------------
# Funded runs (사업주훈련): the rules of DOMAIN-KR §1 that are settings
# --------------------------------------------------------------------------------------------

#: 1일 8차시: distinct 차시 a trainee of a funded run may study on one Korean calendar day.
ACADEMY_FUNDED_DAILY_LESSONS = env_int("ACADEMY_FUNDED_DAILY_LESSONS", 8, minimum=1)
#: The "8 hours" reading of the same rule: study time credited per Korean calendar day, at most.
ACADEMY_FUNDED_DAILY_SECONDS = env_int("ACADEMY_FUNDED_DAILY_SECONDS", 8 * 3600, minimum=60)
#: Progress (%) at which a funded run's 진행단계평가 (progress test) opens.
ACADEMY_FUNDED_PROGRESS_TEST_OPENS_AT = env_int("ACADEMY_FUNDED_PROGRESS_TEST_OPENS_AT", 50, minimum=0)
#: Progress (%) at which a funded run's 최종평가 (final test) and 과제 (assignment) open.
ACADEMY_FUNDED_FINAL_TEST_OPENS_AT = env_int("ACADEMY_FUNDED_FINAL_TEST_OPENS_AT", 80, minimum=0)
#: The last minute (KST) of the training period's last day at which a funded run's attempt may start.
ACADEMY_FUNDED_LAST_START = env_str("ACADEMY_FUNDED_LAST_START", "23:57")
#: 수료 decision of a funded run: final this many days after the training period's last day (at 24:00 KST),
#: unless the run sets its own grading deadline (DOMAIN-KR §1.1 "e.g. end + 7 days (?)").
ACADEMY_FUNDED_GRADING_DAYS = env_int("ACADEMY_FUNDED_GRADING_DAYS", 7, minimum=0)
#: A quiz that requires a large item pool is published only with a pool of this many × its draw count.
ACADEMY_ITEM_POOL_FACTOR = env_int("ACADEMY_ITEM_POOL_FACTOR", 3, minimum=1)
#: 모사답안 (DOMAIN-KR §1.6): two answers at least this alike (0–1; "90 % identical") are queued for review.
ACADEMY_SIMILARITY_THRESHOLD = env_str("ACADEMY_SIMILARITY_THRESHOLD", "0.90")
#: 만족도 설문 results of a run with fewer responses than this show no averages, distributions or
#: free-text answers (with one or two responses they would tell who answered what).
ACADEMY_SURVEY_MIN_RESPONSES = env_int("ACADEMY_SURVEY_MIN_RESPONSES", 3, minimum=1)

# --------------------------------------------------------------------------------------------
# Audit trail, evidence packs and retention (DOMAIN-KR §1.9, §1.10, §5.2)
# --------------------------------------------------------------------------------------------

#: The 개인정보 보호책임자 (privacy officer): receives the daily audit-chain result (head hash and
#: count, or the first broken entry). Empty: the result is only logged and kept in the admin.
ACADEMY_PRIVACY_OFFICER_EMAIL = env_str("ACADEMY_PRIVACY_OFFICER_EMAIL", "")
#: Retention per category, in years after the category's starting point (compliance/retention.py
#: documents each; README "Audit trail, evidence packs and retention"). Funded training records and
#: stored evidence packs are never kept less than 3 years after the 훈련기간 (a smaller value is raised
#: to 3); access logs 2 years (the 2-year rule when 주민등록번호 is stored). Audit events are never swept.
ACADEMY_RETENTION_YEARS = {
    "funded_training_records": env_int("ACADEMY_RETENTION_FUNDED_RECORDS_YEARS", 3, minimum=1),
    "evidence_packs": env_int("ACADEMY_RETENTION_EVIDENCE_PACKS_YEARS", 3, minimum=1),
    "access_logs": env_int("ACADEMY_RETENTION_ACCESS_LOGS_YEARS", 2, minimum=1),
}

# --------------------------------------------------------------------------------------------
# 주민등록번호 of funded trainees (DOMAIN-KR §5.1; accounts/resident.py)
# --------------------------------------------------------------------------------------------

#: The AES-256-GCM key that encrypts stored 주민등록번호 (base64 of 32 random bytes). This fixed key is
#: for development, the demo and the tests only and is published here: production refuses to start
#: without its own (``python -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())'``).
ACADEMY_RRN_KEY = env_str("ACADEMY_RRN_KEY", "ZGV2LW9ubHktcnJuLWtleS1ub3QtZm9yLXByb2QtMzI=")
#: A funded enrolment becomes active only after the trainee's personal-data step (the 고유식별정보
#: notice, 제3자 제공, the device-data notice and the 주민등록번호). Tests of other rules turn it off
#: (tests/conftest.py); nothing else should.
ACADEMY_FUNDED_PERSONAL_DATA_STEP = True

# --------------------------------------------------------------------------------------------
# Reporting to the 공단 (EMON v2, DOMAIN-KR §2; compliance.emon)
# --------------------------------------------------------------------------------------------

#: How the outbox is sent: "http" (the 공단's API, production), "fake" (accepts everything, for
#: development and the demo) or "none" (nothing is sent; rows stay pending).
ACADEMY_EMON_TRANSPORT = env_str("ACADEMY_EMON_TRANSPORT", "none")
#: The API's base URL; requests go to <url>/api/v2/<endpoint>.
ACADEMY_EMON_URL = env_str("ACADEMY_EMON_URL", "https://emonapi-server.hrdkorea.or.kr")
#: The agent id (AGTID/agentPk) and API key the 공단 issues to an approved 원격훈련기관.
ACADEMY_EMON_AGENT_PK = env_str("ACADEMY_EMON_AGENT_PK", "")
ACADEMY_EMON_API_KEY = env_str("ACADEMY_EMON_API_KEY", "")
#: Rows per request (DOMAIN-KR §2.3 "≤ 500 (?)").
ACADEMY_EMON_BATCH_SIZE = env_int("ACADEMY_EMON_BATCH_SIZE", 500, minimum=1)
#: Seconds before one request gives up.
ACADEMY_EMON_TIMEOUT = env_int("ACADEMY_EMON_TIMEOUT", 30, minimum=1)
#: A row still unsent this many hours after its first error raises an operator alert (once per row).
ACADEMY_EMON_ALERT_HOURS = env_int("ACADEMY_EMON_ALERT_HOURS", 24, minimum=1)
#: Who receives that alert (comma-separated addresses; empty: the ADMINS).
ACADEMY_EMON_ALERT_EMAILS = env_list("ACADEMY_EMON_ALERT_EMAILS", [])

# --------------------------------------------------------------------------------------------
# Identity checks (본인인증, DOMAIN-KR §1.7): accounts.identity backends, compliance.identity policy
# --------------------------------------------------------------------------------------------

#: The backend behind each verification route. ``motp``: the 공단 mOTP ("hrd_motp", or "fake");
#: ``phone``: 휴대폰 본인확인 through an aggregator in the PortOne V2 shape ("phone", or "fake").
#: Production needs the real ones while funded runs exist (system check compliance.E001).
ACADEMY_IDENTITY_ROUTES = {
    "motp": env_str("ACADEMY_IDENTITY_MOTP_BACKEND", "fake"),
    "phone": env_str("ACADEMY_IDENTITY_PHONE_BACKEND", "fake"),
    "totp": "totp",
    "email_otp": "email_otp",
}
#: (funded or unfunded, moment) → the routes a trainee may use, first the preferred one. Moments:
#: entry (입과), lesson (차시 1, 9, 17, …), quiz (each attempt start), assignment (each submission).
ACADEMY_IDENTITY_POLICY = {
    ("funded", "entry"): ["phone"],
    ("funded", "lesson"): ["motp", "phone"],
    ("funded", "quiz"): ["motp", "phone"],
    ("funded", "assignment"): ["motp", "phone"],
    ("unfunded", "entry"): ["totp", "email_otp"],
    ("unfunded", "lesson"): ["totp", "email_otp"],
    ("unfunded", "quiz"): ["totp", "email_otp"],
    ("unfunded", "assignment"): ["totp", "email_otp"],
    # Restricted material and the 기술보호 서약서 (DOMAIN-KR §3.3 F3.2/F3.3): TOTP or 휴대폰 본인확인.
    ("any", "step_up"): ["totp", "phone"],
}
#: Minutes a passed step-up check opens restricted material for (F3.2: "within the last 10 min").
ACADEMY_STEP_UP_MINUTES = env_int("ACADEMY_STEP_UP_MINUTES", 10, minimum=1)
#: Months a signed 기술보호 서약서 counts for before it must be signed again (F3.3: "every 12 months").
ACADEMY_PLEDGE_VALID_MONTHS = env_int("ACADEMY_PLEDGE_VALID_MONTHS", 12, minimum=1)
#: Key of the HMAC-SHA256 that signs the HR access-log PDF (F3.5); derived from SECRET_KEY when empty.
ACADEMY_EXPORT_SIGNING_KEY = env_str("ACADEMY_EXPORT_SIGNING_KEY", "")
#: The moments that apply to funded runs (all of them; the test suite turns them off outside the
#: tests of identity checks, see tests/conftest.py).
ACADEMY_IDENTITY_FUNDED_MOMENTS = ["entry", "lesson", "quiz", "assignment"]
#: The moments that apply to unfunded runs (none by default: unfunded runs are never asked).
ACADEMY_IDENTITY_UNFUNDED_MOMENTS = env_list("ACADEMY_IDENTITY_UNFUNDED_MOMENTS", [])
#: The code the ``fake`` backend accepts (tests, development and the demo); anything else fails.
ACADEMY_IDENTITY_FAKE_CODE = env_str("ACADEMY_IDENTITY_FAKE_CODE", "123456")
#: Consecutive failed mOTP codes that lock the route (the 공단 locks at 5: AP009).
ACADEMY_IDENTITY_MOTP_MAX_FAILURES = 5
#: E-mailed one-time codes: minutes valid and wrong tries allowed per code.
ACADEMY_IDENTITY_EMAIL_CODE_MINUTES = 10
ACADEMY_IDENTITY_EMAIL_CODE_ATTEMPTS = 5
#: Identity attempts (codes, provider returns, codes e-mailed) one trainee may make in the window,
#: all routes together: bounds guessing a TOTP code and the records every attempt writes.
ACADEMY_IDENTITY_ATTEMPTS_PER_WINDOW = 10
ACADEMY_IDENTITY_ATTEMPT_WINDOW_SECONDS = 15 * 60
#: 공단 mOTP (otp_accredit, user_reset) and the agent id 공단 issues to the 훈련기관.
ACADEMY_HRD_MOTP_URL = env_str("ACADEMY_HRD_MOTP_URL", "https://emonotp.hrdkorea.or.kr/api/v2/")
#: One agent id for both: the EMON reports' agentPk unless set on its own.
ACADEMY_HRD_AGENT_ID = env_str("ACADEMY_HRD_AGENT_ID", ACADEMY_EMON_AGENT_PK)
#: 휴대폰 본인확인 through PortOne V2: API base, API secret, and the page that opens the provider's
#: window for a verification id (``{id}`` and ``{return_url}`` are filled in).
ACADEMY_PORTONE_API_URL = env_str("ACADEMY_PORTONE_API_URL", "https://api.portone.io/")
ACADEMY_PORTONE_API_SECRET = env_str("ACADEMY_PORTONE_API_SECRET", "")
ACADEMY_PORTONE_START_URL = env_str("ACADEMY_PORTONE_START_URL", "")
#: Keyed hash of the CI (연계정보) a provider returns; the CI itself is never stored.
ACADEMY_IDENTITY_CI_KEY = env_str("ACADEMY_IDENTITY_CI_KEY", "")
#: Seconds a request to an identity provider may take.
ACADEMY_IDENTITY_HTTP_TIMEOUT = env_int("ACADEMY_IDENTITY_HTTP_TIMEOUT", 10, minimum=1)

# --------------------------------------------------------------------------------------------
# Security training (보안교육, DOMAIN-KR §3.3 F3.6; compliance.security_training)
# --------------------------------------------------------------------------------------------

#: Months between security trainings for every role of an organisation that set no policy of its own.
ACADEMY_SECURITY_TRAINING_MONTHS = env_int("ACADEMY_SECURITY_TRAINING_MONTHS", 12, minimum=1)
#: Largest certificate file (PDF, PNG or JPEG) a member may upload for an external training.
ACADEMY_SECURITY_TRAINING_MAX_BYTES = env_int("ACADEMY_SECURITY_TRAINING_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)

# --------------------------------------------------------------------------------------------
# Certificates
# --------------------------------------------------------------------------------------------

#: Ed25519 key that signs the Open Badges (PEM, or the 32-byte seed in base64url). Required in
#: production; elsewhere, when empty, one is generated into ``VAR_DIR`` for the demo.
ACADEMY_BADGE_SIGNING_KEY = env_str("ACADEMY_BADGE_SIGNING_KEY", "")

#: Which kind of deployment this is; commands that create demo accounts refuse "production".
ACADEMY_ENVIRONMENT = "development"
