from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.template.loader import render_to_string
from wagtail import hooks

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
