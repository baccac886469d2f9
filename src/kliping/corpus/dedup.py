"""Article bodies → groups of near-duplicate and syndicated copies (MinHash signatures, LSH buckets).

A syndicated wire story reaches readers through several outlets, each with its own lead-in
("REPUBLIKA.CO.ID, JAKARTA --" / "Jakarta (ANTARA) -"), trimmed or extra paragraphs and its own
boilerplate; such a copy is never an independent source. Each text is normalised (casefold,
lead-in stripped, punctuation and whitespace dropped), cut into word 5-gram shingles and
summarised by a MinHash signature. Candidates come only from LSH band buckets (never all
pairs) and are confirmed on the signatures: a pair is a duplicate when its estimated Jaccard
similarity, or its estimated containment of the shorter text in the longer, passes a threshold.
Groups are the transitive closure of confirmed pairs; the earliest-added article represents
its group.

The thresholds were measured on syndicated variants of real indosum articles against
same-category articles published close together (see the numbers next to the constants).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

from kliping.model import Article
from kliping.words import WORD

# Measured on indosum dev.01 (750 real articles + 4463 syndicated variants of them: new lead-in,
# last paragraph dropped, "Baca juga" line, sentences reworded/removed, all at once, cut to 60%)
# against 742 same-category pairs published within 48 h and all 280k pairs of distinct articles.
# 5-grams: exact Jaccard of distinct articles ≤ 0.07, containment ≤ 0.19; 3- and 4-grams recall
# slightly more of the heaviest edits (pair recall 0.998 / 0.997 vs 0.996) but share more stock phrases.
NUM_PERM = 128
SHINGLE_SIZE = 5
# 16 bands × 2 rows: a pair with Jaccard 0.3 becomes a candidate with p = 0.78, 0.4 with p = 0.94.
# 32 bands add 0.7 points of recall on the heaviest edits for 1.7× the memory (422 vs 253 MiB at 100k).
BANDS, ROWS = 16, 2
# A candidate is a duplicate if either estimate passes. 0.4 / 0.6: pair precision 1.000, recall 0.996
# (0.5 / 0.7: recall 0.990); the largest estimate among the 280k distinct pairs was Jaccard 0.10.
JACCARD_THRESHOLD = 0.4
CONTAINMENT_THRESHOLD = 0.6
# Containment is estimated from the Jaccard estimate and the set sizes; for very unequal sizes a
# couple of agreeing permutations would inflate it, so it needs a floor of real agreement and a
# shorter text long enough to say something (not a shared slogan or a one-line brief).
CONTAINMENT_MIN_JACCARD = 0.15
MIN_SHINGLES_FOR_CONTAINMENT = 20
# A bucket this full is one big group of near-identical texts (see _bucket).
MAX_BUCKET = 64
SEED = 1
LEAD_IN_LINES = 3

_FORMAT_VERSION = 1
# A lead-in is an outlet/dateline prefix ending in a dash or colon near the start of the text.
_LEAD_IN = re.compile(r"^[^\n]{1,60}?(?: -- | - | – | — |: )")
_KEY_MASK = np.uint64((1 << 60) - 1)
_U64 = np.uint64
# Odd multipliers of the rolling n-gram hash and the murmur3 64-bit finaliser.
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9], dtype=_U64)

U32Array = npt.NDArray[np.uint32]
U64Array = npt.NDArray[np.uint64]


def normalise(text: str) -> list[str]:
    """The words of ``text`` as compared: casefolded, without outlet/dateline lead-ins, no punctuation."""
    lines = text.casefold().split("\n")
    seen = 0
    # The dateline opens the story, but a kept subtitle or caption may come before it: look at the
    # first few non-empty lines. A line stripped by mistake is stripped in every copy alike.
    for i, line in enumerate(lines):
        if line.strip():
            lines[i] = _LEAD_IN.sub("", line.lstrip(), count=1)
            seen += 1
            if seen == LEAD_IN_LINES:
                break
    return WORD.findall("\n".join(lines))


def shingle_hashes(text: str, size: int = SHINGLE_SIZE) -> U64Array:
    """The distinct 64-bit hashes of the word ``size``-grams of ``text`` (all its words if fewer)."""
    words = normalise(text)
    if not words:
        return np.empty(0, dtype=_U64)
    # crc32 is stable across runs (unlike hash()), so signatures can be stored and compared later.
    tokens = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=_U64, count=len(words))
    n = min(size, len(tokens))
    count = len(tokens) - n + 1
    h = np.zeros(count, dtype=_U64)
    for k in range(n):  # position-weighted sum: order-sensitive, vectorised over all n-grams
        h += tokens[k:k + count] * _MIX[k % len(_MIX)]
    h ^= h >> _U64(33)
    h *= _MIX[4]
    h ^= h >> _U64(33)
    h *= _MIX[5]
    h ^= h >> _U64(33)
    return np.unique(h)


class DuplicateIndex:
    """An incremental index of article texts that groups near-duplicates and syndicated copies.

    ``add`` compares a text only with the articles sharing an LSH bucket with it, so adding n
    articles costs about n × (signature + a few candidate checks). The index serialises with
    ``to_bytes``/``from_bytes`` (no pickle inside: numpy arrays and JSON) and pickles through them.
    """

    def __init__(self, num_perm: int = NUM_PERM, bands: int = BANDS, rows: int = ROWS,
                 jaccard: float = JACCARD_THRESHOLD, containment: float = CONTAINMENT_THRESHOLD,
                 shingle_size: int = SHINGLE_SIZE) -> None:
        if bands * rows > num_perm or rows > len(_MIX):
            raise ValueError(f"bands × rows ({bands} × {rows}) must not exceed num_perm ({num_perm}); rows ≤ 8")
        self.num_perm, self.bands, self.rows = num_perm, bands, rows
        self.jaccard, self.containment, self.shingle_size = jaccard, containment, shingle_size
        # Permutations h → a·h + b mod 2^32 with odd a (a bijection), as datasketch's "affine32" scheme.
        gen = np.random.RandomState(SEED)
        self._a: U32Array = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        self._b: U32Array = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
        self._band_salt: U64Array = np.arange(bands, dtype=_U64) * _MIX[7]
        # Band key → slot, or a list of slots once two articles share it. A bare int for the (vast)
        # singleton majority saves a list per entry: ~80 bytes per band and article, not ~300 as in
        # datasketch's MinHashLSH (a bytes key, a set and a per-key list of band keys).
        self._buckets: dict[int, int | list[int]] = {}
        self._ids: list[str] = []
        self._slot: dict[str, int] = {}
        self._parent: list[int] = []  # union-find over insertion slots; a root is its group's earliest slot
        self._sigs: U32Array = np.empty((0, num_perm), dtype=np.uint32)
        self._sizes: U32Array = np.empty(0, dtype=np.uint32)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._slot

    def signature(self, text: str) -> tuple[U32Array, int]:
        """The MinHash signature of ``text`` and its number of distinct shingles."""
        hashes = shingle_hashes(text, self.shingle_size)
        if hashes.size == 0:
            return np.full(self.num_perm, np.iinfo(np.uint32).max, dtype=np.uint32), 0
        h32 = (hashes ^ (hashes >> _U64(32))).astype(np.uint32)
        sig: U32Array = (np.outer(self._a, h32) + self._b[:, None]).min(axis=1)
        return sig, int(hashes.size)

    def add(self, article_id: str, text: str) -> str | None:
        """Index one article; return its group's representative id if it duplicates one, else None."""
        sig, size = self.signature(text)
        return self.add_signature(article_id, sig, size)

    def add_signature(self, article_id: str, sig: U32Array, size: int) -> str | None:
        """``add`` for a signature computed elsewhere (by ``signature``, in a worker process)."""
        if article_id in self._slot:
            raise ValueError(f"article id {article_id!r} is already in the duplicate index; ids must be unique")
        slot = len(self._ids)
        self._ids.append(article_id)
        self._slot[article_id] = slot
        self._parent.append(slot)
        self._store(slot, sig, size)
        if size == 0:  # an empty text duplicates nothing, and all-max signatures would share every bucket
            return None
        matches = self._confirm(sig, size, self._bucket(slot, sig))
        if not matches:
            return None
        roots = {self._find(m) for m in matches}
        rep = min(roots)
        for root in roots:
            self._parent[root] = rep
        self._parent[slot] = rep
        return self._ids[rep]

    def matches(self, sig: U32Array, size: int) -> list[str]:
        """The ids of indexed articles that ``sig`` duplicates, without adding it (earliest first)."""
        if size == 0:
            return []
        found: set[int] = set()
        for key in self._band_keys(sig):
            held = self._buckets.get(key)
            if held is not None:
                found.update((held,) if isinstance(held, int) else held)
        return [self._ids[slot] for slot in sorted(self._confirm(sig, size, list(found)))]

    def _band_keys(self, sig: U32Array) -> list[int]:
        rows = sig[: self.bands * self.rows].reshape(self.bands, self.rows).astype(_U64)
        # 60-bit keys: a Python int of up to 60 bits takes 32 bytes, a 64-bit one 36 (rounded to 40).
        keys: list[int] = (((rows * _MIX[: self.rows]).sum(axis=1) ^ self._band_salt) & _KEY_MASK).tolist()
        return keys

    def ids(self) -> list[str]:
        """Every indexed id, in insertion order."""
        return list(self._ids)

    def _bucket(self, slot: int, sig: U32Array) -> list[int]:
        """Put ``slot`` in its band buckets and return the earlier slots found there."""
        buckets = self._buckets
        found: set[int] = set()
        for key in self._band_keys(sig):
            held = buckets.get(key)
            if held is None:
                buckets[key] = slot
            elif isinstance(held, int):
                found.add(held)
                buckets[key] = [held, slot]
            else:
                found.update(held)
                # In a full bucket the first members already link newcomers to their group;
                # the cap keeps such hubs (one story carried by hundreds of sites) from going quadratic.
                if len(held) < MAX_BUCKET:
                    held.append(slot)
        return list(found)

    def representative(self, article_id: str) -> str:
        """The id of the earliest-added article of ``article_id``'s group (itself when alone)."""
        return self._ids[self._find(self._slot[article_id])]

    def groups(self) -> list[list[str]]:
        """Groups of ≥ 2 duplicate ids, each in insertion order (representative first), by first member."""
        members: dict[int, list[str]] = {}
        for slot, article_id in enumerate(self._ids):
            members.setdefault(self._find(slot), []).append(article_id)
        return [ids for ids in members.values() if len(ids) > 1]

    def _confirm(self, sig: U32Array, size: int, candidates: list[int]) -> list[int]:
        """The candidates whose estimated Jaccard or containment with ``sig`` passes the thresholds."""
        if not candidates:
            return []
        cand = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
        jac = (self._sigs[cand] == sig).mean(axis=1)
        sizes = self._sizes[cand].astype(np.float64)
        smaller = np.minimum(sizes, size)
        # |A∩B| = J(|A|+|B|)/(1+J): the MinHash estimate of the intersection from the Jaccard estimate.
        contained = jac * (sizes + size) / (1.0 + jac) / np.maximum(smaller, 1.0)
        ok = (jac >= self.jaccard) | ((contained >= self.containment) & (jac >= CONTAINMENT_MIN_JACCARD)
                                       & (smaller >= MIN_SHINGLES_FOR_CONTAINMENT))
        return [int(c) for c in cand[ok]]

    def _find(self, slot: int) -> int:
        parent = self._parent
        root = slot
        while parent[root] != root:
            root = parent[root]
        while parent[slot] != root:  # path compression keeps later finds O(1)
            parent[slot], slot = root, parent[slot]
        return root

    def _store(self, slot: int, sig: U32Array, size: int) -> None:
        if slot == len(self._sigs):  # grow by doubling: amortised O(1) per add
            grown = max(1024, 2 * len(self._sigs))
            self._sigs = np.resize(self._sigs, (grown, self.num_perm))
            self._sizes = np.resize(self._sizes, grown)
        self._sigs[slot] = sig
        self._sizes[slot] = size

    # --- serialisation: numpy arrays + JSON in an .npz, the LSH rebuilt from the signatures on load ------

    def to_bytes(self) -> bytes:
        """The whole index as bytes (an .npz: no pickled objects, safe to load from a store)."""
        meta = {"version": _FORMAT_VERSION, "num_perm": self.num_perm, "bands": self.bands, "rows": self.rows,
                "jaccard": self.jaccard, "containment": self.containment, "shingle_size": self.shingle_size,
                "ids": self._ids}
        buf = io.BytesIO()
        np.savez_compressed(buf, meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
                            sigs=self._sigs[:len(self._ids)], sizes=self._sizes[:len(self._ids)],
                            parent=np.asarray(self._parent, dtype=np.int64))
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> DuplicateIndex:
        """The index that ``to_bytes`` wrote; raises ValueError on bytes it did not write."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as npz:
                meta = json.loads(npz["meta"].tobytes().decode("utf-8"))
                sigs, sizes, parent = npz["sigs"], npz["sizes"], npz["parent"]
        except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as exc:  # a truncated or foreign blob
            raise ValueError(f"not a serialised DuplicateIndex: {exc}") from exc
        if not isinstance(meta, dict) or meta.get("version") != _FORMAT_VERSION:
            version = meta.get("version") if isinstance(meta, dict) else None
            raise ValueError(f"duplicate index format {version!r} is not {_FORMAT_VERSION}; rebuild it")
        counts = ("num_perm", "bands", "rows", "shingle_size")
        settings_ok = (all(type(meta.get(k)) is int and meta[k] > 0 for k in counts)
                       and all(type(meta.get(k)) in (int, float) for k in ("jaccard", "containment")))
        if not settings_ok or sigs.ndim != 2 or sigs.shape[1] != meta["num_perm"]:
            raise ValueError("serialised duplicate index has malformed settings; rebuild it")
        if type(meta.get("ids")) is not list or not all(type(i) is str for i in meta["ids"]):
            raise ValueError("serialised duplicate index has malformed ids; rebuild it")
        index = cls(num_perm=meta["num_perm"], bands=meta["bands"], rows=meta["rows"], jaccard=meta["jaccard"],
                    containment=meta["containment"], shingle_size=meta["shingle_size"])
        index._restore(list(meta["ids"]), sigs.astype(np.uint32), sizes.astype(np.uint32), parent)
        return index

    def _restore(self, ids: list[str], sigs: U32Array, sizes: U32Array, parent: npt.NDArray[Any]) -> None:
        if (sigs.ndim, sizes.ndim, parent.ndim) != (2, 1, 1) or sigs.shape[1] != self.num_perm \
                or not (len(ids) == len(sigs) == len(sizes) == len(parent)) or len(set(ids)) != len(ids):
            raise ValueError("serialised duplicate index is inconsistent; rebuild it")
        # A slot's parent is an earlier (or the same) slot: union-find walks end, whatever the bytes said.
        if parent.size and (parent.dtype.kind not in "iu" or (parent < 0).any()
                            or (parent > np.arange(parent.size)).any()):
            raise ValueError("serialised duplicate index has a broken group tree; rebuild it")
        self._ids, self._parent = ids, parent.tolist()
        self._slot = {article_id: slot for slot, article_id in enumerate(ids)}
        self._sigs, self._sizes = sigs.copy(), sizes.copy()
        for slot in np.flatnonzero(sizes).tolist():  # the buckets are derived data: rebuilt, not stored
            self._bucket(slot, sigs[slot])

    def __getstate__(self) -> dict[str, Any]:
        return {"bytes": self.to_bytes()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(DuplicateIndex.from_bytes(state["bytes"]).__dict__)


_SIGNER: DuplicateIndex | None = None


def signature(text: str) -> tuple[U32Array, int]:
    """The MinHash signature (and shingle count) a default DuplicateIndex gives ``text``: the per-article
    half of deduplication, computed where the article is annotated."""
    global _SIGNER
    if _SIGNER is None:
        _SIGNER = DuplicateIndex()
    return _SIGNER.signature(text)


def find_duplicates(articles: Iterable[Article]) -> list[list[str]]:
    """Groups of ≥ 2 article ids whose bodies are near-duplicates or syndicated copies, earliest first."""
    index = DuplicateIndex()
    for article in articles:
        index.add(article.id, article.body)
    return index.groups()
