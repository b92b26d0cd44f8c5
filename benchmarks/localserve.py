"""A static server on loopback for measurements and browser tests, gzip-compressing as a real host does."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
import time
from pathlib import Path
from typing import BinaryIO

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".csv")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request; records each GET (time, path) where the server has a log."""

    def do_GET(self) -> None:
        """Record the request, then serve it."""
        requests = getattr(self.server, "requests", None)
        if requests is not None:
            requests.append((time.time(), self.path))
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        """Log nothing."""


class GzipHandler(QuietHandler):
    """Serves text files gzip-compressed when the browser accepts it (``python -m http.server`` never does)."""

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        """Compressed body for compressible files, else the base class's answer."""
        requested = Path(self.translate_path(self.path))
        if requested.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the base class redirects "dir" to "dir/"
        path = requested / "index.html" if requested.is_dir() else requested
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepted or path.suffix not in COMPRESSIBLE or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def serve(
    directory: Path, gzip_encoding: bool = False, requests: list[tuple[float, str]] | None = None
) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on a free loopback port in a background thread; returns the server and its base URL.

    ``requests``: where to record every GET as ``(time, path)``, for tests of what a page downloads and when.
    """
    handler = functools.partial(GzipHandler if gzip_encoding else QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.requests = requests  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
