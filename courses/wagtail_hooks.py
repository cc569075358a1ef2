from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import access, institutes
from .admin_guard import ScopedDocumentsAdminAPIViewSet, ScopedImagesAdminAPIViewSet, limit_page_chooser
from .models import InstituteLogEntry, InstitutePage
from .permissions import institute_models

hooks.register("construct_page_chooser_queryset", limit_page_chooser)


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own endpoints, which these replace
def scope_admin_api(router):
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)


@hooks.register("before_move_page")
def refuse_moves_the_user_may_not_make(request, page, destination):
    """Wagtail's move confirmation shows both pages before it asks who may move them."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("register_log_actions")
def log_institute_models_apart(actions):
    """The history of institute-owned objects goes to ``InstituteLogEntry`` (see its module)."""
    for model in institute_models():
        actions.register_model(model, InstituteLogEntry)
    actions.register_action(
        "courses.completion_override", _("Override a completion decision"), _("Completion decision overridden")
    )


@hooks.register("after_create_page")
def set_up_new_institute(request, page):
    """A new institute gets its groups, collection and review workflow at once."""
    if isinstance(page.specific, InstitutePage):
        institutes.institute_setup(institute=page.specific)


@hooks.register("before_serve_document")
def protect_course_documents(document, request):
    """Documents of a course open only for its enrolled trainees and its institute's staff;
    restricted ones only under their conditions, stamped per request (``restricted_documents``);
    videos and captions are then streamed with Range support (``views.serve_document``)."""
    from .restricted_documents import serve_restricted_document

    allowed = access.user_can_download_document(user=request.user, document=document)
    restricted = serve_restricted_document(document, request, allowed=allowed)
    if restricted is not None:
        return restricted
    if allowed:
        return None  # videos and captions: courses.views.serve_document streams them (Range requests)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return HttpResponseForbidden(render_to_string("courses/document_forbidden.html", request=request))


@hooks.register("register_admin_viewset")
def register_course_run_viewsets():
    from .admin_views import CourseRunViewSet, EnrolmentRequestViewSet

    return [CourseRunViewSet(), EnrolmentRequestViewSet()]


@hooks.register("construct_homepage_panels")
def add_staff_work_panels(request, panels):
    """Enrolment requests, pages in review and runs starting soon, in the user's institutes."""
    from .admin_panels import staff_panels

    panels.extend(staff_panels(request))


@hooks.register("insert_global_admin_js")
def academy_upload_progress_js():
    """The single document upload form's progress bar (a video may be up to 2 GB)."""
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<script src="{}" defer></script>', static("js/upload_progress.js"))


@hooks.register("insert_global_admin_css")
def academy_admin_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


# -- restricted material: attestation and publication (courses.labels) ----------------------------


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
@hooks.register("before_publish_page")
def record_restricted_attestation(request, page):
    """The page form accepted an attestation: record it now that the page has its id (before a
    publish, which asks for it)."""
    from .forms import record_pending_attestation

    record_pending_attestation(page)


def _refused(request, message, page):
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.urls import reverse

    messages.error(request, message)
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("before_bulk_action")
def refuse_bulk_publish_of_restricted_pages(request, action_type, objects, action_class_instance):
    """Bulk publish asks the same as one publish, for each page (and descendants, when included)."""
    from wagtail.models import Page

    from .labels import publication_refusal

    if action_type != "publish" or request.method != "POST":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if request.POST.get("include_descendants"):
        for page in list(pages):
            pages.extend(page.get_descendants())
    for page in pages:
        revision = page.specific.get_latest_revision()
        candidate = revision.as_object() if revision is not None else page.specific
        refusal = publication_refusal(candidate, request.user)
        if refusal:
            return _refused(request, refusal, page)
    return None


@hooks.register("before_copy_page")
def refuse_publishing_copies_of_restricted_pages(request, page):
    """A copy or alias of restricted material has no attestation of its own: it may be copied as a
    draft (then attested and reviewed), never published or aliased live in one step."""
    from django.utils.translation import gettext

    from .labels import page_is_restricted
    from .models import CoursePage, LessonPage

    if request.method != "POST" or not (request.POST.get("publish_copies") or request.POST.get("alias")):
        return None
    pages = [page.specific]
    if request.POST.get("copy_subpages"):
        pages.extend(p.specific for p in page.get_descendants())
    if any(isinstance(p, (CoursePage, LessonPage)) and page_is_restricted(p) for p in pages):
        return _refused(
            request,
            gettext(
                "Restricted material cannot be copied and published (or aliased) in one step: copy it without "
                "publishing, then attest it and submit it for review."
            ),
            page,
        )
    return None
