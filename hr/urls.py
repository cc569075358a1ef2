from django.urls import path

from . import views, views_accesslog

app_name = "hr"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("members/<int:membership_id>/", views.member, name="member"),
    path("invite/", views.invite, name="invite"),
    path("invitations/<int:invitation_id>/resend/", views.invitation_resend, name="invitation_resend"),
    path("invitations/<int:invitation_id>/cancel/", views.invitation_cancel, name="invitation_cancel"),
    path("enrol/", views.bulk_enrol, name="bulk_enrol"),
    path("api-keys/", views.api_keys, name="api_keys"),
    path("records.<str:file_format>", views.export, name="export"),
    path("access-log/", views_accesslog.access_log, name="access_log"),
    path("access-log/export.<str:file_format>", views_accesslog.access_log_export, name="access_log_export"),
    path("access-log/verify/", views_accesslog.access_log_verify, name="access_log_verify"),
]
