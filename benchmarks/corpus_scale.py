"""Real annotated articles → the corpus stage (``analyze_corpus``) timed on 10k and 100k articles, with peak RSS.

    python benchmarks/corpus_scale.py [--sizes 10000,100000] [--quick] [--profile 10000] [--top 30]

The 916 real articles of ``tests/fixtures/corpus/mixed.jsonl`` (Indonesian and English, 814
hand-labelled stories; the five seed articles of ``examples/seeds`` are among them under the same
ids) are annotated once in this process. Each size then runs in a fresh subprocess, because peak
RSS (``getrusage``) is a per-process maximum. A subprocess grows the base into N articles by
generations: generation g is every base article again with

- a fresh id, and its publication date and every date value moved on by 30-60 days per generation
  (the generations overlap in time, so many live stories compete for the same blocking keys);
- its rare words enciphered: each letter word that is not a stop word, not in a language resource
  file and not in at least 5% of the base articles goes through generation g's letter permutation.
  The cipher keeps lengths, so entity, quote and date offsets stay valid (their texts are re-cut
  from the new body), and it is a bijection, so a generation keeps the base's word statistics.
  Common vocabulary ("Jokowi", "DPR", "said", "pemerintah") stays shared across generations, as it
  is in a real archive; names and distinctive words are new per generation, so generation g of a
  story is a different story from generation h. Entity canonicals and quote speakers go through
  the same cipher, word by word, so they agree with the text.

Generation 0 is the base itself. About 5% of the N articles are genuine syndicated copies made on
purpose: an article's body again under a wire lead-in ("Jakarta (ANTARA) - "), another outlet and
a new id. The expected partition is (gold story, generation), a syndicated copy in its original's
story, so the table also shows story B-cubed F1 and the duplicate groups expected vs found.
Growth compares the time ratio between sizes with the size ratio (exponent 1.0 = linear).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import kliping.corpus.assemble as assemble
from kliping import resources as kliping_resources
from kliping.corpus.dedup import DuplicateIndex
from kliping.corpus.stories import StoryIndex
from kliping.corpus.terms import stopwords
from kliping.eval_corpus import bcubed
from kliping.model import Article, DateMention, Entity, Quote

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "fixtures" / "corpus"
DEFAULT_SIZES = "10000,100000"
QUICK_SIZES = "1000,5000"
SYNDICATED_SHARE = 0.05  # of the N articles
COMMON_SHARE = 0.05  # a word in at least this share of the base articles is common vocabulary, kept
STEP_DAYS = (30, 60)  # how far each generation moves on in time
SEED = 20240619
RESULT_MARK = "RESULT "

_WORD = re.compile(r"([^\W\d_]+)")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_LEAD_INS = {
    "id": ("Jakarta (ANTARA) - ", "REPUBLIKA.CO.ID, JAKARTA -- ", "Liputan6.com, Jakarta - ",
           "JAKARTA, KOMPAS.com - "),
    "en": ("(Reuters) - ", "JAKARTA (AP) — ", "(AFP) - "),
}
_FUNCTION_RESOURCES = ("stopwords.txt", "denial_cues.txt", "negators.txt", "quote_cues.tsv", "quote_frames.tsv",
                       "speech_adverbs.txt", "synonyms.tsv", "antonyms.tsv", "pronouns.tsv", "roles.txt",
                       "date_labels.txt", "relative_dates.tsv", "calendar_extra.tsv", "timezones.tsv",
                       "wire_cues.tsv", "media_names.txt", "media_nouns.txt", "outlet_words.txt", "outlets.tsv")
_BREAKDOWN_STEPS = ("chronological", "keys", "dedup.add", "stories.add", "dedup.representative", "events",
                    "timeline", "quotes", "claims", "summary")

F = TypeVar("F", bound=Callable[..., Any])


# --- the base: real annotated articles ---------------------------------------------------------------------


def annotate_base() -> list[Article]:
    """The annotated articles of mixed.jsonl (the seeds are in it, under their file-stem ids)."""
    from kliping.pipeline import extract  # the per-article chain is only needed in the parent

    return [a for a in extract([str(CORPUS / "mixed.jsonl")]) if isinstance(a, Article)]


def save_base(articles: Sequence[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")


def load_base(path: Path) -> list[Article]:
    with path.open(encoding="utf-8") as lines:
        return [Article.from_dict(json.loads(line)) for line in lines]


def gold_stories() -> list[list[str]]:
    gold = json.loads((CORPUS / "mixed_gold.json").read_text(encoding="utf-8"))
    return [list(s) for s in gold["stories"]]


def resource_words() -> set[str]:
    """The words of the language resources the corpus stage matches on: cues, negators, dates, media, titles.

    Name lists (aliases, places, NER names, metonyms) are left out: names are what makes a story.
    """
    words: set[str] = set()
    for name in _FUNCTION_RESOURCES:
        for line in kliping_resources.lines(name):  # comments skipped: their examples name people
            words.update(w.lower() for w in _WORD.findall(line))
    return words


# --- generations -------------------------------------------------------------------------------------------


def _shift_day(value: str, days: int) -> str:
    """An ISO value (2017-03-28, 2017-03-28T11:15:36+07:00, 2017-03, 2017) moved on by ``days``, same grain."""
    try:
        if len(value) >= 10:
            return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
        if len(value) == 7:
            return (date(int(value[:4]), int(value[5:7]), 15) + timedelta(days=days)).isoformat()[:7]
        if len(value) == 4:
            return str((date(int(value), 7, 1) + timedelta(days=days)).year)
    except ValueError:
        pass
    return value


@dataclass
class _Generation:
    number: int
    days: int
    table: dict[int, int] | None  # None: generation 0, the base as it is
    words: dict[str, str] = field(default_factory=dict)


class CorpusMaker:
    """Makes N realistic articles from annotated base articles (see the module docstring)."""

    def __init__(self, base: Sequence[Article], gold: Sequence[Sequence[str]], seed: int = SEED) -> None:
        self.base = list(base)
        self.rng = random.Random(seed)
        story_of = {i: k for k, story in enumerate(gold) for i in story}
        self.story = [story_of.get(a.id, -1 - n) for n, a in enumerate(self.base)]
        df: Counter[str] = Counter()
        for a in self.base:
            df.update({w.lower() for w in _WORD.findall(f"{a.title or ''} {a.body}")})
        common = max(3, math.ceil(COMMON_SHARE * len(self.base)))
        self.keep = stopwords() | resource_words() | {w for w, n in df.items() if n >= common}
        # Each body once as alternating separators and words, with the indices of the words to encipher.
        self.parts: list[list[str]] = []
        self.rare: list[list[int]] = []
        ciphered = total = 0
        for a in self.base:
            parts = _WORD.split(a.body)
            rare = [i for i in range(1, len(parts), 2) if self._enciphers(parts[i])]
            self.parts.append(parts)
            self.rare.append(rare)
            ciphered += sum(len(parts[i]) for i in rare)
            total += sum(len(parts[i]) for i in range(1, len(parts), 2))
        self.ciphered_share = ciphered / max(1, total)
        self.outlets = sorted({a.outlet for a in self.base if a.outlet})
        self._generations: list[_Generation] = [_Generation(0, 0, None)]

    def _enciphers(self, word: str) -> bool:
        return len(word) > 2 and word.lower() not in self.keep

    def generation(self, number: int) -> _Generation:
        while len(self._generations) <= number:
            last = self._generations[-1]
            while True:  # a derangement: no letter stays itself
                perm = list(_LETTERS)
                self.rng.shuffle(perm)
                if all(a != b for a, b in zip(_LETTERS, perm, strict=True)):
                    break
            table = {ord(a): ord(b) for a, b in zip(_LETTERS, perm, strict=True)}
            table.update({ord(a.upper()): ord(b.upper()) for a, b in zip(_LETTERS, perm, strict=True)})
            self._generations.append(_Generation(last.number + 1, last.days + self.rng.randint(*STEP_DAYS), table))
        return self._generations[number]

    def _word(self, g: _Generation, word: str) -> str:
        out = g.words.get(word)
        if out is None:
            out = g.words[word] = word.translate(g.table) if g.table and self._enciphers(word) else word
        return out

    def text(self, g: _Generation, text: str | None) -> str | None:
        """A short text (title, canonical name, speaker) in generation g's vocabulary."""
        if text is None or g.table is None:
            return text
        parts = _WORD.split(text)
        for i in range(1, len(parts), 2):
            parts[i] = self._word(g, parts[i])
        return "".join(parts)

    def copy(self, index: int, g: _Generation, new_id: str) -> Article:
        """Base article ``index`` as generation g tells it, under ``new_id``."""
        a = self.base[index]
        if g.table is None:
            body = a.body
        else:
            parts = list(self.parts[index])
            for i in self.rare[index]:
                parts[i] = self._word(g, parts[i])
            body = "".join(parts)
        # Lists the corpus stage only reads and that do not change (authors, wire sources, removed
        # lines) are shared with the base, as a store would share nothing: it keeps RSS on the stage.
        return Article(
            id=new_id, source=a.source, body=body, title=self.text(g, a.title), outlet=a.outlet,
            dateline=self.text(g, a.dateline), language=a.language,
            published=_shift_day(a.published, g.days) if a.published else None,
            published_source=a.published_source, authors=a.authors, wire_sources=a.wire_sources,
            removed=a.removed, url=a.url,
            entities=[Entity(body[e.start:e.end], e.start, e.end, e.label, self.text(g, e.canonical) or "")
                      for e in a.entities],
            quotes=[Quote(body[q.start:q.end], q.start, q.end, q.kind, self.text(g, q.speaker),
                          self.text(g, q.speaker_mention), q.cue) for q in a.quotes],
            dates=[DateMention(body[d.start:d.end], d.start, d.end, _shift_day(d.value, g.days)) for d in a.dates],
        )

    def syndicate(self, a: Article, new_id: str) -> Article:
        """A syndicated copy of ``a``: the same body under a wire lead-in, carried by another outlet."""
        lead = self.rng.choice(_LEAD_INS["en" if a.language == "en" else "id"])
        n = len(lead)
        outlets = [o for o in self.outlets if o != a.outlet] or ["syndicated"]
        return Article(
            id=new_id, source=a.source, body=lead + a.body, title=a.title, outlet=self.rng.choice(outlets),
            dateline=a.dateline, language=a.language, published=a.published, published_source=a.published_source,
            authors=[], wire_sources=a.wire_sources, removed=a.removed, url=None,
            entities=[Entity(e.text, e.start + n, e.end + n, e.label, e.canonical) for e in a.entities],
            quotes=[Quote(q.text, q.start + n, q.end + n, q.kind, q.speaker, q.speaker_mention, q.cue)
                    for q in a.quotes],
            dates=[DateMention(d.text, d.start + n, d.end + n, d.value) for d in a.dates],
        )

    def make(self, n: int) -> tuple[list[Article], dict[str, tuple[int, int]]]:
        """n articles and the expected story of each: (gold story of its base article, generation)."""
        out: list[Article] = []
        label: dict[str, tuple[int, int]] = {}
        share = SYNDICATED_SHARE / (1.0 - SYNDICATED_SHARE)  # per original, so copies are 5% of all
        number = 0
        while len(out) < n:
            g = self.generation(number)
            for index, base in enumerate(self.base):
                if len(out) == n:
                    break
                a = self.copy(index, g, f"{base.id}#g{number}")
                out.append(a)
                label[a.id] = (self.story[index], number)
                if len(out) < n and self.rng.random() < share:
                    s = self.syndicate(a, f"{a.id}#syn")
                    out.append(s)
                    label[s.id] = label[a.id]
            number += 1
        return out, label


