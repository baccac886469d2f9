"""The cheaper formulations of NER tagging give exactly what the plain ones did: a word's model rows
looked up by feature kind against its feature strings, shapes, and decoding in length batches."""

from __future__ import annotations

import numpy as np
import pytest
from test_ner_decoding import _viterbi as reference_viterbi

from kliping.annotate import linear_crf, ner, ner_features

# Made-up words: cases, digits, punctuation, curly quotes and dashes, non-ASCII letters, cue words,
# gazetteer names, short words, all-caps, words no model has seen.
WORDS = [
    "Putin", "PBB", "13/9", "1.500,25", "Jakarta", "jakarta", "JAKARTA", "Presiden", "presiden", "Menteri",
    "Kremlin", "di", "a", "A", "-", "“", "”", "’", "–", "—", "_", "Ñoño", "ÀÉÎ", "straße", "Łódź", "Dr",
    "zzqxv", "Zzqxv", "ZZQXV", "x1y2", "Kim", "Jong", "un", "'s", "PT", "Tbk", "...", "Rp", "km", "İstanbul",
]


def _plain_shape(word: str) -> str:
    """The shape rule, character by character."""
    out: list[str] = []
    for c in word.translate(ner_features._SHAPE):
        if c not in "Xxd" and c.isalpha():
            c = "X" if c.isupper() else "x"
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def test_shapes_follow_the_character_rule() -> None:
    rng = np.random.default_rng(3)
    alphabet = list("aAzZ09.-/_ \n\t\\()éÉßİ")
    made = ["".join(rng.choice(alphabet, size=int(rng.integers(0, 9)))) for _ in range(3000)]
    for word in WORDS + made + ["", "\n\n", "aaAA..", "((", "\\\\1"]:
        assert ner_features._shape(word) == _plain_shape(word), repr(word)


def test_word_rows_are_the_rows_of_the_word_features() -> None:
    crf = ner._crf()
    tables = ner._feature_rows()
    unknown = len(crf.attributes)
    for word in WORDS + [w.upper() for w in WORDS] + [w.lower() for w in WORDS]:
        for cased in (True, False):
            groups = ner_features.word_features.__wrapped__(word, cased)
            rows, lengths = ner_features.word_rows(word, cased, tables)
            assert rows == [crf.attributes.get(a, unknown) for g in groups for a in g], (word, cased)
            assert lengths == tuple(len(g) for g in groups)
            # the same floats, summed in the same order
            assert np.array_equal(crf.score_rows(rows, lengths), crf.score(groups))


def test_feature_tables_read_only_the_kinds_and_places_features_make() -> None:
    attributes = {"w=a": 0, "-1w=a": 1, "+2w=a": 2, "s3=abc": 3, "-1s3=abc": 4, "ls=x": 5, "-2ls=x": 6,
                  "c=cP": 7, "short": 8, "AC": 9, "BOS": 10, "w==": 11, "sh=-": 12, "+1sh=-": 13}
    tables = ner_features.FeatureRows.of(attributes, 99)
    assert tables.words == {"a": (0, 1, 99, 99, 2), "=": (11, 99, 99, 99, 99)}
    assert tables.s3 == {"abc": 3} and tables.lshapes == {"x": (5, 99, 99)}
    assert tables.cues == {"cP": (7, 99, 99)} and tables.shapes == {"-": (12, 99, 13)}
    assert (tables.short, tables.all_caps) == (8, 9)
    assert ner_features.FeatureRows.of({}, 5).short == 5


def test_a_very_long_sentence_is_decoded_in_a_bounded_batch_with_the_same_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    crf = ner._crf()
    rng = np.random.default_rng(11)
    n = len(crf.labels)
    lengths = [3, 0, 20_000, 1, 40, 7, 7, 0, 300, 2] + [30] * 50
    sentences = [rng.integers(-3, 4, size=(k, n)).astype(float) for k in lengths]  # ties show the tie rule
    expected = [[crf.labels[k] for k in reference_viterbi(e, crf.transitions)] for e in sentences]
    batches: list[list[int]] = []
    viterbi = linear_crf.LinearCRF._viterbi

    def counted(self, scores, starts, sizes, which, out):  # type: ignore[no-untyped-def]
        batches.append(list(sizes))
        return viterbi(self, scores, starts, sizes, which, out)

    monkeypatch.setattr(linear_crf.LinearCRF, "_viterbi", counted)
    assert crf.decode_joined(np.concatenate(sentences), lengths) == expected
    # Padding all 58 sentences to 20,000 tokens would be 1.16 million cells; each batch pads within its bound.
    # (Before, a text was one batch whatever its sentences.)
    assert len(batches) > 1 and sorted(k for b in batches for k in b) == sorted(k for k in lengths if k)
    assert all(max(b) * len(b) <= linear_crf._PAD_TIMES * sum(b) + linear_crf._PAD_CELLS for b in batches)
    batches.clear()
    assert crf.decode(sentences[4:7]) == expected[4:7] and batches == [[40, 7, 7]]  # a text's usual sentences: one
    assert crf.decode_joined(np.zeros((0, n)), [0, 0]) == [[], []]


def test_entity_offsets_found_from_the_words_are_the_tokens_offsets() -> None:
    text = ("Presiden  Joko Widodo\tbertemu Kim Jong-un di Pyongyang.\n\nJuru bicara Kremlin Dmitry Peskov "
            "mengatakan , “Vladimir Putin” hadir di Jakarta… PT  Garuda Indonesia Tbk juga.")
    found = ner.find_entities(text)
    assert ("Kim Jong-un", "PERSON") in [(text[a:b], label) for a, b, label in found]
    starts = {s for s, _ in ner_features.tokenize(text)}
    ends = {e for _, e in ner_features.tokenize(text)}
    assert found and all(a in starts and b in ends for a, b, _ in found)
    for a, b, _ in found:
        assert text[a:b] == text[a:b].strip() and "\n" not in text[a:b]
