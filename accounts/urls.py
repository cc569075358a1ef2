"""The Academy's own pages under ``/accounts/`` (before allauth's) and the policy pages."""

from django.urls import path

from . import views
from .identity import views as identity_views

urlpatterns = [
    path("accounts/profile/", views.profile, name="account_profile"),
    path("accounts/2fa/totp/activate/", views.activate_totp, name="mfa_activate_totp"),
    path("accounts/2fa/recovery-codes/", views.view_recovery_codes, name="mfa_view_recovery_codes"),
    path("accounts/2fa/confirm-email/", views.mfa_email_resend, name="mfa_email_resend"),
    path(
        "accounts/identity/fake-provider/<str:challenge_id>/",
        identity_views.fake_provider,
        name="identity_fake_provider",
    ),
    path("policies/<slug:slug>/", views.policy_page, name="policy"),
]
