"""The trainee's pages under ``/learn/``: identity checks (``compliance.views``) and security training
(``compliance.views_security``)."""

from django.urls import path

from . import views, views_restricted, views_security

urlpatterns = [
    path("learn/restricted/nationality/", views_restricted.nationality, name="restricted_nationality"),
    path("learn/identity/<str:token>/", views.identity_check, name="identity_check"),
    path(
        "learn/identity/<str:token>/complete/<str:challenge_id>/",
        views.identity_complete,
        name="identity_complete",
    ),
    path("learn/security-training/", views_security.security_training, name="security_training"),
]
