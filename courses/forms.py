"""Admin forms that offer and accept only the editor's own institute's objects.

Every reference a form can make (a foreign key, a row of an inline panel, an image or document
chosen in a StreamField block or linked from rich text) is checked on the server when the form is
submitted, with the permission policy of the referenced model (``courses.permissions``):

- institutes and courses: those the editor works for;
- institute-owned objects (banks, questions, templates, …): those the policy lets them *choose*,
  and only of the same institute as the object being edited;
- images and documents: those Wagtail's collection policy lets them choose, and none from another
  institute's collection;
- other pages (a prerequisite course, a link in rich text): live pages of any institute, drafts
  only of the editor's own (the page chooser's rule, ``courses.admin_guard.offered_pages``), so
  a public page never names another institute's unpublished course; a page the object already
  refers to stays;
- people (a course's instructors): the staff of the object's own institute, so a course never
  shows the name of someone who does not teach there.

Choice lists are limited the same way, so the editor is never offered what would be refused.
Administrators are offered everything, but still cannot mix two institutes' objects.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from common.dates import kdatetime

from .permissions import InstitutePermissionPolicy, institute_of_collection, institute_roles, policy_for, under_paths


def _library_models() -> tuple:
    return (get_image_model(), get_document_model())


def owner_institute_id(obj) -> int | None:
    """The id of the institute that owns ``obj`` (None: it belongs to no institute)."""
    from .models import CoursePage, InstitutePage

    if isinstance(obj, InstitutePage):
        return obj.pk
    if isinstance(obj, CoursePage):
        return InstitutePage.objects.filter(path=obj.path[: -obj.steplen]).values_list("pk", flat=True).first()
    if isinstance(obj, _library_models()):
        institute = institute_of_collection(obj.collection_id)
        return institute.pk if institute else None
    policy = policy_for(type(obj))
    if isinstance(policy, InstitutePermissionPolicy):
        return policy.owner_institute_id(obj)
    return None


#: Foreign keys to institutes and courses that say who owns the object (a prerequisite course of
#: another institute, or a link to its page, is fine: pages are public).
OWNER_FIELDS = ("institute", "course")


def choosable(user, model, queryset, *, owner_policy=None):
    """The part of ``queryset`` the user may pick in a form.

    ``owner_policy`` is the policy of the model being edited: its owning institute can only be one
    where the user may add or change such objects (managers only, for certificate templates).
    """
    from .models import CoursePage, InstitutePage

    if user is None or user.is_superuser:
        return queryset
    roles = institute_roles(user)
    if issubclass(model, InstitutePage):
        if isinstance(owner_policy, InstitutePermissionPolicy):
            return queryset.filter(
                pk__in=[r.institute_id for r in owner_policy.institutes_for(user, ["add", "change"])]
            )
        return queryset.filter(pk__in=list(roles))
    if issubclass(model, CoursePage):
        return queryset.filter(under_paths([role.path for role in roles.values()]))
    policy = policy_for(model)
    if isinstance(policy, InstitutePermissionPolicy) or issubclass(model, _library_models()):
        return queryset.filter(pk__in=policy.instances_user_has_any_permission_for(user, ["choose"]).values("pk"))
    return queryset


def _is_scoped(model, field_name: str | None) -> bool:
    from .models import CoursePage, InstitutePage

    if issubclass(model, (InstitutePage, CoursePage)):
        return field_name in OWNER_FIELDS
    return issubclass(model, _library_models()) or isinstance(policy_for(model), InstitutePermissionPolicy)


def _is_linked_page(model, field_name: str | None) -> bool:
    return issubclass(model, Page) and not _is_scoped(model, field_name)


def _page_links(model_field, value) -> set[str]:
    if not value:
        return set()
    return {str(pk) for model, pk, *_rest in model_field.extract_references(value) if issubclass(model, Page)}


def _is_person(model, field_name: str | None) -> bool:
    from django.contrib.auth import get_user_model

    return issubclass(model, get_user_model())


class InstituteReferencesMixin:
    """For a Wagtail admin form (``for_user`` set): limit and check every reference (see the module)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .admin_guard import offered_pages

        user = getattr(self, "for_user", None)
        owner_policy = policy_for(self._meta.model)
        for form in self._all_forms(include_empty=True):
            for name, field in form.fields.items():
                queryset = getattr(field, "queryset", None)
                if queryset is not None and _is_scoped(queryset.model, name):
                    field.queryset = choosable(user, queryset.model, queryset, owner_policy=owner_policy)
                elif queryset is not None and _is_linked_page(queryset.model, name):
                    field.queryset = offered_pages(user, queryset)

    def _all_forms(self, *, include_empty: bool = False):
        yield self
        for formset in getattr(self, "formsets", {}).values():
            yield from formset.forms
            if include_empty:
                yield formset.empty_form

    def form_institute_id(self) -> int | None:
        """The institute the edited object belongs to (None: not known yet or none)."""
        cleaned = getattr(self, "cleaned_data", {})
        for name in ("institute", "course", "bank"):
            value = cleaned.get(name)
            if value is not None:
                return owner_institute_id(value)
        return None

    def _references(self):
        """(field name, form, object, chosen in a field) for every scoped object the form refers to."""
        for form in self._all_forms():
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE"):
                continue
            model = form._meta.model
            for name, value in data.items():
                try:
                    model_field = model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue
                if isinstance(value, models.Model):
                    if _is_scoped(type(value), name):
                        yield name, form, value, True
                elif value and hasattr(model_field, "extract_references"):
                    yield from self._extracted(name, form, model_field, value)

    def _extracted(self, name, form, model_field, value):
        wanted: dict = {}
        for ref_model, object_id, _path, _content_path in model_field.extract_references(value):
            if _is_scoped(ref_model, None):
                wanted.setdefault(ref_model, set()).add(object_id)
        for ref_model, ids in wanted.items():
            found = {str(obj.pk): obj for obj in ref_model._default_manager.filter(pk__in=ids)}
            for object_id in sorted(ids):
                if object_id in found:
                    yield name, form, found[object_id], False

    def clean(self):
        from .admin_guard import offered_pages

        cleaned = super().clean()
        for formset in getattr(self, "formsets", {}).values():
            formset.is_valid()  # ClusterForm validates child formsets after clean(): their rows are read here
        user = getattr(self, "for_user", None)
        owner_policy = policy_for(self._meta.model)
        institute_id = self.form_institute_id()
        for name, form, obj, in_field in list(self._references()):
            model = type(obj)
            candidates = model._default_manager.filter(pk=obj.pk)
            refused = not choosable(user, model, candidates, owner_policy=owner_policy).exists()
            owner = owner_institute_id(obj) if not refused and institute_id is not None else None
            mixed = owner is not None and owner != institute_id
            if refused or mixed:
                label = model._meta.verbose_name
                if refused:
                    message = _("You can only use your own institute's %(kind)s (this one is number %(id)s).")
                else:
                    message = _(
                        "This %(kind)s belongs to another institute (number %(id)s); use one of this institute's."
                    )
                error = ValidationError(message % {"kind": label, "id": obj.pk}, code="other_institute")
                # Block and rich-text references are reported above the form: a StreamField's
                # errors are per block, and this one is about what a block points to.
                form.add_error(name if in_field and name in form.fields else None, error)
        for name, form, page in list(self._newly_chosen(_is_linked_page)):
            if not offered_pages(user, type(page).objects.filter(pk=page.pk)).exists():
                form.add_error(name, _("Choose a published page, or a page of your own institute."))
        for ids in self._new_page_links():
            linked = Page.objects.filter(pk__in=ids)
            if offered_pages(user, linked).count() < linked.count():
                self.add_error(None, _("Choose a published page, or a page of your own institute."))
        for name, form, person in list(self._newly_chosen(_is_person)):
            if institute_id is None or not (person.is_superuser or institute_id in institute_roles(person)):
                form.add_error(name, _("%(email)s does not work for this institute.") % {"email": person.email})
        return cleaned

    def _new_page_links(self):
        """Ids of the pages each of the form's block and rich-text fields links to that the object
        did not link to before (``clean`` runs before the instance takes the new values)."""
        for name, value in self.cleaned_data.items():
            try:
                model_field = self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if value and hasattr(model_field, "extract_references"):
                new = _page_links(model_field, value) - _page_links(model_field, getattr(self.instance, name, None))
                if new:
                    yield new

    def _newly_chosen(self, kind):
        """(field name, form, object) for the objects of ``kind`` chosen in a field, except those
        the saved object already refers to: a course whose prerequisite was unpublished since, or
        whose instructor left, can still be edited."""
        for form in self._all_forms():
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE"):
                continue
            for name, value in data.items():
                if isinstance(value, models.Model) and kind(type(value), name) and value.pk != form.initial.get(name):
                    yield name, form, value


