"""RawDocument text → the article body plus every removed line with the reason it went.

Two kinds of knowledge decide what goes: the patterns in ``resources/boilerplate.tsv``
(related-article links, prompts, menus, photo credits, bylines… as *kinds* of page furniture;
matched in ``clean_furniture``) and general rules about page shape (a run of short unpunctuated
lines at the end of a page is a menu; a line that is only a date is a date line; a line repeating
the headline, or rewording it above the text, is a repeat; a lone title-cased line between
paragraphs whose words the article does not use is another article's headline, and so are the
lines listed under a bare "Baca juga:"; a name alone beside a byline or a date line is a byline;
a first line with a dateline or a full stop is the lead, not the headline; a breadcrumb run into the
headline, "Home News <headline>", is a menu, not the headline). Typewriter quotation marks (``…'',
""…"") become marks the quote finder reads.
Nothing is thrown away silently: body lines + removed lines = every non-blank input line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, partial

from kliping import datelines, resources
from kliping.clean_context import above_the_lead, furniture_by_context, headline_runs
from kliping.clean_furniture import furniture
from kliping.clean_headlines import (
    SENTENCE_END,
    WORD,
    is_indonesian,
    is_title_cased,
    related_headlines,
    reworded_headline,
)
from kliping.model import RawDocument, RemovedLine
from kliping.timestamps import find_timestamps, weekday_names

# Characters that scrapers leave behind and that only get in the way of matching.
_INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLES), None)
_INVISIBLE_CHAR = re.compile(f"[{_INVISIBLES}]")
_OTHER_SPACES = r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000"  # spaces, as a class, besides " "
_SPACES = re.compile(rf"[ {_OTHER_SPACES}]+")
_ODD_SPACE = re.compile(rf"[{_OTHER_SPACES}]|  ")  # where _SPACES changes a line
_SEPARATORS = re.compile(r"\s*[|•·]\s*")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_FONT_CONTROL = re.compile(r"\s(?:adjust|change) (?:the )?(?:font|text) size\s*:?$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{\{[^{}]{0,80}\}\}")  # a template's unfilled "{{hits.count}}"
_CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|[AP]\.?M\.?))?(?![\w.])")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # what timestamps' year groups match, anywhere
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$")
# A list bullet, dash, plus or icon in front of a line ("• ANTARA FOTO/…", "- Pewarta", "+ Ikuti", "▒ Lama baca",
# "⏱ 3 menit"): furniture stays furniture behind one, so the rest of the line is classified again.
_BULLET = re.compile(
    r"^[•·▪▫►▸▶»*+\-–—◆◇○●■□✓✔\u2190-\u21ff\u2300-\u23ff\u2580-\u25ff\u2600-\u27bf\U0001f300-\U0001faff]+\s*"
)
# An arrow or icon after a button's label ("Baca Selengkapnya →", "Lanjutkan Membaca ↓").
_TRAILING_ICON = re.compile(
    r"\s*[»›>\u2190-\u21ff\u2300-\u23ff\u2580-\u25ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]+$"
)  # tried only on lines whose last character is one
# Breadcrumbs and combined kickers: section names joined by a separator ("Nasional / Politik",
# "Berita › Daerah", "Hukum & Kriminal").
_SECTION_SEPARATORS = re.compile(r"\s*(?:[/|›»>•·&])\s*")
_HOME = frozenset(("home", "beranda", "index", "indeks"))
# A photo credit after a caption's last sentence: "… (28/6/2022). KOMPAS/HERU SRI 28-06-2022",
# "… [Suara.com/Dimas]", "… (merdeka.com/Arie Basuki)", "… (25/11/2020). | KABAR.CO/Rina". An
# organisation in capitals or a web domain, a slash, a name; never a social-media link ("pic.twitter.com/…"),
# nor a reporter's signature with an editor's code ("… kata Bupati. (RINA PUSPITA/B-2)"): that closes a paragraph.
_CREDIT_TAIL = re.compile(
    r"[.!?”\"’')](?:\s*[|–—]\s*|\s+[(\[]?|[(\[])\s*(?!pic\.|twitter\.|t\.co|instagram\.|youtu)"
    r"(?:[A-Z][A-Z0-9&.-]+(?: [A-Z][A-Za-z0-9&.-]*){0,2}|[A-Za-z][\w-]*(?:\.[a-z]{2,6})+|[a-z]+com)"
    r"\s?/\s?(?![A-Za-z]{1,3}-?\d+\s*[)\]]?\.?$)(?:[A-Z][\w.'’-]*|[a-z][\w-]*(?:\.[a-z]{2,6})+)(?: [A-Z][\w.'’-]*){0,4}"
    r"(?:\s?/\s?[\w.'’ -]{1,30}){0,2}(?: \d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})?\s*(?:[)\]]\.?)?$"
)
CREDIT_TAIL_CHARS = 90
# The same credit in brackets, where the outlet is written in title case: "… Kamis (29/8/2024).
# (Kabar Times/Rina Puspita)". Brackets after the last sentence hold nothing else of that shape.
_BRACKETED_CREDIT_TAIL = re.compile(
    # no digit inside: "(Nic/X-6)", "(OL-1)" are editors' codes signing the paragraph, not a credit
    r"[.!?”\"’')]\s*\((?![^()]*\d)\s*[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}"
    r"\s?/\s?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}\s*\)$"
)
# A line that is only a person's name, or two or three ("Amir Sodikin", "Rina P, Bayu Aji,"):
# each two to five capitalised words.
_PARTICLES = "|".join(resources.lines("name_particles.txt"))  # "bin", "van": lower-case words inside names
_NAME = rf"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|{_PARTICLES})){{1,4}}"
_NAME_LINE = re.compile(rf"^{_NAME}(?:,? (?:dan |and |& )?{_NAME}){{0,2}},?$")
_NAME_AND_OUTLET = re.compile(r"^([^,]+), ([^\W\d][\w.-]*(?: [^\W\d][\w.-]*){0,2})$")
# Words between a date and a name on a byline: "Posted by Jane Roe on 31 July 2016"
_BYLINE_JOINS = frozenset(("by", "oleh", "and", "dan", "&", "on", "at", "pada", "posted", "published", "updated",
                           "diperbarui", "diterbitkan", "of"))  # "General News of Monday, 8 March 2021"
# "(13/9)", "(13/9/2023)": a report dates its sentences so; a headline does not.
_DATED = re.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)")
# A video's or gallery's page is headed "VIDEO: …": on the first line that label opens the headline,
# between paragraphs it opens a link to another page.
_LABELLED_HEADLINE = re.compile(r"(?:video|foto|galeri|infografis)\s*:\s*\S", re.IGNORECASE)
# Marks that frame a label on both sides ("- Advertisement -", "• Iklan •") or close it ("Ilustrasi (X) |").
_FRAME_MARKS = "-–—•·"
# A crawler's header names the headline ("title Harga beras naik"): then no other line is it.
_CRAWLER_TITLE = re.compile(r"^title\s*:?\s+(\S.*)$")
# A crawler's header glues the publication date to the page's first text: " date 2020-11-25 Jakarta: The …".
# The date may be a month alone (" date 2018-04 …"). What follows it is the feed's summary or the lead
# (dev: three outlets' pages; another outlet's seen through search), a headline only when title-cased.
_CRAWLER_DATE = re.compile(
    r"^date\s*:?\s+((?:19|20)\d\d-[01]\d(?:-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?)?)?)(?:\s+(\S.*))?$"
)

MAX_LEADING_FURNITURE = 3  # date lines, captions, credits a scraper may put above the headline
HEADLINE_MAX_WORDS = 25
# A tag over the headline runs two to four words (dev: "Gempa Palu", "Rusuh Arema Persebaya").
KICKER_MIN_WORDS = 2
KICKER_MAX_WORDS = 4
SECTION_MAX_WORDS = 2  # a section's name over a headline of any case ("Europe News", "Singapore")
# A first line that opens with a dateline and runs this long is the lead, not a headline.
LEAD_MIN_WORDS = 10

# A trailing run of lines this short and unpunctuated is a footer menu, not prose.
MENU_MAX_WORDS = 5
MENU_MAX_CHARS = 50
# A byline of several writers and their outlet, by commas or bars, each part a name of a few words
BYLINE_MAX_NAMES_WORDS = 12


@dataclass
class Cleaned:
    """What clean() makes of a RawDocument."""

    title: str | None
    body: str
    removed: list[RemovedLine]


def _typewriter_quotes(line: str) -> str:
    """Quotation marks typed the typewriter's way, as the quote finder reads them: wire copy's
    ``opening'' pair ("``Keep away from the harbour,'' Cruz said") and a scraper's doubled
    ""marks"" (a CSV export's escaping)."""
    if "``" in line:
        line = line.replace("``", "“").replace("''", "”")
    return _DOUBLED_MARK.sub('"', line) if '""' in line else line


_DOUBLED_MARK = re.compile(r'(?<![="])""(?!")')  # not an empty attribute (src="")


# Double quotation marks written another way on real pages: two single marks ("‘’Kami
# belum bisa menanam,’’ kata X" — an Indonesian regional habit — and "''We will replant,'' X said"
# in wire copy), guillemets, and a scraper's backslash-escaped mark. As one mark each, the quote
# finder reads them like any other (real-page dev: 47 such marks on 22 of 700 pages).
_OTHER_MARKS = re.compile(r"‘[‘’]|’’|''|«\s?|\s?»|\\\"")
# (two right marks open a quotation too — "… musim ini. ’’ Lalu, …" — so they become the straight mark,
# which the quote finder reads by position)
_AS_MARK = {"‘‘": "“", "‘’": "“", "’’": '"', "''": '"', '\\"': '"'}


def _other_marks(line: str) -> str:
    return _OTHER_MARKS.sub(lambda m: _AS_MARK.get(m.group(0)) or ("“" if "«" in m.group(0) else "”"), line)


def normalise_line(line: str) -> str:
    """One line with invisible characters gone, runs of spaces made one space and typewriter
    quotation marks, pairs of single marks and guillemets made double marks."""
    if "``" in line or '""' in line:
        line = _typewriter_quotes(line)
    ascii_only = line.isascii()
    if "''" in line or '\\"' in line or not ascii_only and ("‘" in line or "’’" in line or "«" in line or "»" in line):
        line = _other_marks(line)  # one pass: its pattern reads every form
    if not ascii_only:
        line = unicodedata.normalize("NFC", line)
        if _INVISIBLE_CHAR.search(line):  # translate looks each character up (15 us a line); few hold one
            line = line.translate(_INVISIBLE)
        if not _ODD_SPACE.search(line):
            return line.strip()  # as below: one scan instead of a replacement at every space
    elif "  " not in line and "\t" not in line:
        # Most lines: ASCII is its own NFC and holds no invisible character, and a lone space is
        # what _SPACES would put back, so only the ends can change.
        return line.strip()
    return _SPACES.sub(" ", line).strip()


@cache
def _sections() -> frozenset[str]:
    return frozenset(x.casefold() for x in resources.lines("sections.txt"))


def _same_text(a: str, b: str) -> bool:
    strip = " /|-–—:.,"
    return a.strip(strip).casefold() == b.strip(strip).casefold()


@cache
def _date_labels() -> frozenset[str]:
    return frozenset(weekday_names()) | frozenset(resources.lines("date_labels.txt"))


def _date_line_reason(line: str) -> str | None:
    """'date line' for a line that is only a date, 'byline' for a name beside a date."""
    sentence = line.endswith((".", "!", "?"))  # a sentence that mentions a date, unless only dates are left
    if not _YEAR_DIGITS.search(line):
        # a stamp's year is written "19dd" or "20dd"; looking for dates costs thirty times more, and
        # seven in ten lines with digits hold no such year
        return None
    stamps = [t for t in find_timestamps(line) if t.year is not None]
    if not stamps:
        return None
    # "5:25 pm on 28 November 2018": the clock is the date line's too (blanked, so offsets hold);
    # so is a font-size control glued after it ("Xinhua, February 2, 2016 Adjust font size:") and a
    # page template's unfilled placeholder ("… 01:30 - - {{hits.count}}")
    rest = _CLOCK_TIME.sub(lambda m: " " * len(m.group(0)), _FONT_CONTROL.sub(lambda m: " " * len(m.group(0)), line))
    if "{{" in rest:
        rest = _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), rest)
    for stamp in reversed(stamps):
        rest = rest[: stamp.start] + " " + rest[stamp.end :]
    words = [w for w in re.split(r"[\s,|•·/–—:-]+", rest) if w]
    labels = _date_labels()
    # "Published in Dawn, September 9th, 2016": "in" after a label joins it to the outlet's name
    others = [w for n, w in enumerate(words) if w.lower() not in labels and w.lower() not in _BYLINE_JOINS
              and not (w.lower() == "in" and n and words[n - 1].lower() in labels)]
    if not others or others == ["."] * len(others):
        return "date line"  # "Monday, July 3, 2006 - 10:15. Updated on Friday, October 7, 2014 - 09:40."
    if sentence:
        return None
    if len(others) <= MENU_MAX_WORDS and all(_NAME_WORD.match(w) for w in others):
        return "byline"
    if len(others) <= BYLINE_MAX_NAMES_WORDS and all(_NAME_WORD.match(w) for w in others) and all(
            len(part.split()) <= KICKER_MAX_WORDS for part in re.split(r"[,|•·]", rest)):
        return "byline"  # several writers and their outlet: "Ann Roe, Budi Santoso, The Millbrook Post | 3rd Mar 2019"
    # A date glued to other furniture is furniture too: "Monday, 7 Feb 2022 Contact Us Terms and
    # Conditions", "Friday, 4 March 2022, 08:10 Last update: about 3 years ago", "Mar 14, 2021 • 4 minute read"
    glued = " ".join(rest.split()).strip(" ,|•·/–—:-")
    return "date line" if glued and _classify(glued) is not None else None


