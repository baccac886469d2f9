"""Requests → yes/no on who may change state, and responses → the headers that keep pages inert.

Cross-site request forgery is refused twice over: a POST must come from this site's own origin (the Origin
header, or the Referer's origin when a browser sends no Origin; neither → refused), and it must carry a form
token that is an HMAC of the visitor's session cookie (SameSite=Strict, HttpOnly) under a secret that lives
only in this process. A restart changes the secret, so an old form fails once and a reload mends it.

DNS rebinding (a hostile page whose name resolves to 127.0.0.1) is stopped earlier, by the Host allowlist in
app.py: such a request names the attacker's host, never one of ours.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "kliping_session"
TOKEN_FIELD = "csrf_token"
_SESSION = re.compile(r"^[A-Za-z0-9_-]{32,64}$")

# No script at all; styles only from our own /style.css; SVG is inline markup, not an image load.
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                           "base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on our own form posts
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


class SecurityHeaders:
    """ASGI middleware: every response, error pages included, carries SECURITY_HEADERS."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in SECURITY_HEADERS if k not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Csrf:
    """Session cookies and the form tokens bound to them."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def session(self, request: Request) -> tuple[str, bool]:
        """The visitor's session id, and whether it is new (then the response must set the cookie)."""
        value = request.cookies.get(SESSION_COOKIE, "")
        if _SESSION.match(value):
            return value, False
        return secrets.token_urlsafe(32), True

    def token(self, session: str) -> str:
        return hmac.new(self._secret, b"kliping-csrf:" + session.encode("ascii"), hashlib.sha256).hexdigest()

    def valid(self, request: Request, token: object) -> bool:
        """True when the request has a session cookie and ``token`` is that session's token."""
        session, new = self.session(request)
        return not new and isinstance(token, str) and hmac.compare_digest(self.token(session), token)

    @staticmethod
    def set_cookie(request: Request, response: Response, session: str) -> None:
        response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict", path="/",
                            secure=request.url.scheme == "https")


def same_origin(request: Request) -> bool:
    """True when the request says it was sent by a page of this very site (scheme, host and port)."""
    host = request.headers.get("host", "").lower()
    if not host:
        return False
    expected = f"{request.url.scheme}://{host}"
    origin = request.headers.get("origin")
    if origin is not None:
        return origin.lower() == expected  # "null" (sandboxed frames, privacy modes) is refused too
    referer = request.headers.get("referer")
    if referer:
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}".lower() == expected
    return False
