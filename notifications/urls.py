from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("read-all/", views.notification_mark_all_read, name="read_all"),
    path("settings/", views.notification_settings, name="settings"),
    path("<int:notification_id>/", views.notification_open, name="open"),
]