def _names_weekday(line: str) -> bool:
    names = weekday_names()
    return any(len(w) > 3 and w.casefold() in names for w in WORD.findall(line))  # not "Min", "Sun"


LABEL_MAX_WORDS = 3  # an outlet's or section's name, a control ("Mode Gelap"); headlines run longer
HEADLINE_MIN_WORDS = 4


def _label_over_headline(lines: list[str], n: int) -> bool:
    """A line of a few words over a longer line that reads as a headline, both among the page's first
    lines: the outlet's name, a section or a control printed above the headline, not the headline.
    (Real-page furniture sets, 594 pages: 9 fewer wrong titles, 9 more right ones.)"""
    line = lines[n]
    if len(line.split()) > LABEL_MAX_WORDS or line.endswith(SENTENCE_END):
        return False
    for later in lines[n + 1 : MAX_LEADING_FURNITURE + 1]:
        if later.casefold().startswith(line.casefold()):
            return False  # the headline printed again ("Banjir Rendam Bekasi /")
        if classify(later) is not None or len(later.split()) <= LABEL_MAX_WORDS:
            continue  # more furniture, another label ("Local" under "Millbrook Post")
        return len(later.split()) >= HEADLINE_MIN_WORDS and _reads_like_headline(later)  # else the text has begun
    return False


