"""A story's articles → 3–7 extractive summary sentences, each copied verbatim and citing every article carrying it.

How a sentence is chosen:

* **candidates** are body sentences (``split_sentences``) that read as prose: 6–70 words, ending in . or !,
  not mostly a quotation (quotes have their own section), not boilerplate ("Baca juga", "Foto:", links).
  A leading dateline ("REPUBLIKA.CO.ID, MOSKOW -- ", "Hanoi: ") is cut off; the rest stays verbatim.
* **centrality**: a content word weighs the number of *sources* (outlets; an article without one counts
  alone) whose article uses it, plus a little for how often the story repeats it; a sentence scores the sum
  over its distinct words, normalised by √length so long sentences do not win by size alone.
* **lead prior**: news puts the gist first, so the score is boosted by 1 + LEAD/(1 + position).
* **no near-repeats**: MMR (maximal marginal relevance) on word-set Jaccard; a sentence sharing most of its
  words with one already chosen is never taken.
* **spread**: each sentence already taken from the same article costs SPREAD, so every event gets a voice.
* **citations**: every article holding the chosen sentence or a near-copy (overlap coefficient ≥ 0.75 and
  Jaccard ≥ 0.5 of content words, found through an inverted index, not all pairs).
* **order**: by the date of the article it came from, then its place in that article.

Measured on indosum dev.01 (750 single articles, human extractive summaries), see tests/test_summary.py.

The small word helpers here (``content_words``, ``overlap``, ``jaccard``) are shared by timeline.py and
quotes_by_speaker.py: one notion of "the same statement" across the story outputs.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kliping import datelines
from kliping.annotate.sentences import split_sentences
from kliping.corpus.terms import stopwords
from kliping.model import Article, SummarySentence
from kliping.words import JOINED_WORD

MIN_SENTENCES = 3
MAX_SENTENCES = 7
LEAD = 8.0  # weight of the lead prior: news puts the gist first (indosum dev: R-2 .544 at 1, .616 at 8)
MMR_LAMBDA = 0.8  # relevance vs novelty
REPEAT = 0.6  # overlap coefficient above which two sentences say the same thing
NEAR_COPY = 0.75  # overlap coefficient for "this article carries that sentence too" …
NEAR_COPY_JACCARD = 0.5  # … and Jaccard, or shared names alone ("Presiden Rusia Vladimir Putin") would do
SPREAD = 0.15  # penalty per sentence already taken from the same article

# Function words and speech verbs of Indonesian and English: they make unrelated sentences look alike.
STOPWORDS = stopwords()

_TERMINAL = re.compile(r"[.!]['\"”’)\]]*$")
_BOILERPLATE = re.compile(
    r"^(?:baca juga|lihat juga|simak|saksikan|tonton|ikuti|klik|foto|video|editor|penulis|reporter|sumber|"
    r"copyright|advertisement|scroll|read more|see also|follow us)\b|https?://|www\.|©",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def words(text: str) -> list[str]:
    """Lower-cased word tokens, "-nya" cut so "negaranya" meets "negara"."""
    return [w[:-3] if len(w) > 5 and w.endswith("nya") else w for w in JOINED_WORD.findall(text.lower())]


def content_words(text: str) -> frozenset[str]:
    """The distinct words that carry meaning: no stopwords, no one-letter tokens."""
    return _content(words(text))


def _content(found: list[str]) -> frozenset[str]:
    return frozenset(w for w in found if w not in STOPWORDS and len(w) > 1)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: 1.0 when one set is inside the other (a trimmed copy still matches)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass
class _Candidate:
    article: int  # index into the story's articles
    position: int  # rank among its article's prose sentences
    text: str
    words: frozenset[str]
    score: float = 0.0


def strip_dateline(sentence: str) -> str:
    """The sentence without a leading "CITY -- " / "OUTLET.CO.ID, CITY - " / "Hanoi: " dateline."""
    end = datelines.lead_end(sentence)
    return sentence[end:] if len(sentence) - end > 20 else sentence


def is_prose(sentence: str) -> bool:
    """Whether a sentence can stand in a summary: a complete statement, not a quote, caption or link."""
    return _is_prose(sentence, len(words(sentence)))


def _is_prose(sentence: str, n: int) -> bool:
    """is_prose for a sentence of ``n`` words (the candidates have its words already)."""
    if n < 6 or n > 70 or not _TERMINAL.search(sentence) or _BOILERPLATE.search(sentence):
        return False
    quoted = sum(len(m.group(0)) for m in _QUOTED.finditer(sentence))
    if sentence.lstrip()[:1] in "\"“'‘":
        return False  # opens with a quotation: it belongs to the quotes section
    return quoted <= 0.5 * len(sentence)


def source_key(article: Article) -> str:
    """Independent sources are outlets; an article without a known outlet stands for itself."""
    return (article.outlet or "").strip().lower() or f"article:{article.id}"


def candidates(articles: Sequence[Article]) -> list[_Candidate]:
    out = []
    for ai, article in enumerate(articles):
        rank = 0  # among prose sentences: a sub-headline or dateline line before the lead is not the lead
        for s, e in split_sentences(article.body):
            text = strip_dateline(article.body[s:e])
            found = words(text)  # once for both the length test and the content words
            if _is_prose(text, len(found)):
                out.append(_Candidate(ai, rank, text, _content(found)))
                rank += 1
    return out


def _score(cands: list[_Candidate], articles: Sequence[Article]) -> None:
    sources: dict[str, set[str]] = defaultdict(set)  # word → sources using it
    freq: Counter[str] = Counter()  # word → sentences using it
    for c in cands:
        key = source_key(articles[c.article])
        for w in c.words:
            sources[w].add(key)
        freq.update(c.words)
    for c in cands:
        # fsum: exactly rounded, so the order a set of words iterates in (it varies with the
        # process's string hashing) cannot tip a tie between two sentences.
        weight = math.fsum(len(sources[w]) + 0.5 * math.log1p(freq[w] - 1) for w in c.words)
        c.score = weight / math.sqrt(len(c.words) + 1) * (1 + LEAD / (1 + c.position))


def _index(cands: Sequence[_Candidate]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        for w in c.words:
            index[w].append(i)
    return index


def near_copies(target: frozenset[str], cands: Sequence[_Candidate], index: dict[str, list[int]],
                threshold: float = NEAR_COPY) -> list[int]:
    """Indexes of candidates whose words overlap ``target`` by at least ``threshold``."""
    shared: Counter[int] = Counter()
    for w in target:
        shared.update(index.get(w, ()))
    out = []
    for i, n in shared.items():
        other = cands[i].words
        if n / max(1, min(len(target), len(other))) >= threshold and n / len(target | other) >= NEAR_COPY_JACCARD:
            out.append(i)
    return out


def _select(cands: list[_Candidate], k: int) -> list[_Candidate]:
    """MMR: relevance minus similarity to what is already chosen; near-repeats never taken."""
    if not cands:
        return []
    top = max(c.score for c in cands) or 1.0
    pool = sorted(cands, key=lambda c: -c.score)[: max(50, 10 * k)]  # the tail never wins; keeps MMR O(k·50)
    chosen: list[_Candidate] = []
    # What each pooled candidate has against the chosen ones, brought up to date as each is chosen
    # rather than recomputed over all of them every round: repeats one (overlap ≥ REPEAT), its
    # greatest Jaccard with any, and how many come from its article.
    repeats = [False] * len(pool)
    redundancy = [0.0] * len(pool)
    same = [0] * len(pool)
    while pool and len(chosen) < k:
        best, best_value = -1, -math.inf
        for i, c in enumerate(pool):
            if repeats[i]:
                continue
            # Spread over articles: a story told by one article's sentences hides the others' events.
            value = MMR_LAMBDA * c.score / top - (1 - MMR_LAMBDA) * redundancy[i] - SPREAD * same[i]
            if value > best_value:
                best, best_value = i, value
        if best < 0:
            break
        taken = pool[best]
        chosen.append(taken)
        for state in (pool, repeats, redundancy, same):
            del state[best]
        for i, c in enumerate(pool):
            if not repeats[i]:
                repeats[i] = overlap(c.words, taken.words) >= REPEAT
                redundancy[i] = max(redundancy[i], jaccard(c.words, taken.words))
                same[i] += taken.article == c.article
    return chosen


def _order_key(articles: Sequence[Article]) -> dict[int, tuple[str, int]]:
    # Articles without a date go last, in input order.
    return {i: (a.published or "9999", i) for i, a in enumerate(articles)}


def summarize(articles: Sequence[Article], max_sentences: int = 5) -> list[SummarySentence]:
    """Up to ``max_sentences`` (clamped to 3–7) verbatim sentences, each citing all articles that carry it."""
    k = min(MAX_SENTENCES, max(MIN_SENTENCES, max_sentences))
    cands = candidates(articles)
    _score(cands, articles)
    chosen = _select(cands, k)
    index = _index(cands)
    order = _order_key(articles)
    chosen.sort(key=lambda c: (order[c.article], c.position))
    out = []
    for c in chosen:
        carriers = {c.article} | {cands[i].article for i in near_copies(c.words, cands, index)}
        ids = [articles[i].id for i in sorted(carriers, key=lambda i: order[i])]
        out.append(SummarySentence(text=c.text, article_ids=ids))
    return out


def lead(articles: Iterable[Article], n: int = 3) -> list[str]:
    """The first ``n`` body sentences of each article: the baseline the summary is measured against."""
    out: list[str] = []
    for article in articles:
        out.extend(article.body[s:e] for s, e in split_sentences(article.body)[:n])
    return out
