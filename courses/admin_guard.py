"""The views Wagtail itself registers that would otherwise let one institute's staff see another's.

Our own viewsets ask the policies per object (``courses.viewsets``); a few of Wagtail's own views
only ask "may this user open the admin at all?" before they show an object: the page move
confirmation, the workflow-cancellation dialog, the bulk-action confirmation (which names every
selected item, even those the user may not touch), the workflow task chooser, and the admin API's
document and image endpoints. The security review found each of them; this module closes them
for every model at once, with the same policies:

- **Page views**: any admin view that names a page in its URL (``page_id``, ``page_to_move_id``,
  ``parent_page_id``) needs the page to be explorable by the user under Wagtail's page policy (a
  page they hold a permission on, a page below it, or an ancestor on the way to it) — except the
  page chooser, which lists live pages of every institute for links and prerequisites and hides
  other institutes' drafts (``limit_page_chooser``).
- **Bulk actions** (``/cms/bulk/<app>/<model>/<action>/?id=…``) for any model: every selected
  object must be one the user may see under the model's policy, or the request is a 404 before
  anything is listed. "Select all in listing" (``id=all``) selects what the action's own listing
  query finds (every object of a snippet model, the children of ``childOf``), which Wagtail does
  not limit, so the guard narrows it to the objects the user may see before the view runs.
- **The page chooser** opens on a live page of any institute, but on a draft only of one's own:
  it shows the page it opens on by its title.
- **Any other view of one object** (a ``pk`` in the URL and a model on the view: edit, delete,
  history, usage, inspect, ``chosen/`` of any viewset or chooser, the admin API's detail): the
  object must be one the user has some permission for under the model's policy, else a 404.
- **Workflows and tasks** are managed by administrators only; the institutes' review workflows
  are set up by ``courses.institutes.institute_setup``.
- **The admin API** lists and shows only the documents and images the user may choose.
"""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from .permissions import ALL_ACTIONS, permitted_instances, policy_for

#: What it takes to reach a page's admin views at all.
PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
PAGE_PARAMETERS = ("page_id", "page_to_move_id", "parent_page_id")
#: Page views that list pages for choosing, open to all staff (drafts of others hidden).
OPEN_PAGE_VIEWS = {"wagtailadmin_choose_page_child", "wagtailadmin_choose_page_search"}
ADMINISTRATORS_ONLY_NAMESPACES = ("wagtailadmin_workflows:",)
BULK_ACTION_VIEW = "wagtail_bulk_action"


def user_reaches_page(user, page_id) -> bool:
    """Whether the page is one the user may explore in the admin (see the module)."""
    try:
        return page_permission_policy.explorable_instances(user).filter(pk=page_id).exists()
    except (ValueError, TypeError):
        return False


def _visible(user, model):
    if issubclass(model, Page):
        return page_permission_policy.instances_user_has_any_permission_for(user, PAGE_ACTIONS)
    return permitted_instances(user, model, ALL_ACTIONS)


def _objects_visible(user, model, ids) -> bool:
    ids = [value for value in ids if value != "all"]
    if not ids:
        return True
    try:
        return _visible(user, model).filter(pk__in=ids).count() == len(set(ids))
    except (ValueError, TypeError):
        return False


def _select_visible_listing(request, view_kwargs, model) -> None:
    """Replace ``id=all`` by the ids the action's listing query selects that the user may see."""
    from django.core.exceptions import ObjectDoesNotExist
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    action_class = bulk_action_registry.get_bulk_action_class(
        view_kwargs["app_label"], view_kwargs["model_name"], view_kwargs["action"]
    )
    if action_class is None:
        raise Http404
    try:
        listed = list(action_class(request, model).get_all_objects_in_listing_query(request.GET.get("childOf")))
        ids = _visible(request.user, model).filter(pk__in=listed).values_list("pk", flat=True)
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in ids])
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None
    request.GET = query


def user_may_open_in_chooser(user, page_id) -> bool:
    """The page chooser's rule (``offered_pages``) for the page it opens on."""
    try:
        return offered_pages(user, Page.objects.filter(pk=page_id)).exists()
    except (ValueError, TypeError):
        return False


