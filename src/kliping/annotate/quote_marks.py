"""Article body → the spans its quotation marks enclose: double-quoted spans (direct or partial
quotations) and single-quoted fragments. Which of them are quotations, and whose, is decided in
annotate/quotes.py; this module only reads the marks.
"""

from __future__ import annotations

import re

from kliping.annotate.cues import OPENERS

QUOTE_MARK = re.compile("[“”\"]")
_PARAGRAPH = re.compile(r"[^\n]+")
# A quotation whose opening mark is missing runs from its paragraph's start; a page flattened to
# one paragraph would make that the whole article, so a longer run is a stray mark, not a quote.
MAX_UNOPENED = 1200
_STOPS = ".!?…"  # a paragraph ending in one ends its sentence (a line broken mid-sentence does not)


def quotations(body: str) -> list[tuple[int, int]]:
    """(first, last+1) character offsets of each top-level double-quoted span's content.

    Real pages mix their marks, so the marks are read by position, not by shape alone: a
    straight mark closes an open quotation even when a space precedes it (`“… Perekonomian,
    "katanya`), unless it stands before a word with another mark still to come in the paragraph
    (a nested quotation: that mark closes it). A closing mark
    with nothing open ends a quotation whose opening mark is missing: it runs from the start
    of the paragraph. A quotation that runs over paragraphs, each opening again and only the
    last closing, is one span per paragraph, as a reader cites it — and so is one whose next
    paragraph does not open again, when the paragraph before it ends its sentence.
    """
    spans: list[tuple[int, int]] = []
    carried: tuple[int, int] | None = None  # (opening mark, paragraph end) of a quotation left open
    if QUOTE_MARK.search(body) is None:
        return spans
    for para in _PARAGRAPH.finditer(body):
        marks = [m.start() for m in QUOTE_MARK.finditer(body, para.start(), para.end())]
        if not marks and carried is None:
            continue  # most paragraphs: nothing opens, nothing is left open
        text_start = para.start() + len(para.group(0)) - len(para.group(0).lstrip())
        if carried is not None and text_start < len(body) and body[text_start] in OPENERS:
            spans.append((carried[0] + 1, carried[1]))  # it continues in a new opening: cut here
            carried = None
        stack: list[int] = []
        closed = False  # a quotation closed earlier in this paragraph: no missing opening before it
        for k, i in enumerate(marks):
            nxt = body[i + 1] if i + 1 < para.end() else " "
            if _opens(body, i, para.start(), nxt, bool(stack), carried is not None, len(marks) - k - 1, text_start):
                stack.append(i)
            elif stack:
                start = stack.pop()
                if not stack:
                    spans.append((start + 1, i))
            elif carried is not None:
                if body[carried[0] : carried[1]].rstrip()[-1:] in _STOPS:
                    # "“… kalah.\nApalagi … terakhir,” ujar X": a paragraph that ends its sentence and
                    # a next one that does not reopen — still a quotation per paragraph, as cited
                    spans += [(carried[0] + 1, carried[1]), (text_start, i)]
                else:
                    spans.append((carried[0] + 1, i))  # it ran on, mid-sentence, into a paragraph
                carried = None
            elif i > text_start and not nxt.isalnum() and not closed and i - text_start <= MAX_UNOPENED:
                spans.append((text_start, i))  # the opening mark is missing
            if spans and spans[-1][1] == i:
                closed = True
        if carried is not None:
            spans.append((carried[0] + 1, carried[1]))  # it was never closed: a paragraph's quotation
            carried = None
        if stack:
            carried = (stack[0], para.end())
    if carried is not None:
        spans.append((carried[0] + 1, carried[1]))
    return sorted(spans)


def _opens(body: str, i: int, para_start: int, nxt: str, open_here: bool, open_before: bool, marks_after: int,
           text_start: int) -> bool:
    """Whether the mark at ``i`` opens a quotation, read from its neighbours (``nxt`` the character
    after it, ``open_here`` a quotation opened in this paragraph, ``open_before`` one carried from
    an earlier paragraph): a left mark always; a straight one after a space or bracket (inside an
    open quotation only before a word and with a mark still to come to close it), or opening its
    paragraph."""
    ch = body[i]
    prev = body[i - 1] if i > para_start else " "
    looks_open = prev.isspace() or prev in "([{—–-“‘'"
    if ch == "“":
        return True
    if ch == "”":
        # "were ”dwindling.”": a right mark after a space and before a word, with nothing
        # open, is an opening mark of the wrong shape.
        return not open_here and not open_before and looks_open and nxt.isalnum()
    if open_here:
        return looks_open and nxt.isalnum() and marks_after >= 1
    return looks_open or i == text_start


# Single marks quote fragments ("menilai tragedi itu ‘peringatan dari Tuhan’", "'salah dan bias'"):
# an opening mark after a space or bracket and before a letter, a closing one after a letter or
# stop and before a space or punctuation — so "dogs' bowls" and "Jum'at" are not quotations.
# (The mark comes first and the look back is at it: a look-behind opening the pattern is tried at
# every character, a mark lets the engine skip to the marks — a third of the time.)
_SINGLE = re.compile(r"[‘'](?<![^\s(\[“\"][‘'])(?=\w)([^‘’'\n]{1,200}?[\w.!?])[’'](?![\w])")


def single_quotations(body: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in _SINGLE.finditer(body)]


# British copy quotes speech in single marks ("said: ‘The road was covered in ice …", "‘We'll
# replant,’ he said."): a left single mark opening its paragraph or a sentence, or after "said:" or a comma,
# before a capital, runs to a right mark that closes a sentence or clause (",’", ".’", "?’" — so
# "farmers’ gates" and "it’s" close nothing), else to its paragraph's end, as a quotation over
# several paragraphs opens each again and closes only the last.
_SINGLE_OPENING = re.compile(r"(?:^|(?<=[:,.!?]\s)|(?<=[:]))‘(?=[A-Z])", re.MULTILINE)
_SINGLE_CLOSING = re.compile(r"[,.!?…]’(?!\w)")


def single_speech(body: str) -> list[tuple[int, int]]:
    """(first, last+1) offsets of each quotation written the British way, in single marks."""
    if "‘" not in body:
        return []
    spans: list[tuple[int, int]] = []
    for m in _SINGLE_OPENING.finditer(body):
        line_end = body.find("\n", m.end())
        line_end = len(body) if line_end < 0 else line_end
        close = _SINGLE_CLOSING.search(body, m.end(), line_end)
        end = close.start() + 1 if close is not None else line_end
        if close is not None and body[close.start()] == ",":
            end = close.start()  # the comma before the attribution is not the speaker's
        if spans and m.start() < spans[-1][1]:
            continue
        spans.append((m.end(), end))
    return spans
