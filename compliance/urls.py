"""The trainee's identity-check pages, under ``/learn/`` (``compliance.views``)."""

from django.urls import path

from . import views, views_restricted

urlpatterns = [
    path("learn/restricted/nationality/", views_restricted.nationality, name="restricted_nationality"),
    path("learn/identity/<str:token>/", views.identity_check, name="identity_check"),
    path(
        "learn/identity/<str:token>/complete/<str:challenge_id>/",
        views.identity_complete,
        name="identity_complete",
    ),
]