def _reads_like_headline(line: str) -> bool:
    """Short, no full stop at the end, no dateline lead-in ("Jakarta - …")."""
    return (
        len(line.split()) <= HEADLINE_MAX_WORDS
        and not line.endswith((".", "!", "?"))
        and not _ends_a_paragraph(line)
        and datelines.lead_in(line) is None
        and not _is_lead(line)
    )


def _ends_a_paragraph(line: str) -> bool:
    """A clause that goes on in the next paragraph, or a quotation's last sentence: written by
    the article, not a headline ("…, katanya:", "… kata dia, “Kami siap.”")."""
    return len(line.split()) >= LEAD_MIN_WORDS and (
        line.endswith((":", ";", ","))
        or (line[-1:] in "\"”’'" and line[-2:-1] in ".,")
    )


def _is_lead(line: str) -> bool:
    """Whether a document's first line is its lead paragraph rather than its headline.

    Headlines do not end with a full stop ("?" and "!" they may), do not run past
    HEADLINE_MAX_WORDS, and do not open with a dateline ("JAKARTA - …", "Outlet.com - …").
    "Putin: Rusia-Korut …" is a headline: a colon alone is not a dateline on the first line.
    """
    words = len(line.split())
    if words > HEADLINE_MAX_WORDS:
        return True
    if line.endswith(".") and not line.endswith(".."):
        return True
    if _ends_a_paragraph(line):
        return True
    lead = datelines.lead_in(line)
    # A web name opening the line, or a dateline alone on it (the lead's first words, cut off by the
    # page's layout): a headline neither opens with an outlet nor ends with a dash.
    if datelines.opens_with_web_name(line) or (lead is not None and lead.end >= len(line)):
        return True
    if words >= LEAD_MIN_WORDS and _DATED.search(line):
        return True
    return words >= LEAD_MIN_WORDS and lead is not None


