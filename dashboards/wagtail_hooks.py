"""The dashboards' admin screens: each screen's module registers its own hooks."""

from . import cluster_hooks  # noqa: F401
