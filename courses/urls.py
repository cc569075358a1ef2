from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("learn/", views.learn_dashboard, name="learn"),
]
