"""Indonesian/English news text → PERSON / ORG / PLACE character spans, with a small shipped CRF model.

Two models of one kind, both trained by ``scripts/train_ner.py``: ``resources/models/ner.crfsuite`` on
IndoNLU's NERGrit and NER-P data, used for Indonesian (and any text not known to be English), and
``ner_en.crfsuite`` on our own English labels (``tests/fixtures/ner/english``), used for English text.
The Indonesian model reads English names at micro F1 0.29 on the English labels' valid split; the
English one at 0.76 (see ``resources/models/README.md`` for data, licences and scores).
Tokens follow the training data's convention: hyphens, apostrophes and other punctuation are
tokens of their own ("Kim Jong - un"), numbers keep their ``.``/``,``/``/`` separators. Entity
spans run from the first to the last token, so "Kim Jong-un" comes back as one span. The tokens
and the features the model sees are annotate/ner_features.py's; this module scores and decodes them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from itertools import islice

import numpy as np

from kliping.annotate.linear_crf import LinearCRF, Vector
from kliping.annotate.ner_features import TOKEN, FeatureRows, features, gazetteer_marks, is_cased, word_rows
from kliping.resources import words as word_set

MODEL_NAME = "ner.crfsuite"
ENGLISH_MODEL = "ner_en.crfsuite"
LABELS = ("PERSON", "ORG", "PLACE")

# A sentence ends at a gap after . ! ? or at a gap holding a line break. Gaps between tokens are
# the whitespace runs (every other character is in a token), so the cuts are found in one pass;
# the leading (?=\s) lets the regex engine pass over the other characters quickly.
_SENT_BREAK = re.compile(r"(?=\s)(?:(?<=[.!?])\s+|[^\S\n]*\n\s*)")
_CACHE_WORDS = 100_000  # word types whose scores are kept per model (~28 MB)
_POSSESSIVES = ("’s", "'s")


def model_for(language: str | None) -> str:
    """The model that reads text of ``language``."""
    return ENGLISH_MODEL if language == "en" else MODEL_NAME


def _model_bytes(name: str) -> bytes:
    return resources.files("kliping.resources").joinpath("models", name).read_bytes()


@cache
def _model(name: str = MODEL_NAME) -> tuple[object, bytes]:
    """A shipped model in pycrfsuite (for scoring and tests; tagging uses ``_crf``)."""
    import pycrfsuite  # imported late: only evaluation and training need it

    data = _model_bytes(name)
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(data)
    # crfsuite reads the model from this buffer without copying it: keep it alive with the tagger.
    return tagger, data


def _tagger(name: str = MODEL_NAME) -> object:
    return _model(name)[0]


@cache
def _crf(name: str = MODEL_NAME) -> LinearCRF:
    return LinearCRF.from_crfsuite(_model_bytes(name))


@cache
def _feature_rows(name: str = MODEL_NAME) -> FeatureRows:
    crf = _crf(name)
    return FeatureRows.of(crf.attributes, len(crf.attributes))


@cache
def _fixed_scores(name: str = MODEL_NAME) -> dict[str, Vector]:
    """Scores of the features that are not a word's: sentence edges and gazetteer marks."""
    crf = _crf(name)
    names = ("BOS", "EOS", "gB", "gI", "oB", "oI")
    return dict(zip(names, crf.score([(f,) for f in names]), strict=True))


class _WordScores:
    """Per word type (and casing), the label scores it adds: rows to itself, to the next token, the
    previous, 2 after, 2 before. A token's score is the sum of these rows over its neighbourhood, so
    a sentence is scored from one cached array per word instead of ~25 feature strings per token.
    New words are scored together, a text at a time: numpy's cost is per call."""

    def __init__(self, capacity: int = _CACHE_WORDS, model: str = MODEL_NAME) -> None:
        self.capacity = capacity
        self.model = model
        # One word → row index per casing: set operations and map() look words up without a Python loop.
        self.index: dict[bool, dict[str, int]] = {True: {}, False: {}}
        self.size = 0
        self.table = np.zeros((0, 5, 0))

    def _new(self, sentences: Sequence[Sequence[str]], casing: list[bool]) -> list[tuple[str, bool]]:
        """The (word, cased) keys of the sentences not in the table (in any order: a row's place
        in the table does not change its scores)."""
        out: list[tuple[str, bool]] = []
        for cased, index in self.index.items():
            if cased not in casing:
                continue
            words = set().union(*(s for s, c in zip(sentences, casing, strict=True) if c == cased))
            out += [(w, cased) for w in words.difference(index)]
        return out

    def rows(self, sentences: Sequence[Sequence[str]]) -> Vector:
        """The rows of every token of the sentences, in order (a sentence is cased as ``is_cased`` says)."""
        casing = [is_cased(s) for s in sentences]
        new = self._new(sentences, casing)
        if new:
            crf = _crf(self.model)
            if self.size + len(new) > self.capacity or not len(self.table):
                # Start again rather than track recency: a full table is rebuilt from the next texts.
                for index in self.index.values():
                    index.clear()
                self.size = 0
                new = self._new(sentences, casing)
                self.table = np.zeros((max(self.capacity, len(new)), 5, len(crf.labels)))
            tables = _feature_rows(self.model)
            feature_rows: list[int] = []
            lengths: list[int] = []
            for w, cased in new:
                word, groups = word_rows(w, cased, tables)
                feature_rows += word
                lengths += groups
            scores = crf.score_rows(feature_rows, lengths)
            first, self.size = self.size, self.size + len(new)
            self.table[first:self.size] = scores.reshape(len(new), 5, -1)
            for (w, cased), row in zip(new, range(first, self.size), strict=True):
                self.index[cased][w] = row
        table_rows: list[int] = []
        for s, c in zip(sentences, casing, strict=True):
            table_rows += map(self.index[c].__getitem__, s)  # extended from the map in C, no loop in Python
        return self.table[table_rows]


