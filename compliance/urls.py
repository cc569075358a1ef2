"""The trainee's pages under ``/learn/``: identity checks (``compliance.views``), the 기술보호 서약서
(``compliance.pledge_views``), restricted-course nationality (``compliance.views_restricted``) and
security training (``compliance.views_security``); and 회원 탈퇴 at ``/accounts/withdraw/``
(``compliance.views``)."""

from django.urls import path

from . import pledge_views, views, views_restricted, views_security

urlpatterns = [
    path("learn/restricted/nationality/", views_restricted.nationality, name="restricted_nationality"),
    path("accounts/withdraw/", views.account_withdraw, name="account_withdraw"),
    path("learn/identity/<str:token>/", views.identity_check, name="identity_check"),
    path(
        "learn/identity/<str:token>/complete/<str:challenge_id>/",
        views.identity_complete,
        name="identity_complete",
    ),
    path("learn/security-training/", views_security.security_training, name="security_training"),
    path("learn/pledge/<int:institute_id>/", pledge_views.pledge_sign, name="pledge_sign"),
    path("learn/pledge/exit/<int:exit_id>/", pledge_views.exit_pledge, name="pledge_exit"),
    path("learn/pledge/receipts/<int:signature_id>.pdf", pledge_views.pledge_receipt, name="pledge_receipt"),
]
