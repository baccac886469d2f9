"""NER training data → the shipped CRF models, with scores printed.

``resources/models/ner.crfsuite`` (Indonesian) from IndoNLU's NERGrit and NER-P files;
``resources/models/ner_en.crfsuite`` (English) from our own English labels
(``tests/fixtures/ner/english_train.conll``, built by ``scripts/build_ner_labels.py``).

Reproducible: L-BFGS on a fixed data order gives the same model on every run. Settings are
chosen on the ``valid`` files only; the IndoLEM nerui/nerugm test files (no licence) are only
scored, never trained or tuned on.

    python scripts/train_ner.py --model en       # train the English model, print scores
    python scripts/train_ner.py --model id       # the Indonesian one
    python scripts/train_ner.py --experiments    # also compare data mixes and settings on valid
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pycrfsuite
from babel import Locale

from kliping import resources
from kliping.annotate import ner, ner_features, ner_scoring

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "gold" / "ner"
RESOURCES = ROOT / "src" / "kliping" / "resources"
MODEL = RESOURCES / "models" / ner.MODEL_NAME
ENGLISH_MODEL = RESOURCES / "models" / ner.ENGLISH_MODEL
TRAIN = ["nergrit_ner-grit-train.txt", "nerp_ner-prosa-train.txt"]
# English labels of our own (benchmark pages, MIT; text written for the project): scripts/build_ner_labels.py
OWN_LABELS = ROOT / "tests" / "fixtures" / "ner"
ENGLISH_TRAIN, ENGLISH_VALID = OWN_LABELS / "english_train.conll", OWN_LABELS / "english_valid.conll"
# Indonesian labels of our own (IndoSum articles outside the chain sets, CC BY-SA): scripts/build_ner_labels.py
INDOSUM_TRAIN, INDOSUM_VALID = OWN_LABELS / "indonesian_train.conll", OWN_LABELS / "indonesian_valid.conll"

# Chosen with --experiments on nergrit-valid + nerp-valid (see resources/models/README.md).
DEFAULT = {"mix": "both-caseless-orgs", "c1": 0.05, "c2": 0.01, "max_iterations": 200, "minfreq": 1}
# English: our labels alone beat them joined to the Indonesian data (micro F1 on english_valid 0.629 against
# 0.607 and 0.626 with NERGrit only, on the first 3,030 training sentences); c1 0.02–0.2 and c2 0.003–0.05
# moved it by < 0.01.
ENGLISH_DEFAULT = {"mix": "en", "c1": 0.05, "c2": 0.01, "max_iterations": 200, "minfreq": 1}
LEAKED_TAG = re.compile(r"^[bi]-(ppl|plc|ind|evt|fnb)$")  # NER-P has tag names left in its text

Sentences = list[tuple[list[str], list[str]]]


def write_countries() -> None:
    """Freeze CLDR country/territory names (Indonesian + English) into a resource, so features never drift."""
    names: set[str] = set()
    for locale in ("id", "en"):
        for code, name in Locale(locale).territories.items():
            if not code.isdigit() and code not in {"XA", "XB", "ZZ", "QO", "EU", "EZ", "UN"}:
                names.add(name)
    header = "# CLDR country and territory names (Indonesian, English), written by scripts/train_ner.py via babel.\n"
    (RESOURCES / "ner_countries.txt").write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")


def write_title_cues() -> None:
    """Freeze the last words of roles, titles and ranks (the rules' lists) into the English model's
    title cues, so later edits of those lists never change what a trained model sees."""
    cues = sorted({line.split()[-1] for name in ("roles.txt", "titles.txt", "ranks.txt")
                   for line in resources.lines(name)})
    header = ("# Title and role words before a name (the last words of roles.txt, titles.txt and ranks.txt),\n"
              "# frozen by scripts/train_ner.py as a feature of the English NER model: do not edit by hand.\n")
    (RESOURCES / "ner_title_cues.txt").write_text(header + "\n".join(cues) + "\n", encoding="utf-8")


def load(name: str) -> Sentences:
    sents = ner_scoring.read_conll(DATA / name)
    return [(w, t) for w, t in sents if not any(LEAKED_TAG.match(x) for x in w)]


def label_orgs(sents: Sentences) -> Sentences:
    """NER-P leaves state bodies and parties (KPK, DPR, PBB, Golkar) as O: label those from our list ORG."""
    out: Sentences = []
    for words, tags in sents:
        tags = list(tags)
        marks = ner_features.gazetteer_marks([w.lower() for w in words])
        for i, mark in enumerate(marks):
            if mark == "oB" and all(t == "O" for t in tags[i:i + 1]):
                j = i + 1
                while j < len(marks) and marks[j] == "oI" and tags[j] == "O":
                    j += 1
                if j - i > 1 or len(words[i]) >= 3:  # "ma", "bi", "nu" are too often ordinary words
                    tags[i:j] = ["B-ORG"] + ["I-ORG"] * (j - i - 1)
        out.append((words, tags))
    return out


def truecase(sents: Sentences, reference: Sentences) -> Sentences:
    """Lower-cased sentences with capitals put back: each word's commonest form in cased text, entities titled."""
    forms: dict[str, Counter[str]] = {}
    for words, _ in reference:
        for w in words:
            forms.setdefault(w.lower(), Counter())[w] += 1
    common = {low: c.most_common(1)[0][0] for low, c in forms.items()}
    out: Sentences = []
    for words, tags in sents:
        cased = []
        for i, (w, t) in enumerate(zip(words, tags, strict=True)):
            form = common.get(w, w)
            if t != "O" and form == w:
                form = w[:1].upper() + w[1:]
            if i == 0:
                form = form[:1].upper() + form[1:]
            cased.append(form)
        out.append((cased, tags))
    return out


def items(sents: Sentences, cased: bool | None) -> list[tuple[list[tuple[str, ...]], list[str]]]:
    return [(ner_features.features(w, cased), t) for w, t in sents]


def training_set(mix: str) -> list[tuple[list[tuple[str, ...]], list[str]]]:
    if mix == "en":
        return items(ner_scoring.read_conll(ENGLISH_TRAIN), True)
    grit = load("nergrit_ner-grit-train.txt")
    data = items(grit, True)
    if mix == "both-caseless":
        data += items(load("nerp_ner-prosa-train.txt"), False)
    elif mix == "both-caseless-orgs":
        data += items(label_orgs(load("nerp_ner-prosa-train.txt")), False)
    elif mix == "both-truecased":
        data += items(truecase(load("nerp_ner-prosa-train.txt"), grit), True)
    elif mix == "both-twice":  # each NER-P sentence once without case, once truecased
        prosa = load("nerp_ner-prosa-train.txt")
        data += items(prosa, False) + items(truecase(prosa, grit), True)
    elif mix.startswith("both-caseless-orgs-indosum"):  # "-indosum2": our IndoSum sentences twice
        data += items(label_orgs(load("nerp_ner-prosa-train.txt")), False)
        data += items(ner_scoring.read_conll(INDOSUM_TRAIN), True) * (2 if mix.endswith("2") else 1)
    elif mix == "grit-en":
        data += items(ner_scoring.read_conll(ENGLISH_TRAIN), True)
    elif mix.startswith("both-caseless-orgs-en"):  # "-en2": the English sentences twice
        data += items(label_orgs(load("nerp_ner-prosa-train.txt")), False)
        data += items(ner_scoring.read_conll(ENGLISH_TRAIN), True) * (2 if mix.endswith("en2") else 1)
    elif mix != "grit":
        raise ValueError(mix)
    return data


def train(config: dict[str, object], path: Path) -> float:
    """Train one model into ``path``; returns seconds taken."""
    random.seed(0)
    start = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in training_set(str(config["mix"])):
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": config["c1"], "c2": config["c2"], "max_iterations": config["max_iterations"],
                        "feature.minfreq": config["minfreq"], "feature.possible_transitions": True})
    trainer.train(str(path))
    return time.perf_counter() - start