# --- the timed run -----------------------------------------------------------------------------------------


def current_rss_mb() -> float:
    """This process's resident set now (Linux /proc), else its peak so far."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class StepClock:
    """Seconds spent in each corpus step, by wrapping the names analyze_corpus calls (under 1 µs a call)."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self._undo: list[tuple[Any, str, Any]] = []

    def _timed(self, name: str, func: F) -> F:
        seconds = self.seconds

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                seconds[name] += time.perf_counter() - t0

        return timed  # type: ignore[return-value]

    def _wrap(self, owner: Any, attr: str, name: str) -> None:
        original = getattr(owner, attr)
        self._undo.append((owner, attr, original))
        setattr(owner, attr, self._timed(name, original))

    def __enter__(self) -> StepClock:
        self._wrap(assemble, "_chronological", "chronological")
        # The rolling step: keys (signature, features) are computed per article, in workers in a real run.
        self._wrap(assemble, "article_keys", "keys")
        self._wrap(DuplicateIndex, "add_signature", "dedup.add")
        self._wrap(DuplicateIndex, "representative", "dedup.representative")
        self._wrap(StoryIndex, "add_features", "stories.add")
        for attr, name in (("events_of", "events"), ("build_timeline", "timeline"), ("story_quotes", "quotes"),
                           ("find_claims", "claims"), ("summarize", "summary")):
            self._wrap(assemble, attr, name)
        return self

    def __exit__(self, *exc: object) -> None:
        for owner, attr, original in reversed(self._undo):
            setattr(owner, attr, original)
        self._undo.clear()


