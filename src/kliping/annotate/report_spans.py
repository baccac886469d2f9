"""What every finder of reported speech shares: the sentences it reads (joined where the splitter
cut one), the span a report covers and its limits, and the cue scanners, case by case.
"""

from __future__ import annotations

import re
from functools import cache

from kliping import resources
from kliping.annotate.cues import Candidate, Subject, english_verbs, frames, words
from kliping.annotate.report_words import either, flagged
from kliping.resources import alt

MIN_REPORTED_WORDS = 3
MAX_SOURCE_WORDS = 12  # "according to reports by two of the firm’s former employees in London,"
MAX_TAIL_SUBJECT_WORDS = 6  # "…, the state-run news agency said."


def text_start(body: str, pos: int) -> int:
    """Where the text at ``pos`` begins, past spaces and opening quote marks."""
    return pos + len(body[pos : pos + 8]) - len(body[pos : pos + 8].lstrip(" \"“'‘"))


def trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start] in " ,":
        start += 1
    while end > start and body[end - 1] in " .!?;,":
        end -= 1
    return start, end


def past_connective(body: str, start: int, at: int, after: int) -> int:
    """Where a report begins whose attribution, from ``at`` to ``after``, sits in its sentence's
    middle: past the attribution's comma when only a connective stands before it ("Artinya, kata
    Budi, …", resources/report_connectives.txt), else at the sentence's ``start``."""
    lead = body[text_start(body, start) : at].strip().rstrip(",").strip()
    if lead.casefold() not in resources.words("report_connectives.txt"):
        return start
    comma = _COMMA_AFTER.match(body, after)  # (matched in place: no copy of the rest of the body)
    return comma.end() if comma is not None else after


_COMMA_AFTER = re.compile(r"\s*,")


def report_span(body: str, start: int, end: int, cue: str, subject: Subject | None) -> Candidate:
    start, end = trimmed(body, start, end)
    return Candidate(start, end, "indirect", cue, subject)


def lead_start(body: str, start: int, end: int) -> int:
    """Where a report that ends at its source ("…, according to X.", "…, X said.") begins: after the
    last dash that sets a clause off before it ("It’s unclear whether … — both actors were said to …,
    according to X"), else at ``start``. Not after a dash that goes on with "and"/"but" ("was panned
    by critics — and flopped at the box office, …"): that clause shares the subject before the dash.
    Only the dashes English and Indonesian news set between clauses (an em or en dash, "--", "- -"),
    not a hyphen: "e - KTP", "2019 - 2024" are spaced in detokenised text."""
    if "-" not in body[start:end] and "—" not in body[start:end] and "–" not in body[start:end]:
        return start  # most leads have no dash: three finds are cheaper than the pattern
    dash = max(_CLAUSE_DASH.finditer(body, start, end), key=lambda m: m.start(), default=None)
    if dash is None or _DASH_GOES_ON.match(body, dash.end(), end) or len(
            body[dash.end() : end].split()) < MIN_REPORTED_WORDS:
        return start
    return dash.end()


_CLAUSE_DASH = re.compile(r"\s(?:[—–]|--|-\s-)\s")
_DASH_GOES_ON = re.compile(rf"(?i:{either(flagged('report_conjunctions.tsv', 'coordinating'))})\b")


def is_date(text: str) -> bool:
    """", Rabu (12/4/2017)." — a dateline after an attribution."""
    return len(text.strip(" ,.").split()) <= 3 and bool(re.search(r"\d", text))


# a weekday or a date in brackets: what closes an attribution's trailer ("di Jakarta, Senin (12/4).")
DATED = re.compile(r"(?i:\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|monday|tuesday|wednesday"
                   r"|thursday|friday|saturday|sunday)\b)|\(\s*\d")


def cased(phrases: list[str]) -> str:
    """One regex alternative for ``phrases`` in lower case, capitalised or in capitals: matched case-
    sensitively, it scans in about half the time "(?i:…)" takes, over every sentence of every article."""
    return alt(sorted({f for p in phrases for f in (p, p[:1].upper() + p[1:], p.upper())}, key=len, reverse=True))


