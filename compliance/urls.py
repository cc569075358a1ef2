"""The trainee's identity-check and pledge pages, under ``/learn/`` (``compliance.views``,
``compliance.pledge_views``)."""

from django.urls import path

from . import pledge_views, views

urlpatterns = [
    path("learn/identity/<str:token>/", views.identity_check, name="identity_check"),
    path(
        "learn/identity/<str:token>/complete/<str:challenge_id>/",
        views.identity_complete,
        name="identity_complete",
    ),
    path("learn/pledge/<int:institute_id>/", pledge_views.pledge_sign, name="pledge_sign"),
    path("learn/pledge/exit/<int:exit_id>/", pledge_views.exit_pledge, name="pledge_exit"),
    path("learn/pledge/receipts/<int:signature_id>.pdf", pledge_views.pledge_receipt, name="pledge_receipt"),
]
