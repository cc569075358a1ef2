from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .middleware import bump_generation, bump_generation_for_pages

        # Cache invalidation, not domain work: a new generation of everything cached from the page
        # tree (anonymous pages, routes, course structures). Any saved or deleted page counts,
        # moves and drafts included; publishing also sends its own signal.
        page_published.connect(bump_generation, dispatch_uid="academy-page-cache-published")
        page_unpublished.connect(bump_generation, dispatch_uid="academy-page-cache-unpublished")
        post_page_move.connect(bump_generation, dispatch_uid="academy-page-cache-moved")
        post_save.connect(bump_generation_for_pages, dispatch_uid="academy-page-cache-saved")
        post_delete.connect(bump_generation_for_pages, dispatch_uid="academy-page-cache-deleted")