class InstituteModelForm(InstituteReferencesMixin, WagtailAdminModelForm):
    """Base form of institute-owned snippets and models."""


class InstitutePageForm(InstituteReferencesMixin, WagtailAdminPageForm):
    """Base form of the pages in an institute's part of the tree (institute, course, module, lesson, quiz)."""

    def form_institute_id(self) -> int | None:
        from .models import InstitutePage

        page = self.instance if self.instance.pk else self.parent_page
        if page is None:
            return None
        if isinstance(page.specific_deferred, InstitutePage):
            return page.pk
        return InstitutePage.objects.ancestor_of(page, inclusive=True).values_list("pk", flat=True).first()


class RestrictedAttestationMixin:
    """The uploader's attestation on restricted material (``courses.labels``, DOMAIN-KR §3.3 F3.1).

    The checkbox shows the attested text itself, in Korean whatever the admin's language: it is the
    versioned legal text whose hash is recorded. It is required when the page's effective label is
    restricted and no attestation of the current text version is on record for the page; the
    attestation is recorded when the page is saved (``record_pending_attestation``, from the
    page hooks). Publishing or approving a restricted page is refused here, with a message, to
    anyone but the institute's manager (the instructor's publish button would otherwise just save a
    draft).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .labels import ATTESTATION_TEXT, attestation_on_record
        from .models import Sensitivity

        course = self._page_course()
        if not self.instance.pk and not self.is_bound and course is not None:
            if course.sensitivity == Sensitivity.RESTRICTED:
                self.initial["sensitivity"] = Sensitivity.RESTRICTED  # a new lesson of a restricted course
        if "restricted_attestation" in self.fields:
            field = self.fields["restricted_attestation"]
            field.label = ATTESTATION_TEXT
            record = attestation_on_record(self.instance) if self.instance.pk else None
            if record is not None:
                field.help_text = _("Attested on %(date)s by %(name)s (text version %(version)s).") % {
                    "date": kdatetime(record.at),
                    "name": record.by.get_full_name() or record.by.email,
                    "version": record.text_version,
                }

    def _page_course(self):
        from .labels import course_of
        from .models import CoursePage

        if isinstance(self.instance, CoursePage):
            return None
        page = self.instance if self.instance.pk else self.parent_page
        if page is None:
            return None
        return course_of(page.specific_deferred)

    def clean(self):
        from .labels import attestation_on_record, highest
        from .models import Sensitivity

        cleaned = super().clean()
        own = cleaned.get("sensitivity") or Sensitivity.PUBLIC
        course = self._page_course()
        if course is not None and course.sensitivity == Sensitivity.RESTRICTED and own != Sensitivity.RESTRICTED:
            self.add_error(
                "sensitivity",
                _("This lesson's course is restricted: its lessons are restricted too and cannot be labelled lower."),
            )
        effective = highest(own, course.sensitivity if course is not None else Sensitivity.PUBLIC)
        if effective == Sensitivity.RESTRICTED and self.instance._meta.model_name == "lessonpage":
            for name in ("body", "body_en"):
                if name in cleaned and _has_images(cleaned[name]):
                    self.add_error(
                        name,
                        _(
                            "Images are served as public files and cannot carry the viewer's watermark: a restricted "
                            "lesson shows figures inside its restricted PDF (stamped for each viewer) instead."
                        ),
                    )
        self.attestation_required = effective == Sensitivity.RESTRICTED and attestation_on_record(self.instance) is None
        if self.attestation_required and not cleaned.get("restricted_attestation"):
            self.add_error(
                "restricted_attestation",
                _(
                    "Restricted material needs your attestation that it is not designated 방위산업기술, 비밀 or 전략기술."
                ),
            )
        publishing = self.data.get("action-publish") or (
            self.data.get("action-workflow-action") and self.data.get("workflow-action-name") == "approve"
        )
        user = getattr(self, "for_user", None)
        if publishing and effective == Sensitivity.RESTRICTED and user is not None:
            page = self.instance if self.instance.pk else self.parent_page
            if not _may_publish_restricted(user, page):
                self.add_error(
                    None,
                    _(
                        "Restricted material is published only by the institute's manager: submit it for review instead."
                    ),
                )
        return cleaned

    def save(self, commit=True):
        page = super().save(commit=commit)
        if getattr(self, "attestation_required", False) and self.cleaned_data.get("restricted_attestation"):
            page._pending_attestation = (self.for_user, self.cleaned_data.get("restricted_reference") or "")
        return page


def _has_images(stream) -> bool:
    """Does a StreamField value hold an image (an image block, or an image embedded in rich text)?"""
    if not stream:
        return False
    try:
        data = stream.get_prep_value()
    except AttributeError:
        data = stream

    def walk(node) -> bool:
        if isinstance(node, dict):
            return node.get("type") == "image" or any(walk(value) for value in node.values())
        if isinstance(node, list | tuple):
            return any(walk(item) for item in node)
        return isinstance(node, str) and 'embedtype="image"' in node

    return walk(data)


def _may_publish_restricted(user, page) -> bool:
    """Is ``user`` a manager of the institute ``page`` (the page or the new page's parent) is in?"""
    from .models import InstitutePage
    from .permissions import user_is_institute_manager

    if user.is_superuser:
        return True
    if page is None:
        return False
    institute = InstitutePage.objects.ancestor_of(page, inclusive=True).first()
    return institute is not None and user_is_institute_manager(user=user, institute=institute)


def record_pending_attestation(page) -> None:
    """Record the attestation a page form accepted, once the page has its id (``wagtail_hooks``)."""
    pending = getattr(page, "_pending_attestation", None)
    if pending is None or page.pk is None:
        return
    from .labels import attest

    user, reference = pending
    page._pending_attestation = None
    attest(obj=page, user=user, reference=reference)


class CoursePageForm(RestrictedAttestationMixin, InstitutePageForm):
    restricted_attestation = forms.BooleanField(required=False)
    restricted_reference = forms.CharField(
        label=gettext_lazy("판정 reference (optional)"),
        required=False,
        max_length=200,
        help_text=gettext_lazy(
            "The number or date of a 방위산업기술 판정 or the security officer's review, if there was one."
        ),
    )


class LessonPageForm(RestrictedAttestationMixin, InstitutePageForm):
    """A lesson of a course with funded runs needs its 학습시간 (DOMAIN-KR §1.3) when it counts for progress.

    Required study minutes left empty: the total length of the lesson's uploaded videos, rounded up
    to whole minutes (0 without videos). A video still being read (``courses.video``) has no length
    yet: the form says so instead of guessing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and "study_minutes" in self.fields and not self.is_bound:
            self.initial["study_minutes"] = None  # a new lesson: empty, the videos' length unless set

    def _minutes_of_videos(self, body) -> int:
        from .models import VideoInfo
        from .video import total_minutes, video_blocks

        files = [block.value["file"] for block in video_blocks(body)]
        if not files:
            return 0
        lengths = dict(
            VideoInfo.objects.filter(
                document_id__in=[f.pk for f in files], state=VideoInfo.State.READY, duration_seconds__isnull=False
            ).values_list("document_id", "duration_seconds")
        )
        unknown = [f.title for f in files if f.pk not in lengths]
        if unknown:
            self.add_error(
                "study_minutes",
                _(
                    "The length of the video “%(title)s” is not known yet (it is being read, or could not be read). "
                    "Enter the study minutes, or save again in a minute."
                )
                % {"title": unknown[0]},
            )
            return 0
        return total_minutes(lengths[f.pk] for f in files)

    restricted_attestation = CoursePageForm.base_fields["restricted_attestation"]
    restricted_reference = CoursePageForm.base_fields["restricted_reference"]

    def clean(self):
        from .models import CoursePage

        cleaned = super().clean()
        if cleaned.get("study_minutes") is None and "study_minutes" in self.fields:
            cleaned["study_minutes"] = self._minutes_of_videos(cleaned.get("body"))
        if cleaned.get("required") and not cleaned.get("study_minutes"):
            page = self.instance if self.instance.pk else self.parent_page
            course = CoursePage.objects.ancestor_of(page, inclusive=True).first() if page is not None else None
            if course is not None and course.runs.filter(emp_ins_flag__gt=0).exists():
                self.add_error(
                    "study_minutes",
                    _("This course has funded runs: every lesson that counts for progress needs its study time."),
                )
        return cleaned
