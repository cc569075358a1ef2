"""A fake EMON server (a thread running ``http.server`` on 127.0.0.1, port 0) that records every
request and answers with the code the test sets; it checks the documented headers and body."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AGENT_PK = "AGT0001"
API_KEY = "test-emon-key"


class FakeEmon:
    def __init__(self):
        self.requests: list[dict] = []
        self.code = "200"
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                fake.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                answer = {"code": fake.code, "msg": "ok" if fake.code == "200" else "server error"}
                answer["data_cnt"] = len(body.get("dataList", []))
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def rows(self, endpoint: str) -> list[dict]:
        return [row for r in self.requests if r["path"] == f"/api/v2/{endpoint}" for row in r["body"]["dataList"]]