class AdminObjectGuardMiddleware:
    """Applies the rules of the module before a Wagtail admin view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or user.is_superuser:
            return None
        name = match.view_name or ""
        if name.startswith(ADMINISTRATORS_ONLY_NAMESPACES):
            raise PermissionDenied
        if name == BULK_ACTION_VIEW:
            try:
                model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
            except (LookupError, KeyError):
                raise Http404 from None
            if "all" in request.GET.getlist("id"):
                _select_visible_listing(request, view_kwargs, model)
            if not _objects_visible(user, model, request.GET.getlist("id")):
                raise Http404
            parent = request.GET.get("childOf")
            if issubclass(model, Page) and parent and not user_reaches_page(user, parent):
                raise Http404  # "select all" under another institute's page would name its pages
            return None
        if name in OPEN_PAGE_VIEWS:
            if "parent_page_id" in view_kwargs and not user_may_open_in_chooser(user, view_kwargs["parent_page_id"]):
                raise PermissionDenied
            return None
        for parameter in PAGE_PARAMETERS:
            if parameter in view_kwargs and not user_reaches_page(user, view_kwargs[parameter]):
                raise PermissionDenied
        model = view_model(view_func)
        if model is not None and "pk" in view_kwargs:
            if issubclass(model, Page):
                if not user_reaches_page(user, view_kwargs["pk"]):
                    raise PermissionDenied
            elif not _object_visible(user, model, view_kwargs["pk"]):
                raise Http404
        return None


def view_model(view_func) -> type | None:
    """The model a Wagtail view or API endpoint works on, when it says so."""
    initkwargs = getattr(view_func, "view_initkwargs", None) or {}
    view_class = getattr(view_func, "view_class", None) or getattr(view_func, "cls", None)
    for candidate in (
        initkwargs.get("model"),
        initkwargs.get("model_class"),
        getattr(view_class, "model", None),
        getattr(view_class, "model_class", None),
    ):
        if isinstance(candidate, str) and "." in candidate:
            candidate = apps.get_model(candidate)
        if isinstance(candidate, type):
            return candidate
    return None


def _object_visible(user, model, pk) -> bool:
    from django.contrib.admin.utils import unquote

    try:
        obj = model._default_manager.filter(pk=unquote(str(pk))).first()
    except (ValueError, TypeError):
        return False
    return obj is None or policy_for(model).user_has_any_permission_for_instance(user, list(ALL_ACTIONS), obj)


def offered_pages(user, pages):
    """Pages an editor may link to or choose: live pages of every institute (links, prerequisites),
    drafts only of their own institute. The page chooser and the admin forms both follow it."""
    if user is None or user.is_superuser:
        return pages
    editable = page_permission_policy.instances_user_has_any_permission_for(user, PAGE_ACTIONS)
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


def limit_page_chooser(pages, request):
    """Other institutes' pages are offered when live (links, prerequisites), never as drafts."""
    return offered_pages(request.user, pages)


class _ChoosableMixin:
    """The admin API lists what the choosers offer (``courses.viewsets.InstituteChooserMixin``)."""

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.filter(pk__in=permitted_instances(self.request.user, self.model, ["choose"]).values("pk"))


class ScopedDocumentsAdminAPIViewSet(_ChoosableMixin, DocumentsAdminAPIViewSet):
    pass


class ScopedImagesAdminAPIViewSet(_ChoosableMixin, ImagesAdminAPIViewSet):
    pass


#: The workflow views that approve a page outside its editor.
WORKFLOW_ACTION_VIEWS = ("wagtailadmin_pages:workflow_action", "wagtailadmin_pages:collect_workflow_action_data")
ADMIN_API_PAGE_ACTION = "wagtailadmin_api:pages:action"


class RestrictedPublicationMiddleware:
    """Publishing paths outside the page editor, checked with ``courses.labels.publication_refusal``
    before the view runs: approving a restricted page in the review workflow (from the dashboard or
    the listing; the page's ``publish`` would refuse too late, after the task is approved: a
    message and back to the editor), and the admin page API's publish, copy-keeping-live and alias
    actions (400 with the message)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or not getattr(request.user, "is_authenticated", False):
            return None
        if match.view_name == ADMIN_API_PAGE_ACTION:
            return self._api_copy(request, view_kwargs)
        if match.view_name not in WORKFLOW_ACTION_VIEWS:
            return None
        if view_kwargs.get("action_name") != "approve" or request.method != "POST":
            return None
        from django.contrib import messages
        from django.http import JsonResponse
        from django.shortcuts import redirect
        from django.urls import reverse

        from .labels import publication_refusal

        page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
        if page is None:
            return None
        revision = page.specific.get_latest_revision()
        candidate = revision.as_object() if revision is not None else page.specific
        refusal = publication_refusal(candidate, request.user)
        if refusal is None:
            return None
        messages.error(request, refusal)
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return JsonResponse({"step": "success", "redirect": edit_url})
        return redirect(edit_url)

    def _api_publish(self, request, view_kwargs):
        """The admin page API publishes with Wagtail's publish action directly (not ``Page.publish``)."""
        from django.http import JsonResponse

        from .labels import publication_refusal

        page = Page.objects.filter(pk=view_kwargs.get("pk")).first()
        if page is None:
            return None
        revision = page.specific.get_latest_revision()
        candidate = revision.as_object() if revision is not None else page.specific
        refusal = publication_refusal(candidate, request.user)
        if refusal is None:
            return None
        return JsonResponse({"message": refusal}, status=400)

    def _api_copy(self, request, view_kwargs):
        """The admin page API's copy (keeping it live) and alias actions publish a copy with no
        attestation of its own: refused for restricted pages, as in the copy view."""
        import json

        from django.http import JsonResponse
        from django.utils.translation import gettext

        from .labels import page_is_restricted
        from .models import CoursePage, LessonPage

        action = view_kwargs.get("action_name")
        if request.method == "POST" and action == "publish":
            return self._api_publish(request, view_kwargs)
        if request.method != "POST" or action not in ("copy", "create_alias"):
            return None
        try:
            payload = json.loads(request.body or b"{}")
        except ValueError:
            payload = {}
        if action == "copy" and not payload.get("keep_live", True):
            return None
        page = Page.objects.filter(pk=view_kwargs.get("pk")).first()
        if page is None:
            return None
        pages = [page.specific]
        if payload.get("recursive", action == "create_alias"):
            pages.extend(p.specific for p in page.get_descendants())
        if any(isinstance(p, (CoursePage, LessonPage)) and page_is_restricted(p) for p in pages):
            message = gettext(
                "Restricted material cannot be copied and published (or aliased) in one step: copy it without "
                "publishing, then attest it and submit it for review."
            )
            return JsonResponse({"message": message}, status=400)
        return None
