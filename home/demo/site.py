"""The demo home page and site settings; their texts are in ``data/site.json``."""

from __future__ import annotations

from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings

from . import content


def load_site(*, port: int = 8000) -> HomePage:
    data = content.read("site")
    home = HomePage.objects.first()
    if home is None:  # the migration creates it; rebuild only if someone deleted it
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title=data["home"]["title"], slug="home"))
    changed = False
    for field, value in data["home"]["hero"].items():
        if not getattr(home, field):
            setattr(home, field, value)
            changed = True
    if not home.body:
        home.body = data["home"]["body"]
        changed = True
    if not home.body_en:
        home.body_en = data["home"]["body_en"]
        changed = True
    if changed:
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=port, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk or site.site_name != data["site_name"]:
        site.root_page = home
        site.site_name = data["site_name"]
        site.save()
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        for field, value in data["settings"].items():
            setattr(site_settings, field, value)
        site_settings.save()
    return home
