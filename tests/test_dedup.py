"""Near-duplicate and syndicated-copy detection on the five real seed articles and copies made of them.

The five seeds are five different outlets' own articles on one story: none duplicates another,
so they are the negatives; the syndicated variants built here must each join their original.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from kliping.corpus.dedup import DuplicateIndex, find_duplicates, normalise
from kliping.model import Article

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def _seed_bodies() -> dict[str, list[str]]:
    """Each seed's paragraphs (non-empty lines), the headline line left out."""
    bodies = {}
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        bodies[path.stem] = lines[1:]
    return bodies


BODIES = _seed_bodies()
KINDS = ("lead", "edited", "trimmed", "opening")


def _reword(sentence: str) -> str:
    swaps = {"mengatakan": "menyatakan", "tidak": "tak", "akan": "bakal", "telah": "sudah", "bahwa": "jika"}
    return " ".join(swaps.get(word, word) for word in sentence.split(" "))


def _variants(paras: list[str]) -> dict[str, str]:
    """Syndicated copies as other outlets carry a wire story: new lead-in, trimmed, padded, edited."""
    lead = "Jakarta (ANTARA) - " + paras[0]
    longest = max(range(len(paras)), key=lambda i: len(paras[i]))
    edited = list(paras)
    edited[longest] = _reword(edited[longest])
    edited.insert(2, "Baca juga: Timnas Indonesia Menang 2-0, Netizen Ramai Bicarakan Judi Online")
    del edited[-2]  # a paragraph removed
    edited.append("Editor: Andi Nur Aminah (ant/red)")
    return {
        "lead": "\n\n".join(["REPUBLIKA.CO.ID, JAKARTA -- " + paras[0], *paras[1:-1]]),
        "edited": "\n\n".join(["JAKARTA, KOMPAS.com - " + edited[0], *edited[1:]]),
        "trimmed": "\n\n".join([lead, *paras[1:max(2, int(len(paras) * 0.6))]]),
        # only the opening third: Jaccard falls below its threshold, containment of the cut in the whole holds
        "opening": "\n\n".join(paras[:max(2, len(paras) // 3)]),
    }


def _corpus() -> list[Article]:
    """The originals first, then their copies interleaved (a copy can arrive after other stories)."""
    originals = [Article(id=stem, source=stem, body="\n\n".join(paras)) for stem, paras in BODIES.items()]
    copies = [Article(id=f"{stem}~{kind}", source=stem, body=text)
              for kind in KINDS
              for stem, paras in BODIES.items()
              for kind_, text in _variants(paras).items() if kind_ == kind]
    return originals + copies


def test_normalise_strips_differing_lead_ins() -> None:
    body = "Presiden Rusia Vladimir Putin mengatakan Rusia dan Korut memiliki peluang."
    republika = normalise("REPUBLIKA.CO.ID, MOSKOW -- " + body)
    assert republika == normalise("Moskow (ANTARA) - " + body) == normalise("Hanoi: " + body)
    assert republika == normalise("Sub judul tanpa tanda\n\nMOSKOW - " + body)[4:]
    assert republika[0] == "presiden"


def test_seed_originals_never_group_together() -> None:
    index = DuplicateIndex()
    for stem, paras in BODIES.items():
        assert index.add(stem, "\n\n".join(paras)) is None
    assert index.groups() == []


def test_syndicated_variants_join_their_original() -> None:
    index = DuplicateIndex()
    for article in _corpus():
        rep = index.add(article.id, article.body)
        if "~" in article.id:
            assert rep == article.id.split("~")[0], article.id
    groups = index.groups()
    assert len(groups) == len(BODIES)
    for group in groups:
        original = group[0]
        assert original in BODIES  # the earliest added, the original, represents the group
        assert group == [original, *(f"{original}~{kind}" for kind in KINDS)]


def test_incremental_with_round_trip_equals_batch() -> None:
    corpus = _corpus()
    batch = find_duplicates(corpus)
    half = len(corpus) // 2
    first = DuplicateIndex()
    for article in corpus[:half]:
        first.add(article.id, article.body)
    second = DuplicateIndex.from_bytes(first.to_bytes())
    assert second.groups() == first.groups() and len(second) == half
    for article in corpus[half:]:
        second.add(article.id, article.body)
    assert second.groups() == batch
    restored = pickle.loads(pickle.dumps(second))
    assert restored.groups() == batch
    assert restored.representative(f"{corpus[0].id}~edited") == corpus[0].id
    # A restored index keeps its buckets: a new copy still finds its original.
    assert restored.add("again", corpus[1].body) == corpus[1].id


def test_exact_copy_and_empty_text() -> None:
    index = DuplicateIndex()
    text = "\n\n".join(BODIES[next(iter(BODIES))])
    assert index.add("a", text) is None
    assert index.add("empty", "") is None
    assert index.add("punct", " -- ... ") is None
    assert index.add("b", text) == "a"
    assert index.groups() == [["a", "b"]]
    assert "empty" in index and index.representative("empty") == "empty"


def test_same_id_twice_is_refused() -> None:
    index = DuplicateIndex()
    index.add("a", "satu dua tiga empat lima enam")
    with pytest.raises(ValueError, match="already"):
        index.add("a", "lain sama sekali")


def test_from_bytes_refuses_foreign_bytes() -> None:
    with pytest.raises(ValueError, match="DuplicateIndex"):
        DuplicateIndex.from_bytes(b"not an index")
