"""A file name and its first bytes → a format name; raw bytes → clean text (or Rejected).

Format: the extension decides when it is known; otherwise the content does (gzip magic, a
WARC header, HTML tags, a JSON object). Binary files are recognised by their signatures so
that a PNG renamed ``.txt`` is rejected as an image rather than decoded as gibberish.

Encoding, in order: byte-order mark; a declared charset (HTTP header, then ``<meta
charset>``) when the bytes agree with it; strict UTF-8; UTF-8 with a few stray bytes;
Windows-1252 when the result reads as Latin-script text; charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from charset_normalizer import from_bytes

from kliping.errors import Rejected

GZIP_MAGIC = b"\x1f\x8b"

# Extensions we read when walking a folder; anything else there is not ours and is ignored.
EXTENSION_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".warc": "warc",
}

# (signature, offset, description). Checked on the (decompressed) head of every input.
BINARY_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"WEBP", 8, "WebP image"),
    (b"%PDF-", 0, "PDF document"),
    (b"PK\x03\x04", 0, "ZIP archive or Office document"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "old Microsoft Office document"),
    (b"{\\rtf", 0, "RTF document"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"BZh", 0, "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", 0, "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", 0, "zstd-compressed data"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"MZ", 0, "Windows executable"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"ftyp", 4, "MP4/QuickTime video"),
    (b"ID3", 0, "MP3 audio"),
    (b"OggS", 0, "Ogg media"),
    (b"\x00asm", 0, "WebAssembly module"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16-LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|!--|\?xml)\b", re.IGNORECASE
)
_JSON_OBJECT_START = re.compile(rb'\{\s*(?:"|\})')
_JSON_ARRAY_START = re.compile(rb"\[\s*(?:\{|\])")
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.IGNORECASE
)
# C0/C1 controls except tab and newline: ANSI escapes must never reach a terminal, and NULs
# break downstream storage, lone surrogates (from JSON escapes) cannot be encoded at all.
# \f and \v become line breaks rather than disappearing.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# The same characters in UTF-8 (surrogates as "surrogatepass" writes them), to find whether a text holds
# any without the regex walking every character (about 5 ns each, 0.9 ms on a 174 KB page): a byte below
# 0x80 is always a character of its own; C2 and ED only ever lead a character, C2 80-9F being U+0080-009F
# and ED A0-BF a surrogate. bytes.translate runs at memory speed and a pattern led by a fixed byte is
# looked for with a fast scan for that byte.
_CONTROL_ASCII_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_MULTIBYTE = (re.compile(b"\xc2[\x80-\x9f]"), re.compile(b"\xed[\xa0-\xbf]"))
# The breaks other than "\r" that clean_text turns into "\n" ("\r\n" and a lone "\r" come first).
_OTHER_BREAKS = ("\x0b", "\x0c", "\u2028", "\u2029")
# Non-ASCII punctuation that Windows-1252 text legitimately places next to letters.
_CP1252_PUNCT = frozenset("“”‘’„‚–—…•·«»‹›°©®™€£¥§¶†‡‰´¨¸ˆ˜\xa0")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_ASCII_LETTER = re.compile("[A-Za-z]")
_CONTROL_SHARE_LIMIT = 0.02
_SNIFF_BYTES = 8192


def content_id(text: str) -> str:
    """A short stable id for a document without a file name: 16 hex chars of its SHA-1."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def too_large(size: int | None, limit: int) -> str:
    """The Skipped reason for a document over the size limit (``size`` None when unknown)."""
    if size is None:
        return f"document too large: over the {_human(limit)} limit"
    return f"document too large: {_human(size)}, limit {_human(limit)}"


def _human(size: int) -> str:
    if size >= 100_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1000:
        return f"{size / 1000:.1f} kB"
    return f"{size} bytes"


def strip_gz(name: str) -> tuple[str, bool]:
    """``a.txt.gz`` → (``a.txt``, True); names without ``.gz`` come back unchanged."""
    if name.lower().endswith(".gz"):
        return name[:-3], True
    return name, False


def format_from_name(name: str) -> str | None:
    """The format an extension promises (``.txt.gz`` counts as ``.txt``), or None."""
    base, _ = strip_gz(name)
    dot = base.rfind(".")
    if dot <= 0 or "/" in base[dot:]:
        return None
    return EXTENSION_FORMATS.get(base[dot:].lower())


def binary_kind(head: bytes) -> str | None:
    """Name the binary format ``head`` starts with, or None when it has no known signature."""
    for signature, offset, kind in BINARY_SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            # "MZ"/"BZh"/"ID3" are short; demand a NUL nearby so prose starting so survives.
            if len(signature) <= 3 and b"\x00" not in head[:512]:
                continue
            return kind
    return None


def sniff_format(head: bytes) -> str:
    """Guess the format of uncompressed content from its first bytes; Rejected if binary."""
    check_not_binary(head)
    start = head
    for bom, _ in _BOMS:
        if start.startswith(bom):
            start = start[len(bom) :]
            break
    start = start.lstrip()
    if start.startswith((b"WARC/1.", b"WARC/0.")):
        return "warc"
    if _JSON_OBJECT_START.match(start) or _JSON_ARRAY_START.match(start):
        return "jsonl"
    if start.startswith(b"<") and _HTML_START.search(head[:_SNIFF_BYTES]):
        return "html"
    return "text"


