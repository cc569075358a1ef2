from django.conf import settings
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from certificates import verify_views
from certificates.api import api
from courses import views as course_views
from home import views as home_views
from pagecache import routing as page_routing

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("learn/", home_views.learn_dashboard, name="learn"),
    path("learn/runs/<int:run_id>/notice/", home_views.funded_notice, name="funded_notice"),
    path("notifications/", include("notifications.urls")),
    path("", include("compliance.urls")),
    path("hr/", include("hr.urls")),
    path("api/v1/", api.urls),
    path("verify/", verify_views.verify_form, name="verify"),
    path("verify/pdf/", verify_views.verify_pdf, name="verify_pdf"),
    path("verify/bulk/", verify_views.verify_bulk, name="verify_bulk"),
    path("verify/bulk/sample.csv", verify_views.verify_bulk_sample, name="verify_bulk_sample"),
    path("verify/bulk/<str:token>.csv", verify_views.verify_bulk_download, name="verify_bulk_download"),
    path("verify/<str:code>/", verify_views.verify_result, name="verify_result"),
    path("verify/<str:code>/badge.jwt", verify_views.verify_badge, name="verify_badge"),
    path("i18n/switch/", home_views.switch_language, name="switch_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # The Wagtail admin signs in through allauth, so its rate limits and MFA apply there too.
    path("cms/login/", account_views.admin_login_redirect, name="wagtailadmin_login"),
    path("cms/account/", account_views.AdminAccountView.as_view(), name="wagtailadmin_account"),
    path("cms/", include(wagtailadmin_urls)),
    # Videos and captions: the same hooks as every document, then streamed with Range support
    # (Wagtail's own serve view accepts no streaming answer from its hooks; courses.streaming).
    path("documents/<int:document_id>/<str:document_filename>", course_views.serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/organisations/join/<str:token>/", account_views.organisation_join, name="organisation_join"),
    path("", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("courses.urls")),
    path("", include("certificates.urls")),
    path("", include("assessments.urls")),
    path("", include("community.urls")),
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

urlpatterns += [
    # Wagtail's page serving with the route cache in front (pagecache/routing.py); Wagtail's own URLs
    # (password-protected pages, its login) follow.
    re_path(wagtail_urls.serve_pattern, page_routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