# One table per model, filled as texts of its language come.
_word_scores = {name: _WordScores(model=name) for name in (MODEL_NAME, ENGLISH_MODEL)}


def _emissions(sentences: Sequence[Sequence[str]], marks: Sequence[list[str]], model: str = MODEL_NAME) -> Vector:
    """Per token of the sentences, one after another, and label: the summed weight of the features
    ``features`` gives it.

    Built for all sentences at once on their concatenation: the neighbour rows are shifted copies,
    reset at sentence edges (where BOS/EOS stand instead)."""
    rows = _word_scores[model].rows(sentences)
    fixed = _fixed_scores(model)
    lengths = np.array([len(s) for s in sentences])
    ends = np.cumsum(lengths)
    starts = ends - lengths
    ends -= 1
    zero = np.zeros((2, rows.shape[2]))
    before1 = np.concatenate([zero[:1], rows[:-1, 1]])
    before1[starts] = fixed["BOS"]
    after1 = np.concatenate([rows[1:, 2], zero[:1]])
    after1[ends] = fixed["EOS"]
    before2 = np.concatenate([zero, rows[:-2, 3]])[:len(rows)]
    long = lengths > 1
    before2[starts] = 0.0
    before2[(starts + 1)[long]] = 0.0
    after2 = np.concatenate([rows[2:, 4], zero])[-len(rows):]
    after2[ends] = 0.0
    after2[(ends - 1)[long]] = 0.0
    out: Vector = rows[:, 0] + before1 + after1 + before2 + after2
    for start, ms in zip(starts.tolist(), marks, strict=True):
        if any(ms):  # most sentences hold no known name
            for i, mark in enumerate(ms, start):
                if mark:
                    out[i] += fixed[mark]
    return out


_GAZ_LABEL = {"g": "PLACE", "o": "ORG"}


def _repair(words: Sequence[str], tags: list[str], marks: list[str]) -> list[str]:
    """Known names override the model where it glues them to a neighbour or mislabels them alone.

    "Juru bicara Kremlin Dmitry Peskov" comes out of the CRF as one PERSON; a name from the
    gazetteer at the head of a longer entity is split off ("Kremlin" ORG + "Dmitry Peskov"), and the
    rest becomes a PERSON when the CRF gave the whole the gazetteer's own type ("Korea Utara Kim Jong-un").
    """
    if not any(marks):
        return tags
    for a, b, label in chunks(tags):
        if marks[a] not in ("gB", "oB"):
            continue
        e = a + 1
        while e < b and marks[e][1:] == "I":
            e += 1
        gaz = _GAZ_LABEL[marks[a][0]]
        if e == b:
            tags[a:b] = ["B-" + gaz] + ["I-" + gaz] * (b - a - 1)
        elif b - e >= 2:
            rest = "PERSON" if label == gaz else label
            tags[a:b] = ["B-" + gaz] + ["I-" + gaz] * (e - a - 1) + ["B-" + rest] + ["I-" + rest] * (b - e - 1)
    return tags


def tag_tokens(words: Sequence[str], tagger: object | None = None, repair: bool = True,
               model: str = MODEL_NAME) -> list[str]:
    """BIO tags (B-PERSON, I-ORG, O, …) for one sentence given as tokens by the shipped ``model``
    (``tagger``: a pycrfsuite.Tagger to use instead)."""
    if tagger is None:
        return tag_sentences([words], repair, model)[0]
    if not words:
        return []
    marks = gazetteer_marks([w.lower() for w in words])  # once: the features and the repair both need them
    tags: list[str] = tagger.tag(features(words, marks=marks))  # type: ignore[attr-defined]
    return _repair(words, tags, marks) if repair else tags


