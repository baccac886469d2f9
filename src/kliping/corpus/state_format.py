"""Plain JSON values ⇄ bytes in a versioned, self-describing format, and checks that make a malformed one a
ValueError saying what is wrong. No pickle: the bytes may come from anyone (a store's file).

The bytes are one header line — the JSON object ``{"format": NAME, "version": N}`` and a newline — then the
zlib-compressed UTF-8 JSON of the value. A reader knows from the header alone whether it can read the rest.
"""

from __future__ import annotations

import base64
import json
import math
import zlib
from collections import Counter
from collections.abc import Collection, Iterable
from typing import Any

import numpy as np

_MAX_HEADER = 256
_ZLIB_LEVEL = 1  # level 6 is a tenth smaller and 3× slower to write (each commit of an add writes it)
# A real story index's JSON is 2-3× its compressed size; a blob that swells past this is refused (a zip bomb).
_MAX_INFLATION = 64


def pack(name: str, version: int, value: Any) -> bytes:
    """``value`` (dicts, lists, strings, finite numbers, None) as ``name`` format ``version`` bytes."""
    header = json.dumps({"format": name, "version": version}).encode("utf-8") + b"\n"
    body = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
    return header + zlib.compress(body, _ZLIB_LEVEL)


def unpack(data: bytes, name: str, version: int) -> Any:
    """The value ``pack(name, version, value)`` wrote; ValueError for other bytes, another format or version."""
    head, newline, _ = data[:_MAX_HEADER].partition(b"\n")
    try:
        header = json.loads(head) if newline else None
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != name:
        raise ValueError(f"not in the {name} format (its header is missing)")
    if header.get("version") != version:
        raise ValueError(f"{name} format version {header.get('version')!r} is not {version} "
                         "(written by another kliping)")
    inflater = zlib.decompressobj()
    packed = data[len(head) + 1:]
    try:
        body = inflater.decompress(packed, _MAX_INFLATION * len(packed) + (1 << 20))
    except zlib.error as exc:
        raise ValueError(f"{name}: the data after the header is not zlib data ({exc})") from exc
    if inflater.unconsumed_tail:
        raise ValueError(f"{name}: the data inflates past {_MAX_INFLATION}× its size (refused)")
    if not inflater.eof:
        raise ValueError(f"{name}: the data is cut short")
    if inflater.unused_data:
        raise ValueError(f"{name}: bytes follow the end of the data")
    try:
        return json.loads(body, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:  # RecursionError: arrays nested thousands deep
        raise ValueError(f"{name}: the data is not JSON ({str(exc)[:80]})") from exc


def check(ok: bool, problem: str) -> None:
    if not ok:
        raise ValueError(problem)


def get(obj: Any, key: str, kind: type, *, none: bool = False) -> Any:
    """``obj[key]`` when ``obj`` is an object holding a ``kind`` there (None too with ``none``), else
    ValueError. Numbers are never negative; a float may be written as an integer, and must be finite."""
    check(type(obj) is dict and key in obj, f"{key!r} is missing")
    value = obj[key]
    if value is None and none:
        return value
    if kind is float:
        check(finite(value) and value >= 0, f"{key!r} must be a number ≥ 0")
    else:
        check(type(value) is kind, f"{key!r} must be {'an' if kind is int else 'a'} {kind.__name__}")
        check(kind is not int or value >= 0, f"{key!r} must not be negative")
    return value


def counter(value: dict[str, Any], what: str) -> Counter[str]:
    """A JSON object of positive integer counts as a Counter (in its order)."""
    counts = value.values()
    check(not counts or (only(counts, int) and min(counts) > 0), f"{what} must map keys to positive counts")
    return Counter(value)


def only(values: Iterable[Any], kind: type) -> bool:
    """Whether every value is exactly a ``kind`` (not a subclass: True is no count); quick on big tables."""
    return set(map(type, values)) <= {kind}


def finite(value: Any) -> bool:
    return type(value) in (int, float) and math.isfinite(value)


def floats_text(values: Collection[float]) -> str:
    """Floats as the base64 of their little-endian IEEE doubles: exact, and several times quicker to write
    and read than JSON numbers (a story index holds tens of thousands)."""
    return base64.b64encode(np.fromiter(values, dtype="<f8", count=len(values)).tobytes()).decode("ascii")


def floats_from_text(text: Any, n: int, what: str) -> list[float]:
    """The ``n`` finite floats ``floats_text`` wrote, else ValueError."""
    check(type(text) is str, f"{what} must be base64 text")
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise ValueError(f"{what} is not base64 ({exc})") from exc
    check(len(raw) == 8 * n, f"{what} must hold {n} numbers")
    values = np.frombuffer(raw, dtype="<f8")
    check(bool(np.isfinite(values).all()), f"{what} must hold finite numbers")
    floats: list[float] = values.tolist()
    return floats


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number")
