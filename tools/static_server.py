"""Serve a built site the way a static host does, on 127.0.0.1 only.

Like GitHub Pages or any web server in front of the site: a missing address gets the site's
/404.html with status 404, and text is sent gzip-compressed to a browser that accepts it.
Used by the browser tests (tests/conftest.py) and the Lighthouse script (bench/lighthouse.py).

    python tools/static_server.py site/ [PORT]
"""
from __future__ import annotations

import functools
import gzip
import http.server
import os
import sys
import threading
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # quiet: tests and scripts print what matters
        pass

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        self._send(404, "text/html; charset=utf-8", not_found.read_bytes())

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().do_GET()  # the redirect to the address with a slash
            path = path / "index.html"
        if not path.is_file():
            return self.send_error(404)
        self._send(200, self.guess_type(str(path)), path.read_bytes())

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        compress = content_type.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_HEAD = do_GET


def serve(directory: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving `directory` in a background thread; returns the server and its base URL."""
    handler = functools.partial(StaticHostHandler, directory=os.fspath(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


if __name__ == "__main__":
    server, url = serve(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(f"serving {sys.argv[1]} at {url}/ (Ctrl-C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
