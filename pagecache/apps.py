from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction, Site, get_page_models
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .generation import bump_generation

        # Cache invalidation, not domain work: a new generation of everything cached from the page
        # tree (anonymous pages, routes, view restrictions, course structures). Any saved or
        # deleted page counts, moves and drafts included, and any change to a site or a view
        # restriction; publishing and unpublishing also send their own signals. Connected per
        # model, so saves of other models (progress heartbeats, answers) never reach the receiver.
        # A change made with ``QuerySet.update()`` sends no signal: routes stay right anyway (each
        # is checked against the page's row on use, ``pagecache.routing``).
        page_published.connect(bump_generation, dispatch_uid="academy-page-cache-published")
        page_unpublished.connect(bump_generation, dispatch_uid="academy-page-cache-unpublished")
        post_page_move.connect(bump_generation, dispatch_uid="academy-page-cache-moved")
        for model in {Page, Site, PageViewRestriction, *get_page_models()}:
            for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
                signal.connect(
                    bump_generation, sender=model, dispatch_uid=f"academy-page-cache-{name}-{model._meta.label}"
                )