def _is_kicker(line: str, following: str | None) -> bool:
    """A running story's tag printed over the headline ("Gempa Palu", "Menteri KKP Ditangkap KPK"): a
    few capitalised words, then a longer title-cased headline. A headline this short is followed by
    its lead or a byline, neither written in title case."""
    words = line.split()
    if not 1 <= len(words) <= KICKER_MAX_WORDS or following is None:
        return False
    if line.endswith(SENTENCE_END) or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    after = following.split()
    if len(after) <= KICKER_MAX_WORDS or classify(following) is not None or _is_lead(following):
        return False
    if len(words) <= SECTION_MAX_WORDS and _reads_like_headline(following):
        # "Europe News", "White House", "Singapore" over an English headline in sentence case ("EU
        # leaders reach an agreement on migration …"): the page's section, not a headline of its own
        return True
    return len(words) >= KICKER_MIN_WORDS and is_title_cased(after)


def _is_menu_item_list(line: str) -> bool:
    if "|" not in line and "•" not in line and "·" not in line:
        return False  # one part (most lines; splitting them cost more than this test)
    if line.startswith("|") or line.endswith("|"):
        return False  # a table row, not a menu
    parts = [p for p in _SEPARATORS.split(line) if p]
    return (
        len(parts) >= 3
        and all(len(p.split()) <= 3 for p in parts)
        and not any(ch.isdigit() for ch in line)
    )


