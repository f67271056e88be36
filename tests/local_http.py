"""A real HTTP server on 127.0.0.1 for tests that talk to outside services (OIDC, Elasticsearch).

The code under test makes real HTTP requests with its real client library;
only the service on the other end is ours. ``routes`` maps (method, path)
to a function taking (query dict, form dict, headers) and returning
(status, headers dict, body bytes or JSON-able object).
"""

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@contextmanager
def local_http_server(routes):
    class Handler(BaseHTTPRequestHandler):
        def _handle(self, method):
            url = urlsplit(self.path)
            route = routes.get((method, url.path))
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if route is None:
                status, headers, body = 404, {}, {"error": "not found"}
            else:
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                status, headers, body = route(query, form, dict(self.headers))
            if not isinstance(body, bytes):
                body = json.dumps(body).encode()
                headers = {"Content-Type": "application/json", **headers}
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if method != "HEAD":
                self.wfile.write(body)

        def do_GET(self):
            self._handle("GET")

        def do_HEAD(self):
            self._handle("HEAD")

        def do_POST(self):
            self._handle("POST")

        def log_message(self, *args):  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def closed_port_url() -> str:
    """An address where nothing listens (connection refused at once)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