def tag_sentences(sentences: Sequence[Sequence[str]], repair: bool = True, model: str = MODEL_NAME) -> list[list[str]]:
    """BIO tags for each sentence (given as tokens) by the shipped ``model``, all sentences decoded together."""
    todo = [i for i, words in enumerate(sentences) if words]
    out: list[list[str]] = [[] for _ in sentences]
    if not todo:
        return out
    words = [sentences[i] for i in todo]
    marks = [gazetteer_marks(list(map(str.lower, ws))) for ws in words]  # the features and the repair need them
    tagged = _crf(model).decode_joined(_emissions(words, marks, model), [len(ws) for ws in words])
    for i, ws, ms, tags in zip(todo, words, marks, tagged, strict=True):
        out[i] = _repair(ws, tags, ms) if repair else tags
    return out


def _sentence_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of the rough sentences of ``text``: cut after . ! ? or at a line break."""
    out: list[tuple[int, int]] = []
    start = 0
    for cut in _SENT_BREAK.finditer(text):
        out.append((start, cut.start()))
        start = cut.end()
    out.append((start, len(text)))
    return out


def _sentences(text: str, spans: list[tuple[int, int]]) -> Iterable[list[tuple[int, int]]]:
    """Token spans (``tokenize``'s) grouped into the sentences of ``_sentence_ranges``."""
    first = 0
    for _, end in _sentence_ranges(text):
        last = bisect_left(spans, (end,), first)  # the first token at or after ``end``
        if last > first:
            yield spans[first:last]
        first = last


def chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, label) token ranges of the entities in a BIO sequence, read as conlleval does."""
    out: list[tuple[int, int, str]] = []
    if tags.count("O") == len(tags):  # most sentences: one count instead of a loop over the tags
        return out
    begin, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O":  # most tags: it only closes an entity
            if begin >= 0:
                out.append((begin, i, label))
                begin = -1
            continue
        prefix, _, kind = tag.partition("-")
        if begin >= 0 and (prefix != "I" or kind != label):
            out.append((begin, i, label))
            begin = -1
        if prefix == "B" or (prefix == "I" and begin < 0):
            begin, label = i, kind
    return out


def _may_name(words: Sequence[str]) -> bool:
    """Whether a sentence of cased text can hold a name: a capital past its first word, or a
    first word that is not a common one ("Namun", "Dia", "Hal"). A quarter of news sentences
    can't, and tagging them is a quarter of the tagger's time."""
    if any(w[:1].isupper() for w in words[1:]):
        return True
    first = words[0] if words else ""
    return first[:1].isupper() and first.lower() not in _common_words()


@cache
def _common_words() -> frozenset[str]:
    return word_set("stopwords.txt")


def find_entities(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans of the persons, organisations and places in ``text``
    (read by the English model when ``language`` is "en", else by the Indonesian one)."""
    out: list[tuple[int, int, str]] = []
    cased = is_cased([text[:2000]])  # all-lower-case or all-caps text: every sentence may hold a name
    starts: list[int] = []
    sentences: list[list[str]] = []
    for start, end in _sentence_ranges(text):
        # Sentences cut at whitespace, where no token runs on: tokenizing each alone is tokenizing the text.
        words = TOKEN.findall(text, start, end)
        if words and (not cased or _may_name(words)):
            starts.append(start)
            sentences.append(words)
    for start, words, tags in zip(starts, sentences, tag_sentences(sentences, model=model_for(language)), strict=True):
        found = chunks(tags)
        if not found:
            continue
        # Offsets only where a name is, and only up to the token after the last name (chunks come in
        # order; the hyphen test reads that token). Found from the words, not by tokenizing again:
        # only whitespace lies between tokens, so each word is the first one found after the last.
        sent: list[tuple[int, int]] = []
        at, find = start, text.find
        for word in islice(words, found[-1][1] + 2):
            at = find(word, at)
            after = at + len(word)
            sent.append((at, after))
            at = after
        for a, b, label in found:
            stop = sent[b - 1][1]
            # "Kim Jong-un": a hyphen glued to a lower-case tail continues the name it follows.
            if (b + 1 < len(sent) and text[stop:stop + 1] == "-" and sent[b + 1][0] == stop + 1
                    and text[stop + 1].islower()):
                stop = sent[b + 1][1]
            if text[stop - 2:stop] in _POSSESSIVES and b - a > 2:  # "Apple Inc’s": the name, not its 's
                stop -= 2
            out.append((sent[a][0], stop, label))
    return out