def _has_unspaced_script(line: str) -> bool:
    """Chinese, Japanese and similar scripts: word counts say nothing about length there."""
    return any("\u2e80" <= ch <= "\ua4cf" or "\uac00" <= ch <= "\ud7af" for ch in line)


def _is_menu_like(line: str) -> bool:
    # Numbers and "label: value" pairs mark lists and tables (a line-up, a price list)
    # that end many articles; menus are plain words; a comma goes on a clause. A year is the
    # one number a menu's label holds ("Piala Dunia 2026", a campaign's or an award's name).
    return (
        len(line) <= MENU_MAX_CHARS
        and len(line.split()) <= MENU_MAX_WORDS
        and not line.endswith(SENTENCE_END)
        and not any(ch.isdigit() for ch in _YEAR.sub("", line))
        and ":" not in line
        and "," not in line
        and not _has_unspaced_script(line)
    )


def _reads_like_prose(line: str) -> bool:
    """Mostly lower-case words after the first: a sentence cut short, not a menu's labels."""
    words = line.split()
    rest = [w for w in words[1:] if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].islower() for w in rest) * 2 > len(rest)


def _opens_a_sentence(line: str) -> bool:
    """Whether a line starts with a word that opens sentences and never menus ("Ia menambahkan")."""
    first = line.split(maxsplit=1)[0].strip(",.:;\"“'‘").casefold() if line.strip() else ""
    return first in resources.words("furniture_openers.txt")


