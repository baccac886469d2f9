"""A crfsuite model file read into weight arrays, and its Viterbi decoding in numpy.

Tagging through pycrfsuite was ~60% of the per-article chain: each token hands it ~25 feature
strings, which it copies and looks up one by one. A linear-chain CRF's token score is a sum of
per-attribute weights, so the sum can be cached per word type (``ner._word_scores``) and a sentence
decoded from those sums. The result is the model's own Viterbi path (same weights, read from the
file; the same first-best tie rule as crfsuite's ``crf1dc_viterbi``); ``tests/test_ner.py`` checks
the tags equal pycrfsuite's. pycrfsuite still trains the model.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float64]

_HEADER = struct.Struct("<4sI4sI8I")  # magic, size, type, version, 4 counts/offsets…, see crf1d_model.c
_CHUNK = struct.Struct("<4sII")  # chunk id, size, number of entries
_FEATURE = struct.Struct("<IIId")  # type (0 state, 1 transition), source, destination, weight
_CQDB = struct.Struct("<4sIIIII")  # "CQDB", size, flag, byte-order check, backward-array size and offset
_STATE, _TRANSITION = 0, 1
# A decoding batch pads at most _PAD_TIMES its tokens plus _PAD_CELLS (position, sentence) cells: a
# text's usual sentences are one batch (what the steps cost is their count), a hostile text is bounded.
_PAD_TIMES, _PAD_CELLS = 4, 32_768


class ModelError(ValueError):
    """The bytes are not a crfsuite CRF1d model this reader understands."""


def _strings(data: bytes, offset: int) -> list[str]:
    """The id → string table of a CQDB (constant quark database) chunk starting at ``offset``."""
    chunk, _, _, _, count, backward = _CQDB.unpack_from(data, offset)
    if chunk != b"CQDB":
        raise ModelError(f"expected a CQDB chunk at byte {offset}")
    out: list[str] = []
    for index, (place,) in enumerate(struct.iter_unpack("<I", data[offset + backward:offset + backward + 4 * count])):
        ident, size = struct.unpack_from("<II", data, offset + place)
        if ident != index:
            raise ModelError(f"CQDB record {index} has id {ident}")
        start = offset + place + 8
        out.append(data[start:start + size - 1].decode("utf-8"))  # size counts the closing NUL
    return out


@dataclass(frozen=True)
class LinearCRF:
    """A first-order linear-chain CRF: per-attribute label weights and label-to-label transitions."""

    labels: tuple[str, ...]
    attributes: dict[str, int]  # attribute → row of ``weights``
    weights: Vector  # (attributes + 1, labels); the last row is zeros, for attributes the model never saw
    transitions: Vector  # (labels, labels): from the row's label to the column's

    @classmethod
    def from_crfsuite(cls, data: bytes) -> LinearCRF:
        """Read a model file written by crfsuite's CRF1d trainer (what pycrfsuite.Trainer writes)."""
        if len(data) < _HEADER.size:
            raise ModelError("too short for a crfsuite model")
        magic, _, kind, _, _, n_labels, n_attrs, at_features, at_labels, at_attrs, _, _ = _HEADER.unpack_from(data)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ModelError("not a crfsuite first-order CRF model")
        labels = _strings(data, at_labels)
        attributes = _strings(data, at_attrs)
        if len(labels) != n_labels or len(attributes) != n_attrs:
            raise ModelError("label or attribute count disagrees with the header")
        chunk, _, count = _CHUNK.unpack_from(data, at_features)
        if chunk != b"FEAT":
            raise ModelError("no feature chunk where the header says")
        weights = np.zeros((n_attrs + 1, n_labels))
        transitions = np.zeros((n_labels, n_labels))
        start = at_features + _CHUNK.size
        for kind_id, source, target, weight in _FEATURE.iter_unpack(data[start:start + _FEATURE.size * count]):
            if kind_id == _STATE:
                weights[source, target] = weight
            elif kind_id == _TRANSITION:
                transitions[source, target] = weight
        return cls(tuple(labels), {a: i for i, a in enumerate(attributes)}, weights, transitions)

    def score(self, groups: Sequence[Sequence[str]]) -> Vector:
        """Per group of attributes (none empty) and label, the summed weight (unknown attributes weigh nothing)."""
        unknown = len(self.attributes)
        get = self.attributes.get
        return self.score_rows([get(a, unknown) for group in groups for a in group], [len(g) for g in groups])

    def score_rows(self, rows: Sequence[int], lengths: Sequence[int]) -> Vector:
        """``score`` of groups given as rows of ``weights`` (``len(attributes)`` for unknown ones), one
        group after the other, and each group's length (none 0). Each group's rows are summed in order."""
        starts = np.cumsum([0, *lengths[:-1]])
        return np.add.reduceat(self.weights[rows], starts, axis=0)

    def decode(self, emissions: Sequence[Vector]) -> list[list[str]]:
        """The best label sequence of each sentence, given its per-token label scores (tokens × labels)."""
        lengths = [len(e) for e in emissions]
        joined = np.concatenate(emissions) if sum(lengths) else np.zeros((0, len(self.labels)))
        return self.decode_joined(joined, lengths)

    def decode_joined(self, scores: Vector, lengths: Sequence[int]) -> list[list[str]]:
        """``decode`` of sentences given one after another: ``scores`` (tokens × labels), each one's length.

        The sentences are decoded side by side, one numpy step per token position: numpy's cost is
        per call, and a text's sentences share the calls. Side by side means padded to the longest:
        sentences far longer than the rest are decoded in a batch of their own (longest first), so
        that the padding stays within a few times the tokens (plus a constant) whatever the text.
        Each sentence's floats and tie rule are its own: the batches do not change a tag."""
        out: list[list[str]] = [[] for _ in lengths]
        starts = np.cumsum([0, *lengths[:-1]]).tolist()
        batch: list[int] = []
        tokens = 0
        for i in sorted((i for i, n in enumerate(lengths) if n), key=lambda i: -lengths[i]):
            if batch and lengths[batch[0]] * (len(batch) + 1) > _PAD_TIMES * (tokens + lengths[i]) + _PAD_CELLS:
                self._viterbi(scores, [starts[k] for k in batch], [lengths[k] for k in batch], batch, out)
                batch, tokens = [], 0
            batch.append(i)
            tokens += lengths[i]
        if batch:
            self._viterbi(scores, [starts[k] for k in batch], [lengths[k] for k in batch], batch, out)
        return out

    def _viterbi(self, scores: Vector, starts: list[int], lengths: list[int], which: list[int],
                 out: list[list[str]]) -> None:
        """Each sentence's best labels into ``out[which[i]]``; sentences longest first, none empty."""
        count, n_labels, longest = len(lengths), len(self.labels), lengths[0]
        # position-major: each step reads one block
        padded = np.zeros((longest, count, n_labels))
        for i, (start, n) in enumerate(zip(starts, lengths, strict=True)):
            padded[:n, i] = scores[start:start + n]
        ending: dict[int, list[int]] = {}
        for i, n in enumerate(lengths):
            ending.setdefault(n, []).append(i)
        # sentence × to × from, so that the step reduces over the last, contiguous axis: numpy's
        # max over a short inner axis costs ~4 times an argmax, so the max is read at the argmax.
        # The sum is made as rows (sentence, to): each sentence's scores repeated, plus the transitions
        # into each label tiled per sentence — two plain calls cost half of one 3-d broadcast.
        into = np.tile(self.transitions.T, (count, 1))
        paths = np.empty((count, n_labels, n_labels))
        rows = paths.reshape(count * n_labels, n_labels)
        flat = paths.reshape(-1)
        row_starts = np.arange(0, flat.size, n_labels).reshape(count, n_labels)
        back = np.empty((longest, count, n_labels), dtype=np.intp)
        last = np.empty((count, n_labels))  # each sentence's scores at its own last token
        best = padded[0]
        for t in range(1, longest):
            if t in ending:
                last[ending[t]] = best[ending[t]]
            np.add(best.repeat(n_labels, axis=0), into, out=rows)
            # The first of equals, as crfsuite's strict ">" keeps the first.
            step = paths.argmax(axis=2, out=back[t])
            best = flat[row_starts + step]
            best += padded[t]
        last[ending[longest]] = best[ending[longest]]
        # Back from each sentence's last token, in Python: ~20 steps a sentence, cheaper than numpy calls.
        labels = self.labels
        for i, (n, label) in enumerate(zip(lengths, last.argmax(axis=1).tolist(), strict=True)):
            path = [label]
            back_steps = back[1:n, i].tolist()
            for t in range(n - 2, -1, -1):
                label = back_steps[t][label]
                path.append(label)
            out[which[i]] = [labels[k] for k in reversed(path)]
