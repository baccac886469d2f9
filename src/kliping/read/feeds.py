"""A fetched feed or sitemap (bytes) → the article URLs it lists, or the sitemaps a sitemap index lists.

Read: RSS 2.0 (and RSS 1.0/RDF), Atom, sitemaps (news and image extensions included: an entry's
``loc`` is what counts) and sitemap indexes, plain or gzipped (``sitemap.xml.gz``). The standard
library's XML parser reads them; a document declaring entities is refused outright (feeds never
need them, and entity expansion is the classic way to make a small file cost gigabytes). Work is
bounded: the body is already size-capped by the fetcher, and at most MAX_ENTRIES links are taken
from one document (the sitemap protocol's own limit).
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from kliping.errors import Rejected
from kliping.read.sniff import GZIP_MAGIC
from kliping.read.streams import Gunzip, read_up_to

MAX_ENTRIES = 50_000  # sitemaps.org: a sitemap lists at most 50,000 URLs
_KINDS = {"rss": "RSS feed", "RDF": "RSS feed", "feed": "Atom feed", "urlset": "sitemap",
          "sitemapindex": "sitemap index"}
_XML_TYPES = ("xml", "rss", "atom")


@dataclass
class Listing:
    """What a feed or sitemap lists: article ``links``, or for a sitemap index, the ``sitemaps``."""

    kind: str  # "RSS feed", "Atom feed", "sitemap", "sitemap index"
    links: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    dropped: int = 0  # links past MAX_ENTRIES, or not http(s)


def looks_like_listing(content_type: str, body: bytes) -> bool:
    """Whether a response is worth parsing as XML: an XML content type, gzip, or XML-looking first bytes."""
    kind = content_type.split(";")[0].strip().lower()
    if any(word in kind for word in _XML_TYPES) or body.startswith(GZIP_MAGIC):
        return True
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<urlset", b"<sitemapindex", b"<rdf:rdf"))


def parse_listing(body: bytes, base_url: str, *, max_bytes: int) -> Listing | None:
    """The links of a feed or sitemap, None when the XML is something else; Rejected when it is unreadable."""
    if body.startswith(GZIP_MAGIC):
        gunzip = Gunzip(io.BytesIO(body))
        body = read_up_to(io.BufferedReader(gunzip), max_bytes + 1)
        if len(body) > max_bytes or gunzip.bomb:
            raise Rejected(f"gzipped sitemap inflates past the {max_bytes // 1_000_000} MB limit")
        if gunzip.error:
            raise Rejected(f"gzipped sitemap is damaged: {gunzip.error}")
    if b"<!ENTITY" in body:
        raise Rejected("XML that declares entities is refused (entity expansion)")
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise Rejected(f"not well-formed XML ({exc})") from None
    kind = _KINDS.get(_local(root.tag))
    if kind is None:
        return None
    listing = Listing(kind)
    if kind == "sitemap index":
        _take(listing, listing.sitemaps, (_text(s, "loc") for s in _children(root, "sitemap")), base_url)
    elif kind == "sitemap":
        _take(listing, listing.links, (_text(u, "loc") for u in _children(root, "url")), base_url)
    elif kind == "Atom feed":
        _take(listing, listing.links, (_atom_link(e) for e in _children(root, "entry")), base_url)
    else:
        channel = next(_children(root, "channel"), root)
        # RSS 2.0 puts items in the channel; RSS 1.0 (RDF) beside it.
        items = [*_children(channel, "item"), *(_children(root, "item") if channel is not root else ())]
        _take(listing, listing.links, (_rss_link(i) for i in items), base_url)
    return listing


def _take(listing: Listing, into: list[str], urls: Iterable[str | None], base_url: str) -> None:
    """Absolute http(s) URLs, each once, in document order, at most MAX_ENTRIES."""
    seen: set[str] = set()
    for url in urls:
        if not url:
            continue
        absolute = urljoin(base_url, url.strip())
        if urlsplit(absolute).scheme.lower() not in ("http", "https") or len(into) >= MAX_ENTRIES:
            listing.dropped += 1
            continue
        if absolute not in seen:
            seen.add(absolute)
            into.append(absolute)


def _rss_link(item: ElementTree.Element) -> str | None:
    link = _text(item, "link")
    if link:
        return link
    guid = next(_children(item, "guid"), None)  # a guid is a permalink unless it says otherwise
    if guid is not None and guid.get("isPermaLink", "true").lower() != "false" and guid.text:
        return guid.text
    return None


def _atom_link(entry: ElementTree.Element) -> str | None:
    fallback = None
    for link in _children(entry, "link"):
        rel = link.get("rel", "alternate")
        if rel == "alternate" and link.get("type", "text/html") in ("text/html", "application/xhtml+xml"):
            return link.get("href")
        if rel == "alternate" and fallback is None:
            fallback = link.get("href")
    return fallback


def _children(element: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    """Direct children called ``name`` in any namespace (feeds mix and misdeclare them)."""
    return (child for child in element if _local(child.tag) == name)


def _text(element: ElementTree.Element, name: str) -> str | None:
    child = next(_children(element, name), None)
    return child.text.strip() if child is not None and child.text and child.text.strip() else None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
