"""What every e-mail the Academy sends must look like, read from ``mail.outbox``."""

from __future__ import annotations

import re

PREFIX = "[대전 방산혁신클러스터 아카데미] "
URL = re.compile(r"https?://[^\s\"'<>]+")


def assert_well_formed(message) -> tuple[str, str]:
    """One subject prefix, a text and an HTML part, every link alone on its line (no Korean
    particle glued to it) and clickable in the HTML. Returns (text, html)."""
    assert message.subject.startswith(PREFIX), message.subject
    assert message.subject.count("[") == 1, message.subject
    html = dict((mimetype, content) for content, mimetype in message.alternatives).get("text/html")
    assert html, "no HTML part"
    text = message.body
    urls = URL.findall(text)
    assert urls, "no link in the message"
    for line in text.splitlines():
        if URL.search(line):
            assert URL.fullmatch(line.strip()), f"a link shares its line: {line!r}"
    for url in urls:
        assert f'href="{url}"' in html, f"{url} is not a link in the HTML part"
    return text, html
