"""A trivial Django project: the framework's own ceiling, served the same way as the Academy.

Django's default middleware, one view that answers "ok" without touching a database.
"""

SECRET_KEY = "bench-only-not-secret-9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.trivial.urls"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.sessions"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
DATABASES = {}
USE_TZ = True
WSGI_APPLICATION = "bench.trivial.wsgi.application"
