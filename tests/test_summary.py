"""Extractive summary (verbatim, cited, no near-repeats, ROUGE over lead-3 on indosum) and quotes by speaker."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from kliping.corpus.quotes_by_speaker import story_quotes
from kliping.corpus.summary import REPEAT, content_words, lead, overlap, summarize
from kliping.model import Article, Quote

INDOSUM = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "indosum" / "dev.01.jsonl"
ROUGE_SENTENCES = 3


def test_summary_of_the_seeds_is_verbatim_cited_and_chronological(seed_articles: dict[str, Article]) -> None:
    arts = list(seed_articles.values())
    summary = summarize(arts)
    assert 3 <= len(summary) <= 5
    by_id = {a.id: a for a in arts}
    for s in summary:
        assert s.article_ids and any(s.text in by_id[i].body for i in s.article_ids)
        assert not s.text.startswith(('"', "“"))
    first = [min(by_id[i].published or "" for i in s.article_ids if s.text in by_id[i].body) for s in summary]
    assert first == sorted(first)
    assert any("2024" in (by_id[s.article_ids[0]].published or "") for s in summary)  # June 2024 has a voice
    words = [content_words(s.text) for s in summary]
    assert all(overlap(a, b) < REPEAT for i, a in enumerate(words) for b in words[i + 1:])


def test_summary_cites_every_article_carrying_a_near_copy() -> None:
    lead_sentence = "Pemerintah Kota Bandung menutup sementara Jalan Asia Afrika selama perbaikan saluran air besar."
    a = Article(id="a", source="a", outlet="Kompas", published="2023-05-01",
                body=lead_sentence + " Warga diminta melintasi Jalan Naripan sebagai jalur alternatif dua pekan.")
    b = Article(id="b", source="b", outlet="Tempo", published="2023-05-02",
                body="BANDUNG -- " + lead_sentence.replace("besar.", "besar kota.") + " Lalu lintas dialihkan.")
    c = Article(id="c", source="c", outlet="Detik", published="2023-05-02",
                body="Harga cabai rawit di pasar tradisional Bandung naik tajam menjelang hari raya tahun ini.")
    summary = summarize([a, b, c], max_sentences=3)
    cited = {s.text: s.article_ids for s in summary}
    assert cited[lead_sentence] == ["a", "b"]
    assert not any(t.startswith("BANDUNG") for t in cited)  # the dateline is cut off


def test_summary_leaves_out_boilerplate_and_quote_only_lines() -> None:
    body = ("Baca juga: Harga emas Antam hari ini naik tipis di Jakarta dan Surabaya.\n\n"
            "\"Kami akan terus memantau perkembangan harga di semua pasar,\" kata menteri perdagangan kemarin.\n\n"
            "Harga beras medium di pasar induk Cipinang turun untuk pekan ketiga berturut-turut bulan ini.\n\n"
            "Pedagang menyebut pasokan dari Jawa Tengah dan Jawa Timur kembali lancar setelah panen raya.")
    texts = [s.text for s in summarize([Article(id="x", source="x", body=body)])]
    assert texts and not any(t.startswith(("Baca juga", '"')) for t in texts)


def _detok(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[]) ", r"\1", text)
    parts = text.split('"')
    out = parts[0]
    for i, part in enumerate(parts[1:]):
        out = out + '"' + part.lstrip() if i % 2 == 0 else out.rstrip() + '"' + part
    return out.replace(" / ", "/")


def _rouge(candidate: str, reference: str, n: int) -> float:
    def grams(text: str) -> Counter[tuple[str, ...]]:
        toks = re.findall(r"\w+", text.lower())
        return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))

    c, r = grams(candidate), grams(reference)
    hit = sum((c & r).values())
    if not hit:
        return 0.0
    p, q = hit / sum(c.values()), hit / sum(r.values())
    return 2 * p * q / (p + q)


@pytest.mark.skipif(not INDOSUM.exists(), reason=f"indosum not found at {INDOSUM}")
def test_summary_beats_lead3_on_indosum() -> None:
    ours, base = [0.0, 0.0], [0.0, 0.0]
    docs = [json.loads(line) for line in INDOSUM.read_text("utf-8").splitlines()]
    for d in docs:
        body = "\n\n".join(" ".join(_detok(s) for s in p) for p in d["paragraphs"])
        reference = " ".join(_detok(s) for s in d["summary"])
        article = Article(id=d["id"], source="indosum", body=body)
        mine = " ".join(s.text for s in summarize([article], max_sentences=ROUGE_SENTENCES))
        baseline = " ".join(lead([article], ROUGE_SENTENCES))
        for k, n in enumerate((1, 2)):
            ours[k] += _rouge(mine, reference, n) / len(docs)
            base[k] += _rouge(baseline, reference, n) / len(docs)
    # measured: ours R-1 0.688 R-2 0.620, lead-3 R-1 0.659 R-2 0.592 (750 articles)
    assert ours[0] >= 0.68 and ours[1] >= 0.61
    assert ours[0] > base[0] + 0.02 and ours[1] > base[1] + 0.02


def _q(text: str, speaker: str | None, kind: str = "direct") -> Quote:
    return Quote(text=text, start=0, end=len(text), kind=kind, speaker=speaker, speaker_mention=None, cue=None)


def test_story_quotes_groups_by_speaker_and_merges_near_copies() -> None:
    putin = "Vladimir Putin"
    full = ("Ada batasan-batasan tertentu. Rusia mematuhi semua pembatasan ini. "
            "Namun ada hal-hal yang bisa kita bicarakan.")
    a = Article(id="a", source="a", body=full, published="2023-09-13", quotes=[_q(full, "Vladimir Putin")])
    b = Article(id="b", source="b", body="x", published="2023-09-14",
                quotes=[_q("Ya, ada batasan-batasan tertentu, dan Rusia mematuhi semua pembatasan ini", putin),
                        _q("Saya akan selalu mendukung Rusia dalam perjuangan ini", "Kim Jong Un"),
                        _q("Ya", "Vladimir Putin")])
    c = Article(id="c", source="c", body="x", published="2023-09-15",
                quotes=[_q("Tidak ada perjanjian yang ditandatangani selama kunjungan", "Dmitry Peskov"),
                        _q("sanksi terhadap Pyongyang akan diperketat pekan depan", None, "indirect")])
    quotes = story_quotes([c, b, a])
    assert [(q.speaker, q.article_ids) for q in quotes] == [
        ("Vladimir Putin", ["a", "b"]), ("Dmitry Peskov", ["c"]), ("Kim Jong Un", ["b"]), (None, ["c"])]
    assert quotes[0].text == full  # the fuller direct wording is shown


def test_story_quotes_on_the_seeds_merge_the_restrictions_quote(seed_articles: dict[str, Article]) -> None:
    quotes = story_quotes(list(seed_articles.values()))
    restrictions = [q for q in quotes if "mematuhi semua pembatasan ini" in q.text]
    assert len(restrictions) == 1
    assert set(restrictions[0].article_ids) >= {"000_0b2f353a331a9159", "001_0fa5bb280fb2bb71"}
    assert quotes[0].speaker == "Vladimir Putin" and quotes[-1].speaker is None