def run_size(n: int, base_path: Path, profile: bool, top: int) -> dict[str, Any]:
    """Build n articles, time analyze_corpus on them; called in a fresh subprocess."""
    base = load_base(base_path)
    gold = gold_stories()
    t0 = time.perf_counter()
    maker = CorpusMaker(base, gold)
    articles, label = maker.make(n)
    build_seconds = time.perf_counter() - t0
    del base
    gc.collect()
    rss_before = current_rss_mb()
    peak_before = peak_rss_mb()
    print(f"[{n}] built {len(articles)} articles in {build_seconds:.1f} s "
          f"({maker.ciphered_share:.0%} of word characters enciphered per generation), RSS {rss_before:.0f} MB; "
          f"analyzing…", file=sys.stderr, flush=True)
    profiler = cProfile.Profile() if profile else None
    with StepClock() as clock:
        t0 = time.perf_counter()
        if profiler:
            profiler.enable()
        result = assemble.analyze_corpus(articles)
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - t0
    peak = peak_rss_mb()
    expected: dict[tuple[int, int], list[str]] = {}
    for article_id, key in label.items():
        expected.setdefault(key, []).append(article_id)
    syndicated = {i for i in label if i.endswith("#syn")}
    _, _, f1 = bcubed([s.article_ids for s in result.stories], expected.values())
    statuses = Counter(c.status for s in result.stories for c in s.claims)
    report: dict[str, Any] = {
        "articles": len(articles), "build_seconds": build_seconds, "ciphered_share": maker.ciphered_share,
        "generations": len(maker._generations), "stories": len(result.stories), "expected_stories": len(expected),
        "bcubed_f1": f1, "largest_story": max((len(s.article_ids) for s in result.stories), default=0),
        "duplicate_groups": len(result.duplicates),
        "expected_duplicate_groups": len({i.removesuffix("#syn") for i in syndicated}),
        "syndicated_caught": sum(1 for g in result.duplicates for i in g if i in syndicated),
        "syndicated": len(syndicated),
        "claims": {k: statuses.get(k, 0) for k in ("corroborated", "contested", "single-source", "superseded")},
        "events": sum(len(s.events) for s in result.stories), "seconds": seconds,
        "rss_before_mb": rss_before, "peak_before_mb": peak_before, "peak_mb": peak,
        "steps": dict(clock.seconds),
    }
    if profiler:
        report["profile"] = profile_summary(profiler, top)
    return report


