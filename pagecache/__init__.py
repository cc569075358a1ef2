"""The page-tree generation, the route cache and the anonymous page cache.

Ground floor: imports Django and Wagtail only, so ``courses`` (and everything above it) may use it.
Everything here goes through public Wagtail and Django interfaces: ``Page.route_for_request``,
the ``before_serve_page`` and ``on_serve_page`` hooks, ``Page.serve``, Wagtail's page signals and
Django's cache API.
"""
