"""The home page and the site-wide settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from courses.blocks import BaseStreamBlock
from pagecache.restrictions import ViewRestrictionsMixin


class HomePage(ViewRestrictionsMixin, Page):
    """The Academy's front page: a hero with the main call to action, featured courses and a free body.

    Text fields come in Korean and English; the English one is shown to English readers when set.
    """

    page_description = _(
        "The Academy's front page: the hero with the main call to action, featured courses and free content. There is one, at the root of the site."
    )

    hero_title = models.CharField(_("Hero title"), max_length=120, blank=True)
    hero_title_en = models.CharField(_("Hero title (English)"), max_length=160, blank=True)
    hero_text = models.TextField(_("Hero text"), blank=True)
    hero_text_en = models.TextField(_("Hero text (English)"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_text = models.CharField(_("Button text"), max_length=40, blank=True)
    hero_cta_text_en = models.CharField(_("Button text (English)"), max_length=60, blank=True)
    hero_cta_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Button links to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_heading = models.CharField(_("Featured courses heading"), max_length=80, blank=True)
    featured_heading_en = models.CharField(_("Featured courses heading (English)"), max_length=120, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Body"), blank=True)
    body_en = StreamField(
        BaseStreamBlock(),
        verbose_name=_("Body (English)"),
        blank=True,
        help_text=_("Leave empty to show the Korean body to English readers too."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_title_en"),
                FieldPanel("hero_text"),
                FieldPanel("hero_text_en"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_text"),
                FieldPanel("hero_cta_text_en"),
                FieldPanel("hero_cta_link"),
            ],
            heading=_("Hero"),
        ),
        MultiFieldPanel(
            [FieldPanel("featured_heading"), FieldPanel("featured_heading_en")], heading=_("Featured courses")
        ),
        FieldPanel("body"),
        FieldPanel("body_en"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]

    class Meta:
        verbose_name = _("Home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_courses"] = self.get_featured_courses()
        return context

    def route(self, request, path_components):
        """Find the pages along the path in one lookup by their ``url_path``, then let Wagtail route
        from there.

        Wagtail walks the tree one level at a time, two queries per level. Here one query finds
        every page whose ``url_path`` is a prefix of the path; the walk then goes on with Wagtail's
        own ``route`` of the deepest page found, or of the first one whose model routes its own
        sub-paths (a ``RoutablePageMixin`` page: its sub-routes win over its children, as in
        Wagtail's walk), with the rest of the path. A path that goes beyond every page found is
        Wagtail's walk from there (a 404 unless a page routes it).
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            f"{self.url_path}{'/'.join(path_components[:depth])}/" for depth in range(1, len(path_components) + 1)
        ]
        found = {page.url_path: page for page in Page.objects.filter(url_path__in=prefixes)}
        start, rest = None, path_components
        for depth, prefix in enumerate(prefixes, start=1):
            page = found.get(prefix)
            if page is None:
                break
            start, rest = page, path_components[depth:]
            if page.specific_class is not None and page.specific_class.route is not Page.route:
                break
        if start is None:
            return super().route(request, path_components)
        return start.specific.route(request, rest)

    def get_featured_courses(self):
        """Courses to show on the front page (the catalog fills this in once courses exist)."""
        from home.selectors import featured_courses

        return featured_courses()


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details shown in the footer of every page."""

    contact_email = models.EmailField(_("Contact e-mail"), blank=True)
    contact_phone = models.CharField(_("Contact phone"), max_length=40, blank=True)
    address = models.CharField(_("Address"), max_length=200, blank=True)
    address_en = models.CharField(_("Address (English)"), max_length=250, blank=True)

    panels = [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("address"), FieldPanel("address_en")]

    class Meta:
        verbose_name = _("Site settings")
