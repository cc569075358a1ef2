from django.urls import path

from . import hr

app_name = "hr"

urlpatterns = [
    path("", hr.dashboard, name="dashboard"),
    path("members/<int:membership_id>/", hr.member, name="member"),
    path("invite/", hr.invite, name="invite"),
    path("enrol/", hr.bulk_enrol, name="bulk_enrol"),
    path("api-keys/", hr.api_keys, name="api_keys"),
    path("records.<str:file_format>", hr.export, name="export"),
]
