"""Open news text → ``resources/common_words.txt``: words that news writes in lower case.

A capitalised word next to a name is part of the name unless it is an ordinary word written
with a capital ("Situasi Lorenzo", "Kebudayaan Muhadjir Effendy", "Hosting Cook"). Whether a
word is ordinary is read off real text: a word seen in lower case inside sentences at least
``MIN_LOWER`` times, and in lower case at least ``MIN_SHARE`` of the times it is seen inside
sentences, is common; so is a word that the NER train sets label inside organisation, place
or event names at least four times as often as inside person names. Given names that are also
words stay names ("Budi": written "Budi" far more often than "budi").

Sources, all redistributable and none of them an article of the chain dev/test sets:
IndoNLU NER-Grit train (MIT; cased Indonesian sentences), the IndoSum articles of the mixed
corpus (CC BY-SA 4.0), and the article-extraction benchmark's article bodies (MIT), the last
two minus every article in ``tests/fixtures/chain``.

    python scripts/build_common_words.py          # rewrites src/kliping/resources/common_words.txt
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
OUT = REPO / "src" / "kliping" / "resources" / "common_words.txt"
MIN_LOWER = 2
MIN_SHARE = 0.25
_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*")
_SENTENCE_END = re.compile(r"[.!?:\"“”]\s*$")


def _chain_ids() -> set[str]:
    ids = set()
    for split in ("dev", "test"):
        with gzip.open(REPO / "tests" / "fixtures" / "chain" / f"{split}.jsonl.gz", "rt", encoding="utf-8") as f:
            ids |= {json.loads(line)["id"] for line in f}
    return ids


def _texts() -> list[str]:
    texts = []
    sentence: list[str] = []
    for line in (SHARED / "gold" / "ner" / "nergrit_ner-grit-train.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            sentence.append(line.split("\t")[0])
        elif sentence:
            texts.append(" ".join(sentence))
            sentence = []
    skip = _chain_ids()
    for line in (REPO / "tests" / "fixtures" / "corpus" / "mixed.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] not in skip:
            texts.append(row["text"])
    truth = json.loads((SHARED / "benchmarks" / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    texts += [v["articleBody"] for k, v in truth.items() if k not in skip]
    return texts


def _span_words() -> tuple[Counter[str], Counter[str]]:
    """(words inside person names, words inside organisation, place and event names) of the
    IndoNLU NER train sets."""
    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for name in ("nergrit_ner-grit-train.txt", "nerp_ner-prosa-train.txt"):
        for line in (SHARED / "gold" / "ner" / name).read_text(encoding="utf-8").splitlines():
            if "\t" not in line:
                continue
            word, tag = line.rsplit("\t", 1)
            if tag == "O":
                continue
            target = person if tag[2:] in ("PERSON", "PPL") else other
            target[word.lower()] += 1
    return person, other


def main() -> None:
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for text in _texts():
        for m in _WORD.finditer(text):
            before = text[max(0, m.start() - 3) : m.start()]
            if not before.strip() or _SENTENCE_END.search(before):
                continue  # a sentence's first word is capitalised whatever it is
            word = m.group(0)
            (upper if word[0].isupper() else lower)[word.lower()] += 1
    common = {w for w, n in lower.items() if n >= MIN_LOWER and n >= MIN_SHARE * (n + upper[w])}
    person, other = _span_words()
    # Words that name organisations and places far more than people ("Kebudayaan", "Universitas").
    common |= {w for w, n in other.items() if n >= MIN_LOWER and person[w] * 4 < n and _WORD.fullmatch(w)}
    common = sorted(common)
    header = ("# Words news writes in lower case inside sentences (built by scripts/build_common_words.py\n"
              "# from NER-Grit/NER-P train, IndoSum and the extraction benchmark, minus the chain dev/test\n"
              "# sets). A capitalised one of these beside a name is not part of the name.\n")
    OUT.write_text(header + "\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(common)} common words → {OUT}")


if __name__ == "__main__":
    main()