BREADCRUMB_MAX_SECTIONS = 4  # "Home News …", "Beranda Headline Nasional …": sections before the headline


def _breadcrumb_to(line: str, title: str) -> bool:
    """A breadcrumb run together, no separators left: the home link, a few section names, then the
    page's own headline ("Home Headline Jembatan Cempaka Ditutup Sementara")."""
    first, _, rest = line.partition(" ")
    if first.casefold() not in _HOME or not rest:
        return False
    words = rest.split()
    sections = min(BREADCRUMB_MAX_SECTIONS, len(words))
    return len(title.split()) >= 3 and any(_same_text(" ".join(words[k:]), title) for k in range(sections + 1))


def classify(line: str, title: str | None = None) -> str | None:
    """The reason a single line is not article text, or None when it may be."""
    if title and _same_text(line, title):
        return "repeated headline"
    if title and _breadcrumb_to(line, title):
        return "menu"
    reason = _classify(line)
    if reason is None and (bullet := _BULLET.match(line)) and bullet.end() < len(line):
        reason = _classify(line[bullet.end():])
    if reason is None and line[:1] + line[-1:] in ("()", "[]") and len(line) > 2:
        reason = _classify(line[1:-1].strip())  # "(Baca Juga: …)", "[Foto: …]"
    if reason is None and _TRAILING_ICON.match(line[-1:]) and (label := _TRAILING_ICON.sub("", line)):
        reason = _classify(label)  # "Baca Selengkapnya →"
    if reason is None and len(line) > 2 and (
        (line[-1] == "|" and line[0] != "|")  # a bar closing a caption; a table row opens with one too
        or (line[0] in _FRAME_MARKS and line[-1] in _FRAME_MARKS)
    ) and (inner := line.strip(" |" + _FRAME_MARKS)):
        reason = _classify(inner)  # "- Advertisement -", "Ilustrasi minyak (SHUTTERSTOCK) |"
    return reason


def _classify(line: str) -> str | None:
    if (reason := furniture(line)) is not None:
        return reason
    if not any(ch.isalnum() for ch in line) and not _is_section_break(line):
        # Separators and controls ("|---|---|", "·", "»"); "***" and "___" are section breaks
        # of the article itself (the benchmark's hand-checked bodies keep them).
        return "menu"
    if len(line) <= MENU_MAX_CHARS and _is_sections(line):
        return "menu"  # a section name alone, or a breadcrumb of them: a kicker
    if "/" in line[-CREDIT_TAIL_CHARS:] and (
        _CREDIT_TAIL.search(line, start := max(0, len(line) - CREDIT_TAIL_CHARS))
        or (line.endswith(")") and _BRACKETED_CREDIT_TAIL.search(line, start))
    ):
        return "caption"  # a caption that ends with its photo credit
    if _is_menu_item_list(line):
        return "menu"
    return _date_line_reason(line)


def _is_section_break(line: str) -> bool:
    return not line.strip("_*~=# ")


def _is_sections(line: str) -> bool:
    low = line.casefold()
    sections = _sections()
    if low in sections:
        return True
    if not any(ch in line for ch in "/|›»>•·&"):
        # "Home Hiburan Film": a breadcrumb whose separators were icons, so only spaces are left
        words = low.split()
        return len(words) >= 2 and words[0] in _HOME and all(w in sections for w in words[1:])
    parts = [p for p in _SECTION_SEPARATORS.split(low) if p]
    return len(parts) >= 2 and all(p in sections or p in _HOME for p in parts)


