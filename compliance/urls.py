"""The trainee's identity-check pages, under ``/learn/``, and 회원 탈퇴 at ``/accounts/withdraw/`` (``compliance.views``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("accounts/withdraw/", views.account_withdraw, name="account_withdraw"),
    path("learn/identity/<str:token>/", views.identity_check, name="identity_check"),
    path(
        "learn/identity/<str:token>/complete/<str:challenge_id>/",
        views.identity_complete,
        name="identity_complete",
    ),
]