def profile_summary(profiler: cProfile.Profile, top: int) -> str:
    """The top kliping functions by cumulative and by own time."""
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    for key, title in (("cumulative", "cumulative time"), ("tottime", "own time")):
        out.write(f"--- top {top} functions in src/kliping by {title} ---\n")
        stats.sort_stats(key).print_stats(r"kliping/", top)
    text = out.getvalue()
    # pstats prints a header per call; keep the tables, drop its boilerplate lines.
    keep = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith(("Ordered by",
            "List reduced"))]
    return "\n".join(line.replace(str(REPO / "src") + "/", "") for line in keep)


# --- the parent: annotate once, one subprocess per size, the table ------------------------------------------


def spawn(n: int, base_path: Path, profile: bool, top: int) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(n), "--base", str(base_path),
           "--top", str(top)] + (["--profile-worker"] if profile else [])
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith(RESULT_MARK)]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"the {n}-article run failed (exit {proc.returncode}):\n{proc.stdout}")
    report: dict[str, Any] = json.loads(lines[-1][len(RESULT_MARK):])
    return report


def _rows(reports: Sequence[dict[str, Any]]) -> Iterator[list[str]]:
    yield ["articles", "stories (expected)", "B3 F1", "largest", "dup groups (expected)", "corrob", "contest",
           "single", "supersed", "seconds", "articles/s", "RSS in MB", "peak RSS MB"]
    for r in reports:
        c = r["claims"]
        yield [f"{r['articles']:,}", f"{r['stories']:,} ({r['expected_stories']:,})", f"{r['bcubed_f1']:.3f}",
               str(r["largest_story"]), f"{r['duplicate_groups']:,} ({r['expected_duplicate_groups']:,})",
               f"{c['corroborated']:,}", f"{c['contested']:,}", f"{c['single-source']:,}", f"{c['superseded']:,}",
               f"{r['seconds']:.1f}", f"{r['articles'] / r['seconds']:.0f}", f"{r['rss_before_mb']:.0f}",
               f"{r['peak_mb']:.0f}"]