def source_frames(flag: str | None = None) -> list[str]:
    """quote_frames.tsv's frames (see cues.frames) and those only reported speech reads."""
    own = [row[1] for row in resources.rows("report_source_frames.tsv")
           if (flag is None and "passive" not in row[2].split(",")) or flag in row[2].split(",")]
    return sorted([*frames(flag), *own], key=len, reverse=True)


@cache
def scanners() -> dict[str, re.Pattern[str]]:
    """cues.patterns()' "report_verb", "frame" and "passive", case by case (see ``cased``)."""
    verbs = sorted(set(words("verb")) | set(words("report")))
    return {
        "report_verb": re.compile(rf"\b(?P<cue>{cased(verbs)})\b"),
        "frame": re.compile(rf"(?<!\w)(?P<cue>{cased(source_frames())})(?:(?P<nya>nya)\s*,|\s+)"),
        # "…, kata Budi.", "…, tambahnya." and the English speech verbs before their speaker:
        # "…, reports Reuters.", "…, argued Jane Porter, a safety analyst." (not a participle)
        "tail": re.compile(rf",\s*(?P<cue>{cased(_tail_cues())})(?P<nya>nya)?\b"),
        # "Lanjut Budi, …", "Tambah dia, …" opening a sentence: capitalised, then a space
        "short_open": re.compile(rf"(?P<cue>{alt(_capitalised(words('short')))})\s+"),
        "passive": re.compile(
            rf"(?<!\w)(?P<cue>{cased(source_frames('passive'))})(?:(?P<nya>nya)\b|\s+(?:(?i:oleh)\s+)?|(?=\s*,))"),
    }


def scanned_cues() -> list[str]:
    """Every phrase the case-by-case scanners above look for, except the sentence opening's
    ("short_open", matched at one place): what reported.py's cheap test for a cue is built from."""
    return [*words("verb"), *words("report"), *source_frames(), *_tail_cues(), *source_frames("passive")]


def _capitalised(cues: list[str]) -> list[str]:
    return sorted({w[:1].upper() + w[1:] for w in cues}, key=len, reverse=True)


def _tail_cues() -> list[str]:
    english = {w for w in set(words("verb")) | set(words("report")) if w.isascii() and w in english_verbs()}
    return sorted(set(words("short")) | {w for w in english if not w.endswith("ing")}, key=len, reverse=True)


# A sentence the splitter cut after an initialism ("… from the U.S. Securities …") goes on.
INITIALISM_TAIL = 12  # characters: "U.S.", "D.C.", "p.m." and a space before them
_INITIALISM_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b[ap]\.m\.$")
# "… give the ID. SPACE VIZZION a near-50:50 …": a name in capitals with a dot inside goes on.
_CAPITALS_END = re.compile(r"\s[A-Z]{2,3}\.$")
_CAPITALS_START = re.compile(r"[A-Z]{3,}\s+[A-Z]{3,}\b")


def joined(body: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, with one that ends in an initialism inside its paragraph, or in no punctuation at
    all, joined to the next."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        # Only a sentence's last characters can end in an initialism: search there, not from its start.
        tail_from = max(out[-1][0], out[-1][1] - INITIALISM_TAIL) if out else 0
        # Both endings have a capital (or the "m" of "p.m.") before the final dot: test that first.
        if out and (body[out[-1][1] - 2 : out[-1][1] - 1].isupper() or body[out[-1][1] - 2 : out[-1][1]] == "m.") and (
                "\n" not in body[out[-1][1] : start]) and (
                _INITIALISM_END.search(body, tail_from, out[-1][1])
                or (_CAPITALS_END.search(body, tail_from, out[-1][1]) and _CAPITALS_START.match(body, start))):
            out[-1] = (out[-1][0], end)
        elif out and body[start : start + 1].islower() and body[out[-1][1] - 1 : out[-1][1]].islower():
            # "… ini beragendakan\n\nmembahas isu …": a paragraph broken in mid-sentence goes on
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
