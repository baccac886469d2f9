"""The faster paths of NER tagging give what the plain ones did: sentence cuts and Viterbi decoding."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from kliping.annotate import ner, ner_features

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus" / "mixed.jsonl"


def _sentences_by_gaps(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The rule, token gap by token gap: a cut after . ! ? followed by a gap, or at a gap holding a line break."""
    out: list[list[tuple[int, int]]] = []
    start = 0
    for i in range(1, len(spans)):
        prev_end, cur_start = spans[i - 1][1], spans[i][0]
        if "\n" in text[prev_end:cur_start] or (text[prev_end - 1] in ".!?" and cur_start > prev_end):
            out.append(spans[start:i])
            start = i
    if start < len(spans):
        out.append(spans[start:])
    return out


def test_sentence_cuts_follow_the_gap_rule() -> None:
    with CORPUS.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for _, line in zip(range(300), lines, strict=False)]
    texts += ["", " \n ", "a.", "Dr. A\r\nB", "a.\u00a0b", "a\u2028b. c", "1.5. 2", "x!\n\n?y",
              "a\x0bb.\x0c c", "(a.)b"]
    for text in texts:
        spans = ner_features.tokenize(text)
        assert list(ner._sentences(text, spans)) == _sentences_by_gaps(text, spans), text[:80]


def _viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """One sentence, step by step; the first of equal scores wins, as in crfsuite."""
    if not len(emissions):
        return []
    best = emissions[0]
    back = []
    for e in emissions[1:]:
        paths = best[:, None] + transitions
        back.append(paths.argmax(axis=0))
        best = paths.max(axis=0) + e
    path = [int(best.argmax())]
    for step in reversed(back):
        path.append(int(step[path[-1]]))
    return path[::-1]


def test_batched_decoding_is_each_sentences_viterbi() -> None:
    crf = ner._crf()
    rng = np.random.default_rng(7)
    n = len(crf.labels)
    # Small integers make ties, where the tie rule shows; lengths include 0 and 1.
    sentences = [rng.integers(-3, 4, size=(length, n)).astype(float) for length in (5, 0, 1, 17, 2, 17, 40, 3)]
    sentences += [rng.normal(size=(length, n)) for length in (9, 1, 30)]
    for crf_ in (crf, type(crf)(crf.labels, crf.attributes, crf.weights, np.round(crf.transitions))):
        expected = [[crf_.labels[k] for k in _viterbi(e, crf_.transitions)] for e in sentences]
        assert crf_.decode(sentences) == expected
        assert [crf_.decode([e])[0] for e in sentences] == expected
    assert crf.decode([]) == []
