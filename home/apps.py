from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .middleware import bump_generation

        # Cache invalidation, not domain work: a new generation of cached anonymous pages.
        page_published.connect(bump_generation, dispatch_uid="academy-page-cache-published")
        page_unpublished.connect(bump_generation, dispatch_uid="academy-page-cache-unpublished")
