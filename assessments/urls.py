from django.urls import path

from . import assignment_views, views

app_name = "assessments"

urlpatterns = [
    path("learn/quizzes/<int:quiz_id>/start/", views.start, name="start"),
    path("learn/attempts/<uuid:attempt_id>/", views.attempt_page, name="attempt"),
    path("learn/attempts/<uuid:attempt_id>/answer/", views.save_answer, name="save_answer"),
    path("learn/attempts/<uuid:attempt_id>/review/", views.review, name="review"),
    path("learn/assignments/files/<uuid:file_id>/", assignment_views.submission_file, name="submission_file"),
]
