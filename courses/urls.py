from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("learn/runs/<uuid:run_id>/enrol/", views.enrol, name="enrol"),
    path("learn/runs/<uuid:run_id>/personal-data/", views.funded_personal_data, name="funded_personal_data"),
    path("learn/enrolments/<uuid:enrolment_id>/withdraw/", views.withdraw, name="withdraw"),
    path("learn/lessons/<int:lesson_id>/heartbeat/", views.heartbeat, name="heartbeat"),
    path("learn/lessons/<int:lesson_id>/complete/", views.complete_lesson, name="complete_lesson"),
    path(
        "learn/lessons/<int:lesson_id>/videos/<int:document_id>/position/",
        views.video_position,
        name="video_position",
    ),
    path("learn/videos/<int:document_id>/poster/", views.video_poster, name="video_poster"),
    path("learn/restricted/<int:course_id>/reason/", views.restricted_reason, name="restricted_reason"),
]
