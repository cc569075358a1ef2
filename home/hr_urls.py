from django.urls import path

from . import hr

app_name = "hr"

urlpatterns = [
    path("", hr.dashboard, name="dashboard"),
    path("members/<int:membership_id>/", hr.member, name="member"),
    path("invite/", hr.invite, name="invite"),
    path("invitations/<int:invitation_id>/resend/", hr.invitation_resend, name="invitation_resend"),
    path("invitations/<int:invitation_id>/cancel/", hr.invitation_cancel, name="invitation_cancel"),
    path("enrol/", hr.bulk_enrol, name="bulk_enrol"),
    path("api-keys/", hr.api_keys, name="api_keys"),
    path("records.<str:file_format>", hr.export, name="export"),
]
