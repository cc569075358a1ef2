from django.conf import settings
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from home import views as home_views

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("learn/", home_views.learn_dashboard, name="learn"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # The Wagtail admin signs in through allauth, so its rate limits and MFA apply there too.
    path("cms/login/", account_views.admin_login_redirect, name="wagtailadmin_login"),
    path("cms/account/", account_views.AdminAccountView.as_view(), name="wagtailadmin_account"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("", include("courses.urls")),
]

if getattr(settings, "ACADEMY_SERVE_MEDIA", False):
    # Only rendered images are public; documents and certificates are served by views that check
    # permissions. In production the reverse proxy serves the same two folders.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/[^/]+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
