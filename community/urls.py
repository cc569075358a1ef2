from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("notices/<int:notice_id>/", views.notice_detail, name="notice"),
    path("learn/courses/<int:course_id>/questions/", views.question_list, name="questions"),
    path("learn/courses/<int:course_id>/questions/<int:question_id>/", views.question_detail, name="question"),
]
