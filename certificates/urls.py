from django.urls import path

from . import views
from .badges import JWKS_PATH, REVOCATION_LIST_PATH

app_name = "certificates"

urlpatterns = [
    path("learn/certificates/<uuid:public_id>/certificate.pdf", views.certificate_pdf, name="pdf"),
    path("learn/certificates/<uuid:public_id>/qr.svg", views.certificate_qr, name="qr"),
    path("learn/certificates/<uuid:public_id>/badge.jwt", views.certificate_badge, name="badge"),
    path(JWKS_PATH.lstrip("/"), views.jwks, name="jwks"),
    path(REVOCATION_LIST_PATH.lstrip("/"), views.revocation_list, name="revocation_list"),
]
