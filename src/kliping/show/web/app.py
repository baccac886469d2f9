"""A store path → the local web app (Starlette): browse stories, search, read articles and speakers, add articles.

Routes (each GET page has a JSON twin: the same URL with ``?format=json`` returns the page's view model):

    GET  /                      stories, a page at a time (?page=N&per_page=), filtered (?since=&until=&outlet=
                                &entity=&min_size=)
    GET  /search?q=&speaker=&since=&until=&outlet=&entity=&story=&sort=relevance|date
    GET  /stories/{id}          summary, timeline, claims with evidence, quotes by speaker, sources, articles
    GET  /articles/{id}         one article, quotes and dates highlighted
    GET  /outlets               each outlet: articles, stories, first and last day, owner group
    GET  /speakers/{name}       everything one person said, across stories, by date (another name of theirs:
                                a redirect to their entity page)
    GET  /entities/{name}       a person, organisation or place: aliases, the stories and articles that mention
                                them, what they said (any alias or case: a redirect to the canonical name)
    POST /stories/{id}/verdict  the desk's verdict on one of the story's claims, then 303 back to the story
    GET  /add                   the add form (files or pasted text)
    POST /add                   adds, then 303 to the story the articles landed in (JSON: the outcome)
    GET  /style.css             the dossier's stylesheet plus the app's own rules

Safety: GETs never write; POST /add and /verdict need a same-origin Origin/Referer and the session's CSRF token
(security.py); bodies over MAX_UPLOAD_BYTES are cut off while streaming (413); uploads are read in a private
temp folder (uploads.py); Host must be one we serve (DNS rebinding); every page has a script-free CSP.
Handlers run in worker threads and an SQLite connection belongs to the thread that made it, so each worker
thread opens the store once and keeps it (opening migrates, which takes the write lock: not once a page).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from kliping.errors import InputError, StoreError, StoreFailed
from kliping.model import Article
from kliping.run.verdict import StaleClaim, verdict_on
from kliping.show.report import layout_chart
from kliping.show.views import date_label
from kliping.show.web import pages
from kliping.show.web.security import TOKEN_FIELD, Csrf, SecurityHeaders, same_origin
from kliping.show.web.shelf import StoryShelf
from kliping.show.web.uploads import ACCEPTED, MAX_FILES, MAX_UPLOAD_BYTES, TooLarge, limited_receive, read_uploads
from kliping.store import AddResult, Store
from kliping.store_files import as_store_error

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
MAX_VERDICT_BYTES = 256 * 1024  # a claim id, a rating and a note of 10,000 characters, percent-encoded
T = TypeVar("T")


def allowed_hosts_for(bind: str) -> list[str]:
    """Host header values to accept when listening on ``bind``: loopback names, plus the bind address itself.

    A wildcard bind (0.0.0.0, ::) is the user asking to be reached under any name, so any Host is accepted.
    """
    if bind in ("0.0.0.0", "::", ""):
        return ["*"]
    return list(dict.fromkeys([*LOCAL_HOSTS, bind]))


def _environment() -> Environment:
    # The web pages first, then the dossier's own partials (story.html.j2, chart.svg.j2): one story rendering.
    env = Environment(loader=ChoiceLoader([PackageLoader("kliping.show.web", "templates"),
                                           PackageLoader("kliping.show", "templates")]),
                      autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["date_label"] = date_label
    return env


class _App:
    """The handlers, with the store path, templates and CSRF secret they share."""

    def __init__(self, db_path: Path, secret: bytes | None) -> None:
        self.db_path = db_path
        self.env = _environment()
        self.csrf = Csrf(secret)
        self._local = threading.local()
        self.shelf = StoryShelf(lambda: Store.open(db_path, write=False))
        css = Path(__file__).resolve().parent.parent / "templates" / "style.css"
        self.css = css.read_text("utf-8") + "\n" + (Path(__file__).resolve().parent / "app.css").read_text("utf-8")

    async def _with_store(self, work: Callable[[Store], T], *, write: bool = False) -> T:
        """``work`` on this thread's connection: read-only for pages (a GET never writes), writable for /add."""
        def run() -> T:
            name = "writer" if write else "reader"
            store: Store | None = getattr(self._local, name, None)
            if store is None:
                store = Store.open(self.db_path, write=write)
                setattr(self._local, name, store)
            return work(store)

        return await run_in_threadpool(run)

    def _render(self, request: Request, template: str, view: dict[str, Any], status: int = 200,
                **extra: Any) -> Response:
        """The page as HTML, or its view model as JSON when ``?format=json`` asks for the twin."""
        if request.query_params.get("format") == "json":
            return JSONResponse(view, status_code=status)
        json_url = request.url.include_query_params(format="json")
        html = self.env.get_template(template).render(page=view, json_url=f"{quote(json_url.path)}?{json_url.query}",
                                                      **extra)
        return HTMLResponse(html, status_code=status)

    async def home(self, request: Request) -> Response:
        view = await self._with_store(partial(pages.home_page, params=request.query_params))
        return self._render(request, "home.html", view, status=400 if view["errors"] else 200)

    async def search(self, request: Request) -> Response:
        p = request.query_params
        view = await self._with_store(partial(pages.search_page, q=p.get("q", ""), speaker=p.get("speaker", ""),
                                              story=p.get("story", ""), params=p))
        return self._render(request, "search.html", view, status=400 if view["errors"] else 200)

    async def story(self, request: Request) -> Response:
        view = await self._with_store(partial(pages.story_page, story_id=request.path_params["story_id"],
                                              shelf=self.shelf))
        if view is None:
            raise HTTPException(404, "There is no story with this id. It may have been merged into another.")
        session, new = self.csrf.session(request)  # the verdict form is token-protected like /add
        response = self._render(request, "story.html", view, svg=layout_chart(view["story"]["chart"]),
                                csrf_token=self.csrf.token(session))
        if new:
            self.csrf.set_cookie(request, response, session)
        return response

    async def verdict(self, request: Request) -> Response:
        """The story page's verdict form: the desk's rating and note on a claim (run/verdict.py)."""
        story_id = request.path_params["story_id"]
        if not same_origin(request):
            raise HTTPException(403, "This form may only be sent from this site's own story page.")
        too_large = HTTPException(413, f"A verdict is at most {MAX_VERDICT_BYTES // 1024} KB: shorten the note.")
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_VERDICT_BYTES:
            raise too_large
        limited = Request(request.scope, limited_receive(request.receive, MAX_VERDICT_BYTES))
        try:
            async with limited.form(max_files=0, max_fields=10, max_part_size=MAX_VERDICT_BYTES) as form:
                if not self.csrf.valid(request, form.get(TOKEN_FIELD)):
                    raise HTTPException(403, "The form has expired or did not come from this site. "
                                             "Reload the story page and send it again.")
                fields = {name: value if isinstance(value := form.get(name), str) else ""
                          for name in ("claim", "rating", "note")}
        except TooLarge:
            raise too_large from None
        claim_id, _, seen = fields["claim"].partition(":")
        if not claim_id.startswith(f"{story_id}-c"):
            raise HTTPException(400, "Choose one of this story's claims.")
        try:
            verdict = await self._with_store(partial(verdict_on, claim_id=claim_id, rating=fields["rating"],
                                                     note=fields["note"], seen=seen), write=True)
        except StaleClaim as err:
            raise HTTPException(409, str(err)) from err
        except InputError as err:
            raise HTTPException(400, str(err)) from err
        if request.query_params.get("format") == "json":
            return JSONResponse(verdict.to_dict())
        return RedirectResponse(pages.href("stories", story_id) + "#verdicts", status_code=303)

    async def article(self, request: Request) -> Response:
        view = await self._with_store(partial(pages.article_page, article_id=request.path_params["article_id"],
                                              shelf=self.shelf))
        if view is None:
            raise HTTPException(404, "There is no article with this id.")
        return self._render(request, "article.html", view)

    async def outlets(self, request: Request) -> Response:
        view = await self._with_store(pages.outlets_page)
        return self._render(request, "outlets.html", view)

    async def speaker(self, request: Request) -> Response:
        name = request.path_params["name"]
        view = await self._with_store(partial(pages.speaker_page, name=name))
        if view is None:  # another name of someone the store knows ("Jokowi"): their entity page
            return await self._entity_or_404(request, name, None)
        return self._render(request, "speaker.html", view)

    async def entity(self, request: Request) -> Response:
        return await self._entity_or_404(request, request.path_params["name"], request.path_params["name"])

    async def _entity_or_404(self, request: Request, name: str, shown: str | None) -> Response:
        """The entity page of ``name`` when it is the canonical name (``shown``), else a redirect to it."""
        def resolve(store: Store) -> tuple[str | None, dict[str, Any] | None]:
            try:
                canonical = store.resolve_entity(name)
            except StoreError as err:  # an older store opened as is: say how to upgrade it
                raise HTTPException(503, str(err)) from err
            if canonical is None or canonical != shown:
                return canonical, None
            return canonical, pages.entity_page(store, canonical, request.query_params)

        canonical, view = await self._with_store(resolve)
        if canonical is None:
            raise HTTPException(404, "No stored article mentions anyone or anything by this name.")
        if view is None:  # 307: the same GET, at the canonical name (the query, such as format=json, kept)
            query = f"?{request.url.query}" if request.url.query else ""
            return RedirectResponse(pages.href("entities", canonical) + query, status_code=307)
        return self._render(request, "entity.html", view)

    async def add_form(self, request: Request) -> Response:
        session, new = self.csrf.session(request)
        response = self._render(request, "add.html",
                                pages.add_page(self.csrf.token(session), MAX_UPLOAD_BYTES, ACCEPTED))
        if new:
            self.csrf.set_cookie(request, response, session)
        return response

    async def add(self, request: Request) -> Response:
        if not same_origin(request):
            raise HTTPException(403, "This form may only be sent from this site's own add page.")
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES:
            raise TooLarge(MAX_UPLOAD_BYTES)  # refused before a byte of the body is read
        limited = Request(request.scope, limited_receive(request.receive, MAX_UPLOAD_BYTES))
        async with limited.form(max_files=MAX_FILES, max_fields=20, max_part_size=MAX_UPLOAD_BYTES) as form:
            if not self.csrf.valid(request, form.get(TOKEN_FIELD)):
                raise HTTPException(403, "The form has expired or did not come from this site. "
                                         "Reload the add page and send it again.")
            uploads = [(f.filename, f.file) for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
            pasted = form.get("text")
            ingested = await run_in_threadpool(read_uploads, uploads, pasted if isinstance(pasted, str) else "")
        outcome = await self._with_store(partial(_store_articles, articles=ingested.articles), write=True)
        outcome["skipped"] = [{"source": s.source, "reason": s.reason} for s in ingested.skipped]
        wants_json = request.query_params.get("format") == "json"
        if outcome["story_href"] and not wants_json:
            return RedirectResponse(outcome["story_href"], status_code=303)
        status = 200 if outcome["added"] or outcome["already"] else 422
        if wants_json:
            return JSONResponse(outcome, status_code=status)
        session, _ = self.csrf.session(request)
        return self._render(request, "add.html", pages.add_page(self.csrf.token(session), MAX_UPLOAD_BYTES,
                                                                ACCEPTED, outcome), status=status)

    async def style(self, request: Request) -> Response:
        return Response(self.css, media_type="text/css", headers={"cache-control": "no-cache"})

    async def error(self, request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        detail = exc.detail if isinstance(exc, HTTPException) else "Something went wrong on our side."
        failed = as_store_error(exc, self.db_path, "reading or writing") if isinstance(exc, sqlite3.Error) else None
        if isinstance(exc, StoreFailed) or failed is not None:  # the store's file, not a bug: say what to do
            status, detail = 503, str(failed or exc)
        view = {"page": "error", "status": status, "detail": detail}
        if request.query_params.get("format") == "json" or "json" in request.headers.get("accept", ""):
            return JSONResponse(view, status_code=status)
        return HTMLResponse(self.env.get_template("error.html").render(page=view, json_url=None), status_code=status)


def _store_articles(store: Store, articles: Sequence[Article]) -> dict[str, Any]:
    """Add to the store; pick the story most of the new articles landed in (where the redirect goes)."""
    result = store.add(articles) if articles else AddResult()
    ids = {a.id for a in articles}
    landed: Counter[str] = Counter()
    for story_id in result.stories_touched:
        landed[story_id] = 0
    for article_id in ids:  # where each landed, without building any story inside the request
        home = store.story_of(article_id)
        if home is not None and home in landed:
            landed[home] += 1
    if not landed and articles:  # all already stored: show the story that holds the first one
        found = store.story_of(articles[0].id)
        if found:
            landed[found] = 1
    best = landed.most_common(1)[0][0] if landed else None
    return {"added": result.added, "already": result.already, "article_ids": sorted(ids), "story_id": best,
            "story_href": pages.href("stories", best) if best else None}


def create_app(db_path: str | os.PathLike[str], *, allowed_hosts: Sequence[str] = LOCAL_HOSTS,
               secret: bytes | None = None) -> Starlette:
    """The web app over the store at ``db_path`` (created when missing), answering only to ``allowed_hosts``."""
    app = _App(Path(db_path), secret)
    with Store.open(app.db_path):
        pass  # create and migrate now: a bad path fails at start, not on the first visit
    routes = [
        Route("/", app.home),
        Route("/search", app.search),
        Route("/stories/{story_id}", app.story),
        Route("/articles/{article_id:path}", app.article),
        Route("/outlets", app.outlets),
        Route("/speakers/{name:path}", app.speaker),
        Route("/entities/{name:path}", app.entity),
        Route("/add", app.add_form, methods=["GET"]),
        Route("/add", app.add, methods=["POST"]),
        Route("/stories/{story_id}/verdict", app.verdict, methods=["POST"]),
        Route("/style.css", app.style),
    ]
    middleware = [Middleware(SecurityHeaders), Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))]
    return Starlette(routes=routes, middleware=middleware,
                     exception_handlers={HTTPException: app.error, Exception: app.error})