def _names_beside_bylines(lines: list[str], verdicts: list[str | None]) -> None:
    """A line that is only a name, beside a byline, a date line or an "Editor" label, is a byline
    too ("Sandro Gatra," / "Amir Sodikin"; "Rizki N" / "Selasa, 11 Oktober 2022 | 08:00 WIB").
    A name's words are never written in lower case elsewhere in the article; a subheading's are."""
    roles = resources.words("credit_roles.txt")
    beside = {
        n for k, verdict in enumerate(verdicts)
        if verdict in ("byline", "date line")
        or (verdict == "menu" and lines[k].casefold().rstrip(" :") in roles)
        for n in (k - 1, k + 1)
    }
    lower: set[str] | None = None
    stop = resources.words("stopwords.txt")
    todo = sorted(beside, reverse=True)
    while todo:
        n = todo.pop()
        if not 0 <= n < len(lines) or verdicts[n] is not None:
            continue
        line = lines[n]
        if len(line) > MENU_MAX_CHARS:
            continue
        if not _NAME_LINE.match(line):
            # "Rina Puspita, kabar kita": the writer and the outlet they write for, in any case
            if not (m := _NAME_AND_OUTLET.match(line)) or not _NAME_LINE.match(m.group(1)):
                continue
            line = m.group(1)
        words = [w.strip(",.").casefold() for w in line.split() if w not in ("dan", "and", "&")]
        if any(w in stop or w in _sections() for w in words):
            continue
        if lower is None:
            lower = {w for text in lines for w in WORD.findall(text) if w.islower()}
        if not any(w in lower for w in words):
            verdicts[n] = "byline"
            todo += [n + 1, n - 1]  # the next name of a list of authors


MAX_BODY_CHARS = 1_000_000  # of an article's text read; news runs to tens of thousands, a flood to millions
_NOTE_CHARS = 200  # of the text past the cap, kept in its "too long" note


