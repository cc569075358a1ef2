from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import selectors, services
from .models import InstitutePage


@hooks.register("after_create_page")
def set_up_new_institute(request, page):
    """A new institute gets its groups, collection and review workflow at once."""
    if isinstance(page.specific, InstitutePage):
        services.institute_setup(institute=page.specific)


@hooks.register("before_serve_document")
def protect_course_documents(document, request):
    """Documents of a course open only for its enrolled trainees and its institute's staff."""
    if selectors.user_can_download_document(user=request.user, document=document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return HttpResponseForbidden(render_to_string("courses/document_forbidden.html", request=request))


@hooks.register("register_admin_urls")
def register_course_admin_urls():
    from django.urls import include, path

    from . import admin_views

    urls = [
        path("runs/", admin_views.run_list, name="run_list"),
        path("runs/add/", admin_views.run_edit, name="run_add"),
        path("runs/<int:run_id>/", admin_views.run_detail, name="run_detail"),
        path("runs/<int:run_id>/edit/", admin_views.run_edit, name="run_edit"),
        path("runs/<int:run_id>/attendance/", admin_views.attendance, name="attendance"),
        path("approvals/", admin_views.approvals, name="approvals"),
        path(
            "enrolments/<int:enrolment_id>/<slug:action>/",
            admin_views.enrolment_action,
            name="enrolment_action",
        ),
    ]
    return [path("academy/", include((urls, "courses_admin"), namespace="courses_admin"))]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or bool(selectors.staff_institute_ids(request.user))


@hooks.register("register_admin_menu_item")
def register_runs_menu_item():
    return StaffMenuItem(_("Course runs"), reverse("courses_admin:run_list"), icon_name="date", order=210)


@hooks.register("register_admin_menu_item")
def register_approvals_menu_item():
    return StaffMenuItem(_("Enrolment requests"), reverse("courses_admin:approvals"), icon_name="tasks", order=211)