def format_table(reports: Sequence[dict[str, Any]]) -> str:
    rows = list(_rows(reports))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.append("RSS in = resident set after building the articles, before analyze_corpus; peak = process maximum.")
    for r in reports:
        lines.append(f"{r['articles']:,}: built in {r['build_seconds']:.1f} s ({r['generations']} generations, "
                     f"{r['ciphered_share']:.0%} of word characters enciphered); {r['events']:,} events; "
                     f"syndicated copies caught {r['syndicated_caught']:,}/{r['syndicated']:,}; "
                     f"corpus stage added {r['peak_mb'] - r['rss_before_mb']:.0f} MB over the input")
        steps = r["steps"]
        other = r["seconds"] - sum(steps.values())
        parts = [f"{name} {steps.get(name, 0.0):.1f}" for name in _BREAKDOWN_STEPS] + [f"rest {other:.1f}"]
        lines.append("    seconds by step: " + ", ".join(parts))
    for a, b in zip(reports, reports[1:], strict=False):
        size, speed = b["articles"] / a["articles"], b["seconds"] / a["seconds"]
        exponent = math.log(speed) / math.log(size) if size > 1 and speed > 0 else float("nan")
        lines.append(f"growth {a['articles']:,} → {b['articles']:,}: time ×{speed:.2f} for ×{size:.1f} articles "
                     f"(exponent {exponent:.2f}; 1.00 is linear), peak RSS ×{b['peak_mb'] / a['peak_mb']:.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"comma-separated article counts ({DEFAULT_SIZES})")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES}")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also run N articles under cProfile and print the top kliping functions")
    parser.add_argument("--top", type=int, default=30, help="functions per profile table (30)")
    parser.add_argument("--worker", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--base", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        report = run_size(args.worker, args.base, args.profile_worker, args.top)
        print(RESULT_MARK + json.dumps(report), flush=True)
        return
    sizes = [int(s) for s in (QUICK_SIZES if args.quick else args.sizes).split(",") if s.strip()]
    t0 = time.perf_counter()
    base = annotate_base()
    print(f"annotated {len(base)} base articles in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="kliping-corpus-scale-") as tmp:
        base_path = Path(tmp) / "base.jsonl"
        save_base(base, base_path)
        del base
        reports = []
        for n in sizes:
            reports.append(spawn(n, base_path, False, args.top))
            print(f"[{n}] analyze_corpus {reports[-1]['seconds']:.1f} s", file=sys.stderr, flush=True)
        profiled = spawn(args.profile, base_path, True, args.top) if args.profile else None
    print(format_table(reports))
    if profiled:
        print(f"\ncProfile of analyze_corpus on {profiled['articles']:,} articles "
              f"({profiled['seconds']:.1f} s under the profiler):")
        print(profiled["profile"])


if __name__ == "__main__":
    main()