def check_not_binary(head: bytes) -> None:
    """Raise Rejected when ``head`` carries a binary file signature."""
    kind = binary_kind(head)
    if kind:
        raise Rejected(f"binary file ({kind}), not text")


def clean_text(text: str) -> str:
    """Normalise line breaks to ``\\n`` and drop control characters and stray BOMs."""
    return _normalised(text, has_controls=_has_controls(text))


def _has_controls(text: str, utf8: bytes | None = None) -> bool:
    """Whether ``text`` holds a _CONTROL character; ``utf8`` is the text's UTF-8 when the caller has it."""
    data = text.encode("utf-8", "surrogatepass") if utf8 is None else utf8
    if len(data.translate(None, _CONTROL_ASCII_BYTES)) != len(data):
        return True
    return any(pattern.search(data) for pattern in _CONTROL_MULTIBYTE)


def _normalised(text: str, *, has_controls: bool) -> str:
    # ``in`` and str.replace run at memory speed; a regex substitution walks every character of
    # the page in Python's matcher (2 ms on a 174 KB page), whether or not there is a match.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # "\r\n" is one break, not two
    for brk in _OTHER_BREAKS:
        if brk in text:
            text = text.replace(brk, "\n")
    if has_controls:
        text = _CONTROL.sub("", text)
    return text.replace("\ufeff", "") if "\ufeff" in text else text


def decode(data: bytes, source: str, *, declared: str | None = None, html: bool = False) -> str:
    """Bytes → clean text; ``declared`` is an HTTP charset, ``html`` honours ``<meta charset>``.

    Raises Rejected("empty file") for empty or blank input and Rejected("not text: …") for
    bytes that no encoding turns into text.
    """
    if not data.strip():
        raise Rejected("empty file", source)
    text, utf8 = _decode(data, source, declared, html)
    # One scan finds whether there are controls at all (real pages have none); only then are they
    # counted and removed: every pass over a 200 KB page costs about half a millisecond.
    first = _CONTROL.search(text) if _has_controls(text, utf8) else None
    controls = (len(_CONTROL.findall(text, first.start())) if first else 0) + text.count("\ufffd")
    if controls > _CONTROL_SHARE_LIMIT * len(text):
        raise Rejected(
            "not text: mostly control characters or invalid bytes (binary data?)", source
        )
    text = _normalised(text, has_controls=first is not None)
    if not text.strip():
        raise Rejected("empty file", source)
    return text


def _decode(data: bytes, source: str, declared: str | None, html: bool) -> tuple[str, bytes | None]:
    """The text, and ``data`` itself when that is the text's UTF-8 (strictly decoded, no BOM), else None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as exc:
                raise Rejected(
                    f"not text: invalid {codec} after its byte-order mark", source
                ) from exc
    for charset in (declared, _meta_charset(data) if html else None):
        declared_codec = _codec(charset)
        if declared_codec:
            try:
                return data.decode(declared_codec), data if declared_codec == "utf-8" else None
            except UnicodeDecodeError:
                pass  # the declaration lies (common); let the bytes speak
    try:
        return data.decode("utf-8"), data
    except UnicodeDecodeError:
        pass
    text = _mostly_utf8(data)
    if text is not None:
        return text, None
    text = _latin_cp1252(data)
    if text is not None:
        return text, None
    guess = from_bytes(data).best()
    if guess is not None:
        return str(guess), None
    raise Rejected("not text: invalid UTF-8 and no encoding detected", source)


def _meta_charset(data: bytes) -> str | None:
    # Browsers look only at the first 1024 bytes; pages with long heads need a little more.
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def _codec(charset: str | None) -> str | None:
    """A Python codec for a declared charset; Latin-1/ASCII mean Windows-1252 (as in browsers)."""
    if not charset:
        return None
    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        return None  # without a BOM a declared UTF-16 is nearly always a lie about UTF-8 bytes
    return name


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a handful of broken bytes (a truncated copy, one bad paste) stays UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    if good >= bad and bad <= len(data) / 1000:
        return text
    return None


def _latin_cp1252(data: bytes) -> str | None:
    """Windows-1252 when the result reads like Latin-script prose, else None.

    charset-normalizer guesses badly on short Latin text (``caf\\xe9`` comes out Cyrillic), and
    Windows-1252/Latin-1 is by far the likeliest legacy encoding for Indonesian and English.
    Text in another single-byte code page shows itself by symbols glued to letters
    (Polish ``Za¿ó³æ``) or by a majority of non-ASCII letters (Cyrillic).
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = len(_ASCII_LETTER.findall(text))
    non_ascii_letters = 0
    for match in _NON_ASCII.finditer(text):
        ch, i = match.group(), match.start()
        if ch.isalpha():
            non_ascii_letters += 1
        elif ch not in _CP1252_PUNCT and unicodedata.category(ch)[0] != "Z":
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before.isalpha() or after.isalpha():
                return None
    letters += non_ascii_letters
    if letters == 0 or non_ascii_letters > 0.3 * letters:
        return None
    return text
