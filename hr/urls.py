from django.urls import path

from . import dashboard_views, views, views_accesslog, views_protection, views_security

app_name = "hr"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("overview/", dashboard_views.overview, name="overview"),
    path("overview/remind/", dashboard_views.remind, name="overview_remind"),
    path("members/<int:membership_id>/", views.member, name="member"),
    path("invite/", views.invite, name="invite"),
    path("invitations/<int:invitation_id>/resend/", views.invitation_resend, name="invitation_resend"),
    path("invitations/<int:invitation_id>/cancel/", views.invitation_cancel, name="invitation_cancel"),
    path("enrol/", views.bulk_enrol, name="bulk_enrol"),
    path("api-keys/", views.api_keys, name="api_keys"),
    path("attestations/", views_protection.attestations, name="attestations"),
    path("attestations/<int:attestation_id>/", views_protection.attestation_file, name="attestation_file"),
    path("records.<str:file_format>", views.export, name="export"),
    path("security-training/", views_security.overview, name="security_training"),
    path("security-training/policy/", views_security.policy, name="security_training_policy"),
    path("security-training/external/", views_security.external, name="security_training_external"),
    path(
        "security-training/external/<int:training_id>/decide/",
        views_security.external_decide,
        name="security_training_decide",
    ),
    path(
        "security-training/external/<int:training_id>/certificate/",
        views_security.external_certificate,
        name="security_training_certificate",
    ),
    path("access-log/", views_accesslog.access_log, name="access_log"),
    path("access-log/export.<str:file_format>", views_accesslog.access_log_export, name="access_log_export"),
    path("access-log/verify/", views_accesslog.access_log_verify, name="access_log_verify"),
]
