"""Speech cues as data → compiled patterns: the verbs, frames, pronouns and adverbs that mark
speech ("kata", "mengatakan", "menurut", "said", "according to"), read from resources/, and the
records the quotation finders pass around.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kliping import resources
from kliping.annotate.report_words import either, flagged, listed
from kliping.model import Entity
from kliping.resources import alt

OPENERS = "“\""


@dataclass
class Subject:
    text: str
    start: int
    kind: str  # "entity", "pronoun", "clitic", "implicit", "name", "noun", "anonymous", "signed"
    entity: Entity | None = None


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    cue: str | None
    subject: Subject | None


def words(kind: str) -> list[str]:
    return sorted({row[2] for row in resources.rows("quote_cues.tsv") if row[1] == kind}, key=len, reverse=True)


@cache
def english_verbs() -> frozenset[str]:
    """English speech verbs: their reports may come before the speaker ("…, Cook said while …")."""
    return frozenset(row[2].lower() for row in resources.rows("quote_cues.tsv") if row[0] == "en")


def frames(flag: str | None = None) -> list[str]:
    """Frame phrases from quote_frames.tsv: those with ``flag``, or (None) those not passive."""
    out = []
    for row in resources.rows("quote_frames.tsv"):
        flags = row[2].split(",") if len(row) > 2 else []
        if (flag is None and "passive" not in flags) or flag in flags:
            out.append(row[1])
    return sorted(out, key=len, reverse=True)


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    short, after = alt(words("short")), alt(words("after"))
    verb = alt(sorted(words("verb") + words("quote"), key=len, reverse=True))
    report_verb = alt(sorted(set(words("verb")) | set(words("report")),
                             key=len, reverse=True))
    adverbs = alt(list(resources.lines("speech_adverbs.txt")))
    framed, passive, tail = alt(frames()), alt(frames("passive")), alt(frames("tail"))
    trailers = alt(list(resources.lines("report_trailers.txt")))
    any_verb = alt(sorted({row[2] for row in resources.rows("quote_cues.tsv")}, key=len, reverse=True))
    return {
        # after a quotation: "kata Putin", "tambahnya", "Ujar Putin"
        "short_after": re.compile(rf"^[\s,.;:]*(?P<cue>(?i:{short}))(?P<nya>nya)?\b", re.U),
        # after a quotation: "ia menambahkan", "Putin said"
        "verb": re.compile(rf"\b(?P<cue>(?i:{verb}))\b"),
        # before reported speech: "Putin mengatakan, …", "Harris said (that) …"
        "report_verb": re.compile(rf"\b(?P<cue>(?i:{report_verb}))\b"),
        "adverbs": re.compile(rf"^(?:\s+(?i:{adverbs}))*\s*$"),
        # "Demikian pernyataan Putin", "begitu kata Kim"
        "after_noun": re.compile(
            rf"^[\s,.;:]*(?i:demikian|begitu)\s+(?:(?i:seperti|yang|sebagaimana)\s+)*"
            rf"(?:(?i:isi)\s+)?(?:(?P<cue>(?i:{after}))\s+)?"
            rf"(?:(?i:oleh|dari)\s+)?"
        ),
        # before a quotation: "Kata Putin, “…”"
        "short_before": re.compile(rf"(?P<cue>(?i:{short}))(?P<nya>nya)?\s+"),
        # "Menurut Putin, …", "Menurutnya, …", "According to the minister, …"
        "frame": re.compile(rf"(?<!\w)(?P<cue>(?i:{framed}))(?:(?P<nya>nya)\s*,|\s+)"),
        # "…, according to federal records.", "…, demikian dilansir BBC, Rabu (12/4)."
        "frame_tail": re.compile(rf",\s*(?P<cue>(?i:{tail}))\s+"),
        # "… disebut Talbot bisa …", "Diungkapkan oleh Bupati, …", "… disebutnya sudah …"
        "passive": re.compile(rf"(?<!\w)(?P<cue>(?i:{passive}))(?:(?P<nya>nya)\b|\s+(?:(?i:oleh)\s+)?)"),
        # what trails an attribution: "…, Cook said while visiting …", "…, kata Budi di Jakarta."
        "trailer": re.compile(rf"^[\s,]*(?:(?i:{trailers})\b|[a-z]+ing\b|\(|$)"),
        # "…, kata Putin." closing reported speech
        "short_tail": re.compile(rf",\s*(?P<cue>(?i:{short}))(?P<nya>nya)?\b"),
        # "mengatakan (kepada wartawan) bahwa …", "told (reporters) that …"
        "that": re.compile(r"^[\s,:]*(?:(?:[\w-]+\s+){0,3}?(?i:bahwa|that)\b\s*,?\s*)?"),
        # "mengatakan pada Rabu (13/9/2023), …" — not "mengatakan saat krisis terjadi, …", which is content
        "adverbial": re.compile(r"^(?i:pada|kepada|dalam|di|on|in)\b[^,.\"“]{0,60},\s*"),
        # "…," Jim Carter, senior vice president for X at Y, (also) said: the verb after appositives
        "appositive_verb": re.compile(
            rf",\s*(?:(?i:{adverbs})\s+)*(?:(?:has|had|have)\s+)?(?P<cue>(?i:{any_verb}))\b"),
        # (matched at a position, so without "^", which would anchor at the text's start)
        # "…," Carter recalled. / weighed in, …: an English past-tense verb right after a name is
        # an attribution even when it is not in the cue list; only where the clause ends with it.
        "past_verb": re.compile(
            rf"(?:\s+(?i:{adverbs}))*\s+(?P<cue>[a-z]{{2,}}ed)(?:\s+(?:in|out|up|back|on))?"
            rf"(?=\s*(?:[,.;:!?“\"—]|$)|\s+(?i:{trailers})\b)"),  # "… Noem tweeted Monday night."
        # "Tottenham said in a statement: “…”": what may stand between a verb and its colon
        "colon_gap": re.compile(rf"\s+(?:(?i:{trailers})\b|[a-z]+ing\b)[^:.;!?“\"]{{0,60}}$"),
        # "said (the) White House Press Secretary Jane Doe": an article before the speaker
        "article": re.compile(r"(?i:the|an?)\s+"),
        # "tulis pernyataan InTour Live": a statement noun between a cue and its speaker
        "cue_noun": re.compile(rf"\s*(?i:{after})\s+"),
        # "says veteran industry analyst Ken Doctor": a lower-case description, then the name
        "described_name": re.compile(r"\s*(?:[a-z][\w’'-]*\s+){1,5}(?=[A-Z])"),
    }


@cache
def pronouns() -> frozenset[str]:
    return frozenset(row[1] for row in resources.rows("pronouns.tsv"))


@cache
def pointer_object() -> re.Pattern[str]:
    """A speech verb's object that points back at words reported before ("mengatakan hal itu",
    "said this"), followed by where or when it was said ("di tengah …", "during …") or the
    clause's end: what the sentence goes on to quote is the writer's term, not the speaker's."""
    channel = either(flagged("report_prepositions.tsv", "channel"))
    return re.compile(rf"\s+(?i:{either(listed('report_pointers.txt'))})(?=\s*[,;]|\s+(?i:{channel})\b)")
