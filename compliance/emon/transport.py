"""How a batch reaches the 공단 (``ACADEMY_EMON_TRANSPORT``).

- ``http``: POST ``{"dataList": [...]}`` as JSON to ``<ACADEMY_EMON_URL>/api/v2/<endpoint>`` with the
  headers ``Content-Type: application/json``, ``X-TQIAPI-HEADER: <API key>``, ``X-TQIAPI-USER:
  <agent pk>``; the answer is JSON ``{code, msg, data_cnt}``, success ``code == "200"`` (DOMAIN-KR §2.1).
- ``fake``: answers 200 to everything without any network (development, the demo).
- ``none``: sends nothing; rows stay pending (the default until the 공단 issues the keys).

A network failure, an HTTP error or an answer that is not that JSON is an answer too (its code
names what happened), so the sender marks the batch as an error and retries it later.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings


@dataclass(frozen=True)
class Answer:
    code: str
    msg: str = ""

    @property
    def ok(self) -> bool:
        return self.code == "200"


class Transport(Protocol):
    def send(self, endpoint: str, rows: list[dict]) -> Answer | None:
        """Send one batch; None: nothing was sent (the rows stay as they are)."""


class HttpTransport:
    def __init__(self, *, url: str, agent_pk: str, api_key: str, timeout: int):
        if not url.startswith(("https://", "http://")):
            raise ValueError("ACADEMY_EMON_URL must be an http(s) URL")
        self.url, self.agent_pk, self.api_key, self.timeout = url.rstrip("/"), agent_pk, api_key, timeout

    def send(self, endpoint: str, rows: list[dict]) -> Answer:
        body = json.dumps({"dataList": rows}, ensure_ascii=False).encode()
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
            f"{self.url}/api/v2/{endpoint}",
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "X-TQIAPI-HEADER": self.api_key,
                "X-TQIAPI-USER": self.agent_pk,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                raw = response.read()
        except urllib.error.HTTPError as error:
            return Answer(code=f"HTTP {error.code}", msg=str(error.reason)[:500])
        except (OSError, ValueError) as error:
            return Answer(code="network", msg=repr(error)[:500])
        try:
            answer = json.loads(raw)
            return Answer(code=str(answer.get("code", "")), msg=str(answer.get("msg", ""))[:2000])
        except (ValueError, AttributeError):
            return Answer(code="bad answer", msg=raw[:500].decode(errors="replace"))


class FakeTransport:
    def send(self, endpoint: str, rows: list[dict]) -> Answer:
        return Answer(code="200", msg="fake transport")


class NoTransport:
    def send(self, endpoint: str, rows: list[dict]) -> None:
        return None


def get_transport() -> Transport:
    kind = settings.ACADEMY_EMON_TRANSPORT
    if kind == "http":
        return HttpTransport(
            url=settings.ACADEMY_EMON_URL,
            agent_pk=settings.ACADEMY_EMON_AGENT_PK,
            api_key=settings.ACADEMY_EMON_API_KEY,
            timeout=settings.ACADEMY_EMON_TIMEOUT,
        )
    if kind == "fake":
        return FakeTransport()
    return NoTransport()
