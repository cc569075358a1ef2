"""Requests that arrive at the same instant: several logged-in clients behind one barrier, each in
its own thread and database connection (the tests that use it are ``transaction=True``)."""

from __future__ import annotations

import threading

from django.db import close_old_connections
from django.test import Client


def post_together(user, url: str, bodies: list[dict]) -> list[int]:
    """POST each body to ``url`` as ``user``, all released at once; the status codes, in the order
    the answers came back."""
    barrier = threading.Barrier(len(bodies))
    statuses: list[int] = []

    def post(body):
        try:
            client = Client()
            client.force_login(user)
            barrier.wait(timeout=30)
            statuses.append(client.post(url, body).status_code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=post, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses
