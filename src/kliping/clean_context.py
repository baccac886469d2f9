"""Page furniture told by its neighbours rather than by its own words: a line repeated on the page,
a caption printed again within a few lines (or once without its credit), a bulleted list of links
one of which is known, a few short labels between two pieces of furniture (a tag, a font-size menu,
an image's alternative text), a short line over a photo's credit, the items under a reading list's
heading, an unclosed line between two pieces of furniture and teasers cut short in a row, a run of
headlines (not a list the story announces itself), the lines above the story's dateline-opened lead,
the last link of a footer list. A part of clean.py's page-shape rules, run once the lines have their
own verdicts; it only ever turns an undecided line into furniture.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kliping import datelines
from kliping.clean_headlines import SENTENCE_END, article_lists, headline_shaped

# A run of labels between two pieces of furniture: at most this many lines of at most this many
# words ("disaster" / "National" between a byline and a caption; "Medium" / "Large" / "Larger"
# under "Text Sizes"). A subheading sits between paragraphs, not between furniture.
LABELS_MAX_LINES = 4
LABEL_MAX_WORDS = 4
LABEL_MAX_CHARS = 40
# A caption printed without its credit, then with it: the first copy runs at least this long.
CAPTION_COPY_MIN_WORDS = 5
# A bulleted link in a list: a few words, not a sentence ("- Warga Sukamaju Tolak Tambang, Ini Alasannya").
LINK_MIN_WORDS = 3
LINK_MAX_WORDS = 20
LINK_MAX_CHARS = 300
_CAPTIONS = ("caption", "photo credit")
HEADLINE_LINES = 3  # the body's first lines, where a headline the cleaner did not take is left


def _key(line: str) -> str:
    """A line as compared with its copies: case and a closing stop do not matter."""
    return line.casefold().rstrip(" .!?")


def _unbulleted(line: str, bullet_mark: re.Pattern[str]) -> tuple[str, str]:
    """The line's bullet ("- ", "• ", "" for none) and the text after it."""
    m = None if line[:1].isalnum() else bullet_mark.match(line)
    if m is None or m.end() >= len(line):
        return "", line
    return line[: m.end()].strip(), line[m.end():]


def _link_shaped(text: str) -> bool:
    """A bulleted item that reads as a link's headline: a few words opened by a capital or a number,
    not closed by a sentence's single full stop ("… Setelah Itu.." and "… Siapa yang Dapat?" are)."""
    words = text.split()
    return (
        LINK_MIN_WORDS <= len(words) <= LINK_MAX_WORDS
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“'‘")
        and not (text.endswith(".") and not text.endswith(".."))
        and not text.endswith((",", ";", ":"))
    )


def repeated_lines(lines: list[str], verdicts: list[str | None], bullet_mark: re.Pattern[str]) -> None:
    """A line printed twice on a page is not two paragraphs of the article. A headline-shaped one
    (each copy without a stop) is another article's link shown in two widgets: every copy goes as
    "related". A copy of a headline-shaped line at the top of the body is that headline repeated."""
    seen: dict[str, list[int]] = {}
    for n, line in enumerate(lines):
        # a paragraph is longer than any headline: not compared (most of a page's text)
        if len(line) <= LINK_MAX_CHARS and line.count(" ") >= LINK_MIN_WORDS - 1:
            seen.setdefault(_key(_unbulleted(line, bullet_mark)[1]), []).append(n)
    for copies in seen.values():
        if len(copies) < 2:
            continue
        texts = [_unbulleted(lines[n], bullet_mark)[1] for n in copies]
        if all(headline_shaped(t) for t in texts):
            for n in copies:
                verdicts[n] = verdicts[n] or "related"
            continue
        # The page's headline left at the top of the body (a kicker above it took its place) and
        # restated lower down, with a stop, as a caption: the later copy is the repeat. Other lines
        # printed twice (an embedded post's signature under each post) are the article's.
        first = copies[0]
        if first < HEADLINE_LINES and verdicts[first] is None and headline_shaped(texts[0]):
            for n in copies[1:]:
                verdicts[n] = verdicts[n] or "repeated headline"


COPY_WINDOW = 3  # lines apart, at most, for copies printed for one picture
_NON_WORD = re.compile(r"\W+")
# The signature under an embedded post ("— Pemkot Sukamaju (@pemkotsukamaju) April 3, 2023"): posts
# quoted one after another repeat it, and their words, as the article's own quotations.
_POST_SIGNATURE = re.compile(r"^[—–-]\s|\(@\w+\)")


def copies_nearby(lines: list[str], verdicts: list[str | None]) -> None:
    """A line printed again within a few lines of itself ("The new ferry at Millbrook pier." twice; a
    caption four times, once per image size) is a picture's caption and its alternative texts: every
    copy goes. A story does not repeat its own paragraph a line later (real-page dev, 270 pages: of
    such copies none was the story's text); a pull quote repeats one far from it, and a paragraph
    (longer than a caption) is never touched, nor a copy of the body's first line when it reads as a
    sentence (a summary over its lead, a headline left in the body: which copy is the text's, no line
    says, and the story's opening must not go; real-page dev: removing them cost a standfirst's quotation
    its speaker), nor embedded posts and their signatures (two posts quoted in a row)."""
    keys = [_NON_WORD.sub(" ", line.casefold()).strip() for line in lines]
    posts = [bool(_POST_SIGNATURE.search(line)) for line in lines]
    for n, key in enumerate(keys):
        if verdicts[n] is not None or key.count(" ") < 1 or len(lines[n].split()) > CAPTION_MAX_WORDS:
            continue
        if any(posts[max(0, n - COPY_WINDOW) : n + COPY_WINDOW + 1]):
            continue  # embedded posts, each with its signature: the article quotes them
        if keys[0] == key and _opens_story(lines[n]):
            continue  # the body's first line printed again: its headline or its summary, kept as text
        if any(keys[k] == key for k in range(max(0, n - COPY_WINDOW), min(len(lines), n + COPY_WINDOW + 1)) if k != n):
            verdicts[n] = "caption"


def bulleted_links(lines: list[str], verdicts: list[str | None], bullet_mark: re.Pattern[str]) -> None:
    """A list's items are one kind: a bulleted line beside a "related" line with the same bullet, and
    shaped as a link, is another link of that list ("BERITA TERKAIT" / "- …" / "- …"), even when its
    words are the article's own (related links are chosen for sharing them)."""
    # Down the page, then up: each sweep carries a known link through the items after, then before it.
    for order, step in ((range(len(lines)), -1), (range(len(lines) - 1, -1, -1), 1)):
        for n in order:
            k = n + step  # the neighbour this sweep has already seen
            if verdicts[n] is not None or not 0 <= k < len(lines) or verdicts[k] != "related":
                continue
            bullet, text = _unbulleted(lines[n], bullet_mark)
            if bullet and _link_shaped(text) and _unbulleted(lines[k], bullet_mark)[0] == bullet:
                verdicts[n] = "related"


def caption_copies(lines: list[str], verdicts: list[str | None]) -> None:
    """A caption printed twice, once bare and once with its credit ("Residents sift through … island."
    above "Residents sift through … island. Photograph: …"): the bare copy is the caption too."""
    for k, verdict in enumerate(verdicts):
        if verdict not in _CAPTIONS:
            continue
        for n in (k - 1, k + 1):
            if (
                0 <= n < len(lines) and verdicts[n] is None and lines[k] != lines[n]
                and lines[k].startswith(lines[n]) and lines[n].count(" ") >= CAPTION_COPY_MIN_WORDS - 1
            ):
                verdicts[n] = verdict


CAPTION_LEAD_MAX_WORDS = 12  # "Donald Tusk", "Housing in Mount Victoria, Wellington." over a photo's credit


def captions_over_credits(lines: list[str], verdicts: list[str | None]) -> None:
    """A short line right over a photo's credit or caption ("Donald Tusk" / "Simona Granati | Corbis |
    Getty Images"; "Housing in Mount Victoria, Wellington." / "(file image) Photo: RNZ / …") names what
    the picture shows: the caption's first part. A paragraph of the story runs longer, and an editor's
    initials closing the story ("(Dny/Ahm)") credit no picture."""
    for k in range(1, len(lines)):
        if verdicts[k] in _CAPTIONS and " " in lines[k].strip("()[] ") and verdicts[k - 1] is None and (
                len(lines[k - 1].split()) <= CAPTION_LEAD_MAX_WORDS and lines[k - 1][:1] not in "\"“‘'"):
            verdicts[k - 1] = "caption"


def _label(line: str) -> bool:
    return (
        len(line) <= LABEL_MAX_CHARS
        and len(line.split()) <= LABEL_MAX_WORDS
        and not line.endswith(SENTENCE_END)
        and not any(ch.isdigit() for ch in line)
    )


def labels_between_furniture(lines: list[str], verdicts: list[str | None]) -> None:
    """A short run of labels with furniture on both sides is furniture too: a topic tag beside a
    section name, the choices of a font-size menu, an image's alternative text over its caption."""
    n = 0
    while n < len(lines):
        if verdicts[n] is not None or not _label(lines[n]):
            n += 1
            continue
        end = n
        while end < len(lines) and verdicts[end] is None and _label(lines[end]):
            end += 1
        if (
            n > 0 and end < len(lines) and end - n <= LABELS_MAX_LINES
            and verdicts[n - 1] is not None and verdicts[end] is not None
        ):
            for k in range(n, end):
                verdicts[k] = "menu"
        n = end


# Under a reading list's own label ("Most read in Streaming", "Latest Posts", "Must Read"): up to this
# many lines that are its links' headlines (no full stop) and teasers cut short ("… and...").
LIST_MAX_LINES = 20
LIST_LABEL_MAX_WORDS = 6
_CUT_SHORT = ("...", "…")
_LIST_LABEL = re.compile(r"\b(?:latest|most|must|more|popular|trending|recommended|top|posts|stories|next|terpopuler|"
                         r"terkini|terbaru|populer|pilihan|lainnya|terbanyak)\b", re.IGNORECASE)


def _list_item(line: str) -> bool:
    words = line.split()
    if not (line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"“‘'") or line.endswith(("\"", "”", "’", "'")):
        return False  # a line going on from the one before, or a quotation ("'Riverdance' wins …" is a headline)
    if line.endswith(_CUT_SHORT):
        return len(words) <= LINK_MAX_WORDS * 3  # a teaser, cut short
    return LINK_MIN_WORDS <= len(words) <= LINK_MAX_WORDS and not line.endswith(SENTENCE_END)


def links_under_a_list_label(lines: list[str], verdicts: list[str | None]) -> None:
    """The items a reading list's label heads ("Latest Posts" / "Chic singer Alfa Anderson dies" /
    "Alfa Anderson has died. The singer - who …, and..."): links to other pages, up to the first
    line that is neither a headline nor a teaser cut short (a sentence of the story, a quotation)."""
    for k, verdict in enumerate(verdicts):
        if (verdict != "related" or len(lines[k].split()) > LIST_LABEL_MAX_WORDS or ":" in lines[k]
                or not _LIST_LABEL.search(lines[k])):
            continue  # not a list's heading: "Lihat Foto" points at the picture, whose title is the article's
        n = k + 1
        # through the list's own furniture ("Show More" halfway down it) to its first line of another kind
        while n < len(lines) and n - k <= LIST_MAX_LINES and (verdicts[n] is not None or _list_item(lines[n])):
            verdicts[n] = verdicts[n] or "related"
            n += 1


LEAD_SEARCH_LINES = 8  # text lines from the top within which a dateline opens the story
MAX_ABOVE_LEAD = 3  # caption, credit, summary (real-page dev: never more above a lead)
CAPTION_MAX_WORDS = 60


def above_the_lead(lines: list[str], verdicts: list[str | None]) -> None:
    """A story's text starts at its dateline ("Jakarta - …", "JAKARTA, KOMPAS.com - …", "WASHINGTON
    (AP) — …"): every line a page puts above it — a caption, its credit, a byline, a summary of the
    story — is furniture (real-page dev: of 27 such lines, none was the story's text)."""
    kept = [i for i, v in enumerate(verdicts) if v is None][:LEAD_SEARCH_LINES]
    for n, i in enumerate(kept):
        if datelines.lead_in(lines[i]) is not None:  # "Denpasar - …", or "Denpasar -" alone over the lead
            above = kept[:n]
            # a few short lines, not paragraphs of a story whose later paragraph opens with a place
            if len(above) <= MAX_ABOVE_LEAD and all(len(lines[j].split()) <= CAPTION_MAX_WORDS for j in above):
                for j in above:
                    verdicts[j] = "above the lead"
            return


HEADLINE_RUN_MIN = 3  # title-cased lines in a row: a list of links (a story's subheading stands alone)


def headline_runs(lines: list[str], verdicts: list[str | None], indonesian: Callable[[], bool]) -> None:
    """Three or more headline-shaped lines in a row, with no label over them ("Sejumlah Wilayah
    Terasa Lebih Panas, BMKG Jelaskan Sebabnya" / "Gempa Filipina Ibarat 'Bom Waktu', …" / …): a
    list of links to other articles. Indonesian pages only (clean.py): on English pages title-cased
    lines in a row are the story's subheadings or a list of its own, as related_headlines found."""
    own_list = article_lists(lines, verdicts)  # "Berikut daftar pemain …": the story's own list of names
    n = 0
    while n < len(lines):
        end = n
        while end < len(lines) and verdicts[end] is None and end not in own_list and headline_shaped(lines[end]):
            end += 1
        if end - n >= HEADLINE_RUN_MIN:
            if not indonesian():  # asked only here: most pages hold no such run
                return
            for k in range(n, end):
                verdicts[k] = "related"
        n = max(end, n + 1)


STORY_OPENING_MIN_WORDS = 8  # a paragraph that ends as a sentence: the story has begun
LINK_BETWEEN_MAX_WORDS = 25  # a headline between furniture runs no longer (a paragraph does)
# Teasers cut short: three in a row are a list of links (a writer may end two paragraphs on "…"), one
# right under a link's headline is that link's teaser.
TEASER_RUN_MIN = 3


def _opens_story(line: str) -> bool:
    return line.endswith(SENTENCE_END) and len(line.split()) >= STORY_OPENING_MIN_WORDS


def links_between_furniture(lines: list[str], verdicts: list[str | None]) -> None:
    """Once the story has begun, a line that is no sentence (nothing closes it) between two pieces of
    furniture is a link of the list they belong to ("Business 21 hours ago" / "Three shares to watch
    before the holidays" / "-"), and teasers cut short in a row ("… has expanded its…") are a list's items
    too (see TEASER_RUN_MIN). A subheading stands between paragraphs; above the story (a standfirst
    between a byline and a date line) nothing is decided here."""
    begun = False
    for n, line in enumerate(lines):
        if verdicts[n] is not None:
            continue
        if not begun:
            begun = _opens_story(line)
            continue
        words = len(line.split())
        if (0 < n < len(lines) - 1 and verdicts[n - 1] is not None and verdicts[n + 1] is not None
                and not line.endswith(SENTENCE_END) and LINK_MIN_WORDS <= words <= LINK_BETWEEN_MAX_WORDS):
            verdicts[n] = "related"
    cut = [verdicts[n] is None and line.endswith(_CUT_SHORT) and line[:1] not in "\"“‘'"
           for n, line in enumerate(lines)]
    n = 0
    while n < len(lines):
        # a run of teasers, the list's own furniture between them ("Kabar Ad") not breaking it
        end, teasers = n, list[int]()
        while end < len(lines) and (cut[end] or (teasers and verdicts[end] is not None)):
            if cut[end]:
                teasers.append(end)
            end += 1
        if teasers and (len(teasers) >= TEASER_RUN_MIN or (n > 0 and verdicts[n - 1] == "related")):
            for k in teasers:
                verdicts[k] = "related"
        n = max(end, n + 1)


def appended_article(lines: list[str], verdicts: list[str | None]) -> None:
    """Another of the outlet's articles printed whole after the story: a second paragraph opening with
    the outlet's own dateline ("KABAR.ID, Sukaraja – …" once more) starts it, under its headline. From
    that headline to the page's end is the other article. A story has one dateline of its outlet; a
    round-up of places writes theirs without the outlet's name."""
    first = None
    for n, line in enumerate(lines):
        if verdicts[n] is not None:
            continue
        lead = datelines.lead_in(line)
        if lead is None or not lead.outlet:
            continue
        if first is None:
            first = lead.outlet.casefold()
            continue
        if lead.outlet.casefold() != first:
            continue
        start = n - 1 if n > 0 and verdicts[n - 1] is None and headline_shaped(lines[n - 1]) else n
        for k in range(start, len(lines)):
            verdicts[k] = verdicts[k] or "related"
        return


def last_link(lines: list[str], verdicts: list[str | None]) -> None:
    """The page's last line, shaped as a headline, after furniture that ends the article (a list of
    links, a section label): the last link of that list. A sentence cut short by the page's end
    follows a paragraph, or reads as a sentence (its last word in lower case)."""
    if len(lines) >= 2 and verdicts[-1] is None and verdicts[-2] is not None and headline_shaped(lines[-1]):
        verdicts[-1] = "related"


def furniture_by_context(lines: list[str], verdicts: list[str | None], bullet_mark: re.Pattern[str]) -> None:
    """All of the above, in an order where each may build on the one before."""
    repeated_lines(lines, verdicts, bullet_mark)
    copies_nearby(lines, verdicts)
    bulleted_links(lines, verdicts, bullet_mark)
    caption_copies(lines, verdicts)
    labels_between_furniture(lines, verdicts)
    captions_over_credits(lines, verdicts)  # after the labels: "Large" over "Foto: …" is a menu's choice
    links_under_a_list_label(lines, verdicts)
    links_between_furniture(lines, verdicts)
    appended_article(lines, verdicts)
    last_link(lines, verdicts)