def evaluate(path: Path, names: list[str]) -> dict[str, dict[str, tuple[float, float, float]]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    own = {EN_VALID: ENGLISH_VALID, ID_VALID: INDOSUM_VALID}
    out = {name: ner_scoring.score_conll(own.get(name, DATA / name), tagger) for name in names}
    if "nerp_ner-prosa-valid.txt" in names:  # also under our guideline: state bodies and parties are ORG
        sents = label_orgs(load("nerp_ner-prosa-valid.txt"))
        out[PROSA_ORGS] = ner_scoring.score_tags([t for _, t in sents], [ner.tag_tokens(w, tagger) for w, _ in sents])
    return out


def table(name: str, scores: dict[str, tuple[float, float, float]]) -> str:
    rows = [f"{name}"] + [f"  {label:7s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}" for label, (p, r, f) in scores.items()]
    return "\n".join(rows)


EN_VALID = "english_valid.conll"
ID_VALID = "indonesian_valid.conll"
VALID = ["nergrit_ner-grit-valid.txt", "nerp_ner-prosa-valid.txt"]
PROSA_ORGS = "nerp_ner-prosa-valid.txt + ORG list"
HELD_OUT = ["nerui-test.01.tsv", "nerugm-test.01.tsv"]


def run_one(config: dict[str, object]) -> tuple[dict[str, object], float, dict[str, dict[str, tuple[float, ...]]], int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.crfsuite"
        secs = train(config, path)
        return config, secs, evaluate(path, VALID), path.stat().st_size


def experiments() -> None:
    """Data mixes, then regularisation, each judged by mean micro F1 on nergrit-valid and nerp-valid + ORG list."""
    def report(results: list[tuple[dict[str, object], float, dict[str, dict[str, tuple[float, ...]]], int]]) -> None:
        for config, secs, scores, size in results:
            f = [scores[v]["micro"][2] for v in (VALID[0], PROSA_ORGS)]
            per = " ".join(f"{lab}={scores[VALID[0]][lab][2]:.3f}" for lab in ner.LABELS)
            print(f"{config}  grit {f[0]:.4f} ({per})  prosa+orgs {f[1]:.4f}  mean {sum(f) / 2:.4f}  "
                  f"{size / 1e6:.1f} MB  {secs:.0f}s", flush=True)

    base = dict(DEFAULT)
    names = ("grit", "both-caseless", "both-caseless-orgs", "both-truecased", "both-twice")
    mixes = [{**base, "mix": m} for m in names]
    with ProcessPoolExecutor(2) as pool:
        report(list(pool.map(run_one, mixes)))
        grid = [{**base, "c1": c1, "c2": c2} for c1 in (0.02, 0.05, 0.1, 0.2) for c2 in (0.003, 0.01, 0.05)]
        report(list(pool.map(run_one, grid)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experiments", action="store_true", help="compare data mixes and settings on valid")
    parser.add_argument("--model", choices=("id", "en", "both"), default="both", help="which model to train")
    args = parser.parse_args()
    if args.model != "en":  # babel's names drift between versions: the English model keeps the shipped list
        write_countries()
    if args.model != "id":  # the Indonesian model was trained before these cues and never reads them
        write_title_cues()
    ner_features._gazetteer.cache_clear()
    ner_features._cues.cache_clear()
    if args.experiments:
        experiments()
    jobs = {"id": [(DEFAULT, MODEL, VALID + HELD_OUT)], "en": [(ENGLISH_DEFAULT, ENGLISH_MODEL, [EN_VALID])]}
    for config, path, names in jobs["id"] + jobs["en"] if args.model == "both" else jobs[args.model]:
        secs = train(config, path)
        print(f"trained {config} in {secs:.0f}s → {path} ({path.stat().st_size / 1e6:.2f} MB)")
        for name, scores in evaluate(path, names).items():
            print(table(name, scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
