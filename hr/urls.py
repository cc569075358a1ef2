from django.urls import path

from . import views, views_protection

app_name = "hr"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("members/<int:membership_id>/", views.member, name="member"),
    path("invite/", views.invite, name="invite"),
    path("invitations/<int:invitation_id>/resend/", views.invitation_resend, name="invitation_resend"),
    path("invitations/<int:invitation_id>/cancel/", views.invitation_cancel, name="invitation_cancel"),
    path("enrol/", views.bulk_enrol, name="bulk_enrol"),
    path("api-keys/", views.api_keys, name="api_keys"),
    path("attestations/", views_protection.attestations, name="attestations"),
    path("attestations/<int:attestation_id>/", views_protection.attestation_file, name="attestation_file"),
    path("records.<str:file_format>", views.export, name="export"),
]