def _within_cap(text: str) -> tuple[str, RemovedLine | None]:
    """The text up to MAX_BODY_CHARS, cut at a paragraph, sentence or word; and a note of what was
    not read (so every later stage's work is bounded by the cap, whatever the input holds)."""
    if len(text) <= MAX_BODY_CHARS:
        return text, None
    cut = MAX_BODY_CHARS
    for mark in ("\n", ". ", " "):  # the last paragraph end in the cap's second half, else sentence, else word
        at = text.rfind(mark, MAX_BODY_CHARS // 2, MAX_BODY_CHARS)
        if at >= 0:
            cut = at + 1
            break
    rest = text[cut:]
    note = f"{rest[:_NOTE_CHARS].strip()}… ({len(rest):,} characters past the first {cut:,} not read)"
    return text[:cut], RemovedLine(note, "too long")


def clean(raw: RawDocument) -> Cleaned:
    """Split a document's text into body lines and removed lines."""
    text, over_cap = _within_cap(raw.text)
    lines = [n for n in (normalise_line(x) for x in text.split("\n") if x) if n]
    removed: list[RemovedLine] = [over_cap] if over_cap else []
    title = raw.title
    headline_first = raw.headline_first
    if lines and (m := _CRAWLER_DATE.match(lines[0])):
        removed.append(RemovedLine(f"date {m.group(1)}", "date line"))
        lines = [m.group(2), *lines[1:]] if m.group(2) else lines[1:]
        rest = m.group(2)
        if rest and not is_title_cased(rest.split()) and classify(rest) is None:
            if len(rest.split()) > SECTION_MAX_WORDS:
                headline_first = False  # the summary or the lead: text, and the page's headline is not there
            else:
                # a section's name or a control glued to the header ("date … Sport", "date … 18°"):
                # the page's, and the headline follows it (furniture there goes with the headline's search)
                removed.append(RemovedLine(rest, "menu"))
                lines = lines[1:]
    if headline_first and lines:
        # The first line is the headline — unless it is furniture (a date, a caption): then the
        # first line after a little furniture is, if it reads like a headline.
        crawled = None  # the headline a crawler's header names ("title …")
        kicker = -1  # the line under a story's tag
        for n, line in enumerate(lines[: MAX_LEADING_FURNITURE + 1]):
            reason = classify(line)
            if reason is None and n + 1 < len(lines) and _breadcrumb_to(line, lines[n + 1]):
                reason = "menu"  # "Home News <the headline>" over the headline itself
            if reason == "byline" and not _CLOCK.search(line) and not _names_weekday(line):
                # "Gempa Cianjur 21 November 2022" heads a page; a byline's date has a time or its
                # weekday ("The Millbrook Post 3 March 2021, Wednesday")
                reason = None
            if n == 0 and reason == "related" and _LABELLED_HEADLINE.match(line):
                reason = None  # "VIDEO: Ribuan Buruh Gelar Aksi" heads a video's own page
            if crawled is None and reason and (m := _CRAWLER_TITLE.match(line)):
                crawled = title = m.group(1)
            if reason is None and crawled is not None and not _same_text(line, crawled):
                lines = lines[n:]  # the header named the headline; this line is the text
                break
            if reason is None and crawled is None and _is_kicker(line, lines[n + 1] if n + 1 < len(lines) else None):
                reason = "menu"  # "Gempa Palu" over "Guru Besar: Untung Saya Selamat": a tag, not the headline
                kicker = n + 1  # the headline under it was read as one already
            if reason is None and crawled is None and _label_over_headline(lines, n):
                reason = "menu"  # "Millbrook Post" / "Local" over a longer headline: the outlet, a section
            if reason is None and (
                crawled is not None or (not _is_lead(line) if n in (0, kicker) else _reads_like_headline(line))
            ):
                title = line
                removed.append(RemovedLine(line, "headline"))
                lines = lines[n + 1 :]
                break
            if reason is None:
                lines = lines[n:]
                break
            removed.append(RemovedLine(line, reason))
        else:
            lines = lines[MAX_LEADING_FURNITURE + 1 :]

    verdicts: list[str | None] = [classify(line, title) for line in lines]
    reworded_headline(lines, verdicts, title)
    _names_beside_bylines(lines, verdicts)
    # Footer menus: walk up from the end through furniture and short unpunctuated lines. A line
    # that reads as prose, or opens as a sentence does, is a truncated sentence of the article and
    # stops the walk; so does a section break (wire stories end "___" before their contributors).
    i = len(lines) - 1
    while i >= 0 and (verdicts[i] or (_is_menu_like(lines[i]) and not _reads_like_prose(lines[i])
                                      and not _opens_a_sentence(lines[i]) and not _is_section_break(lines[i]))):
        verdicts[i] = verdicts[i] or "menu"
        i -= 1
    if i >= 0 and _is_section_break(lines[i]) and "_" not in lines[i]:
        # "***" with nothing but furniture after it (a writer's initials) ends the page, not a section
        # of the article. "___" stays: a wire story's contributors follow it, and it is a word's character.
        verdicts[i] = "menu"

    # the page's language, identified at most once and only when a rule for Indonesian pages needs it
    indonesian = cache(partial(is_indonesian, raw))
    related_headlines(lines, verdicts, indonesian, _BULLET)
    furniture_by_context(lines, verdicts, _BULLET)
    headline_runs(lines, verdicts, indonesian)
    above_the_lead(lines, verdicts)

    body = []
    for line, verdict in zip(lines, verdicts, strict=True):
        if verdict:
            removed.append(RemovedLine(line, verdict))
        else:
            body.append(line)
    return Cleaned(title=title, body="\n\n".join(body), removed=removed)
