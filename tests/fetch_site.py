"""A small news site served from 127.0.0.1 on a free port, for the fetch tests (no network).

Each path answers from a route: a page with an ETag (304 to a matching If-None-Match), a sequence
of answers (503 then 200), a redirect, a body bigger than the fetcher's cap. Every request is
logged with its headers, so tests can check what kliping asked for and what it never asked for.
Article pages are built from the five bundled sample articles (examples/seeds, real news text).
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"

Answer = tuple[int, dict[str, str], bytes]


@dataclass
class Site:
    base: str = ""
    routes: dict[str, Callable[[dict[str, str]], Answer]] = field(default_factory=dict)
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def asked(self, path: str) -> list[dict[str, str]]:
        """The headers of every request made for ``path``."""
        return [headers for p, headers in self.log if p == path]

    def page(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8",
             etag: str | None = None) -> None:
        def answer(headers: dict[str, str]) -> Answer:
            if etag and headers.get("if-none-match") == etag:
                return 304, {"ETag": etag}, b""
            extra = {"ETag": etag} if etag else {}
            return 200, {"Content-Type": content_type, **extra}, body
        self.routes[path] = answer

    def sequence(self, path: str, answers: list[Answer]) -> None:
        """Answer in turn; the last answer repeats."""
        left = list(answers)

        def answer(headers: dict[str, str]) -> Answer:
            return left.pop(0) if len(left) > 1 else left[0]
        self.routes[path] = answer

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = lambda headers: (status, {"Location": location}, b"")


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.site.log.append((self.path, headers))
        route = self.site.routes.get(self.path)
        status, extra, body = route(headers) if route else (404, {"Content-Type": "text/plain"}, b"not found")
        self.send_response(status)
        for key, value in extra.items():
            if value:  # "Content-Length": "" sends none: the body runs until the connection closes
                self.send_header(key, value)
        if "Content-Length" not in extra:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading (the size cap): expected

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@contextmanager
def serve() -> Iterator[Site]:
    site = Site()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def seed_page(stem: str) -> tuple[str, bytes]:
    """A sample article as a news site's page: its headline in <h1> and <title>, its paragraphs in <article>."""
    path = next(SEEDS.glob(f"{stem}*.txt"))
    lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    title, paragraphs = lines[0], lines[1:]
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    page = (f"<!doctype html><html lang='id'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{html.escape(title)}</h1>\n{body}"
            f"</article><footer>Copyright</footer></body></html>")
    return title, page.encode("utf-8")


STEMS = ("000", "001", "002", "003", "004")


def rss(site: Site, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>t</title><link>{site.url(p)}</link><guid>{site.url(p)}</guid></item>"
                    for p in paths)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News</title>'
            f"<link>{site.base}/</link>{items}</channel></rss>").encode()
