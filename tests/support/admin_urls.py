"""Every URL the Wagtail admin registers, read from the URL configuration itself.

The permission matrix requests them all, so a view that a later Wagtail release, or a later commit
of ours, adds under ``/cms/`` is covered without anyone remembering to list it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from courses.admin_guard import view_model

ADMIN_PREFIX = "cms/"
_PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<regex_name>\w+)>(?P<regex>[^)]*)\)")


@dataclass(frozen=True)
class AdminRoute:
    route: str  # as registered, e.g. "cms/pages/<int:page_id>/edit/"
    name: str  # the URL name with its namespaces, e.g. "wagtailadmin_pages:edit"
    parameters: tuple[str, ...]
    model: type | None  # the model its view works on, when the view says so

    def fill(self, values: dict[str, object]) -> str | None:
        """The concrete path with ``values`` put in, or None when a parameter has no value."""
        if any(name not in values for name in self.parameters):
            return None

        def substitute(match):
            name = match.group("name") or match.group("regex_name")
            return str(values[name])

        path = _PARAMETER.sub(substitute, self.route)
        return "/" + path.replace("^", "").replace("$", "").replace("\\.", ".")


def _walk(patterns, prefix: str = "", namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), f"{namespace}{pattern.name or ''}", pattern


def admin_routes() -> list[AdminRoute]:
    """Every URL pattern under ``/cms/``, in the order Django resolves them."""
    routes = []
    seen = set()
    for route, name, pattern in _walk(get_resolver().url_patterns):
        if not route.startswith(ADMIN_PREFIX) or route in seen:
            continue
        seen.add(route)
        parameters = tuple(dict.fromkeys(m.group("name") or m.group("regex_name") for m in _PARAMETER.finditer(route)))
        routes.append(AdminRoute(route=route, name=name, parameters=parameters, model=view_model(pattern.callback)))
    return routes
