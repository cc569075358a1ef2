"""The browser tests' fixtures and helpers: Playwright on Debian's Chromium (``browser``, ``page``,
registered by ``tests/conftest.py``), the two screen sizes, logging in without the form, screenshots,
and the axe-core accessibility check (axe-core from npm, ``package.json``; ``bin/setup --dev``).

Screenshots go to ``var/screenshots/`` (the README says so): ``<name>-desktop.png`` and
``<name>-phone.png``. Open them and look at them as a user would before calling a page done.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("ACADEMY_CHROMIUM", "/usr/bin/chromium")


def new_page(browser, size: str = "desktop", *, locale: str = "ko-KR"):
    """A page in a fresh context at ``size`` ("desktop" 1366×900 or "phone" 390×844, touch, mobile)."""
    options = {"locale": locale, "viewport": SIZES[size]}
    if size == "phone":
        options.update(is_mobile=True, has_touch=True, device_scale_factor=2)
    context = browser.new_context(**options)
    return context.new_page()


def log_in(page, live_server_url: str, user) -> None:
    """Sign ``user`` in for this page's browser context, as the login form would (session cookie)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server_url, "httpOnly": True}]
    )


def screenshot(page, name: str, *, size: str | None = None, full_page: bool = True) -> Path:
    """Save the page as ``var/screenshots/<name>-<size>.png`` (the size read from the viewport)."""
    if size is None:
        size = "phone" if page.viewport_size and page.viewport_size["width"] < 700 else "desktop"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{size}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def axe_violations(page, *, impacts=("serious", "critical")) -> list[dict]:
    """axe-core's violations on the page at ``impacts``: [{"id", "impact", "help", "targets"}].

    The script runs through the DevTools protocol, so the page's Content-Security-Policy (which
    refuses injected scripts) stays in force for the page itself.
    """
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: run bin/setup --dev (npm ci)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    violations = page.evaluate(
        """async () => {
            const result = await window.axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
            }));
        }"""
    )
    return [v for v in violations if v["impact"] in impacts]


def assert_accessible(page) -> None:
    """No serious or critical axe-core violation on the page, listed by rule when there are."""
    found = axe_violations(page)
    assert found == [], "\n".join(f"{v['impact']} {v['id']}: {v['help']} {v['targets']}" for v in found)


@pytest.fixture
def browser(live_server):
    """Debian's Chromium driven by Playwright (Playwright's own browser download does not work here).

    Function-scoped on purpose: Playwright's sync API runs an event loop in this thread, and
    Django's per-context connections seen inside it are not the ones the test database set-up
    prepared (with the serialized rows that a transactional test restores). Starting the browser
    after the database fixtures, and stopping it before their teardown, keeps the two apart.
    """
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()
        # Connections the test opened while Playwright's loop ran belong to that context: close them
        # here, or the test database cannot be dropped at the end of the run.
        from django.db import connections

        connections.close_all()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ko-KR")
    page = context.new_page()
    yield page
    context.close()
