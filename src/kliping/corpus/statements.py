"""An annotated Article → the statements it makes, each with comparable terms and polarity.

A statement is a sentence of a direct quotation, the content of reported speech (a denied content
too short to say anything alone, with its sentence), or a body sentence that names an entity or a
number. Each carries its comparable terms (terms.py), the entities it names (as country-level
keys), its first entity (the grammatical subject, roughly), the figures it states and what each
counts (quantities.py; a range or a score is none), whether it is negated, and whether it is a
denial ("membantah", "denied") or an accusation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kliping import resources
from kliping.annotate.aliases import key as name_key
from kliping.annotate.english_spans import GENERATIONAL_SUFFIXES
from kliping.annotate.sentences import split_sentences
from kliping.corpus import quantities, terms
from kliping.corpus.features import article_date
from kliping.model import Article, Entity
from kliping.words import LETTER_WORD_OR_CLAUSE_MARK

MIN_WORDS = 4
SUBJECT_WORDS = 3
NEGATION_SCOPE = 2  # content words after "tidak"/"not" that it may negate
MIN_CONTENT_TERMS = 2  # fewer content words than this is no checkable statement
MAX_WORDS = 70
# "…, yang dibantah oleh Moskow": a denial attached to the clause before it.
_DENIAL_CLAUSE = re.compile(
    r",\s*(?=(?:yang|which|which was|that was)\s+(?:\w+\s+){0,2}?(?:di)?(?:bantah|sangkal|tepis|denied|rejected))",
    re.I,
)


@dataclass
class Statement:
    """One checkable statement of one article, ready to be matched with others."""

    article_id: str
    text: str
    start: int
    end: int
    kind: str  # "quote", "reported", "sentence"
    speaker: str | None
    terms: frozenset[str]
    subject: str | None
    negated: bool
    denial: bool
    date: str | None
    source: str  # the independent source it counts as (outlet, or article when unknown)
    denies_previous: bool = False
    entities: frozenset[str] = field(default_factory=frozenset)
    # The terms of each comma-separated clause: a quotation often says several things in one
    # sentence, and another outlet may carry only one of them.
    parts: tuple[frozenset[str], ...] = ()
    # Terms written as verbs (me-, di-, ber-, ter- forms): two outlets describing the same fact
    # share its predicate, not just the nouns around it. None when the language doesn't say.
    verbs: frozenset[str] | None = None
    # Terms the negation bears on ("tidak ada *perjanjian*", "*melanggar*"): a contradiction
    # must be about one of them, not about some other word the two statements share.
    polar: frozenset[str] = frozenset()
    # Who states it, by name (the speaker; a denier the sentence names; else the outlet in its own
    # voice), and the key that counts it once: one speaker quoted by five outlets is one source.
    voice: str = ""
    independent: str = ""
    own_voice: bool = False  # stated by the outlet in its own voice: ``independent`` is the story's source
    # Whether it accuses or blames someone ("menuduh", "accused"): checkable even from one source.
    accusation: bool = False
    # (what it counts, value) of each figure it states: a death toll's values across a story.
    figures: tuple[tuple[str, float], ...] = ()
    # The body at the receiving end ("… senjata ke Moskow"): who did what to whom.
    recipient: str | None = None

    def __post_init__(self) -> None:
        # Every feature of the whole and of its clauses: what two statements share anywhere is at
        # most what their ``everything`` share, so most pairs are ruled out with one intersection.
        self.everything: frozenset[str] = self.terms.union(*self.parts)


@cache
def _denial_words(language: str | None) -> tuple[frozenset[str], tuple[str, ...]]:
    """(stems of single-word denial cues, denial phrases) of one language: "Deni" is a name in
    Indonesian, and only in English is "deni" the stem of a denial."""
    lang = "en" if language == "en" else "id"
    rows = [cue for cue_lang, cue in resources.rows("denial_cues.txt") if cue_lang == lang]
    single = frozenset(terms.stem(cue, lang) for cue in rows if " " not in cue)
    phrases = tuple(cue.casefold() for cue in rows if " " in cue)
    return single, phrases


def _cue_denies(cue: str | None, language: str | None) -> bool:
    """Whether reported speech's cue is a denial ("membantah", "denied"): its content is denied."""
    return cue is not None and terms.stem(cue.casefold(), language) in _denial_words(language)[0]


@dataclass
class _Scan:
    """What one pass over a statement's tokens finds (see ``_scan``)."""

    found: set[str] = field(default_factory=set)  # content-word stems
    verbs: set[str] = field(default_factory=set)
    polar: set[str] = field(default_factory=set)  # the stems a negation or a flipped word bears on
    parts: list[frozenset[str]] = field(default_factory=list)  # stems per clause (split at , ; :)
    negated: bool = False
    flipped: bool = False
    denial: bool = False


def _scan(tokens: list[str], offsets: list[int], covered: set[int], language: str | None,
          single: frozenset[str]) -> _Scan:
    """The tokens' stems, clauses and polarity; words inside an entity (offsets in ``covered``) skipped."""
    scan = _Scan()
    scope = 0  # content words left that a negator just before may bear on
    part: set[str] = set()
    table = _word_table(language, single)
    for n, token in enumerate(tokens):
        if token in ",;:":
            scan.parts.append(frozenset(part))  # kept even when empty, to stay aligned with the text
            part = set()
            continue
        if covered and offsets[n] in covered:
            continue
        known = table.get(token)
        if known is None:
            known = table[token] = _word(token, language, single)
        t, word_kind, verb = known
        if word_kind == "stop":
            continue
        if word_kind == "negator":
            scan.negated = True
            scope = NEGATION_SCOPE
        elif word_kind == "denial":
            scan.denial = True
        else:  # "term" or "flipped"
            is_flipped = word_kind == "flipped"
            scan.flipped |= is_flipped  # "tidak melanggar … tidak akan melanggar" flips once, not twice
            scan.found.add(t)
            part.add(t)
            if is_flipped or scope > 0:
                scan.polar.add(t)
            scope = max(scope - 1, 0)
            if verb:
                scan.verbs.add(t)
    scan.parts.append(frozenset(part))
    return scan


def make_statement(article: Article, start: int, end: int, kind: str, speaker: str | None, date: str | None,
                   source: str, cue: str | None = None) -> Statement | None:
    """A Statement for ``article.body[start:end]``, or None when it is too short or too long."""
    body = article.body
    text = body[start:end].strip(" ,;:\"“”'")
    if not text:
        return None
    start = body.find(text, start)
    end = start + len(text)
    # One pass of the tokenizer gives both the word count and the tokens: the words of _TOKEN are
    # exactly those of terms.words, the rest are the clause marks.
    tokens = _TOKEN.findall(text)
    if not MIN_WORDS <= len(tokens) - text.count(",") - text.count(";") - text.count(":") <= MAX_WORDS:
        return None
    # "Declined to comment" states nothing to check (on the mixed corpus two such statements of one story
    # corroborated each other).
    lowered_tokens = [t.casefold() for t in tokens]  # once, for the refusal test and the spoken numbers
    if _refuses_to_speak(lowered_tokens, article.language):
        return None
    entities = [e for e in article.entities if start <= e.start and e.end <= end]
    # Token start offsets are needed only to skip the words inside an entity.
    offsets = [start + m.start() for m in _TOKEN.finditer(text)] if entities else []
    covered = {i for e in entities for i in range(e.start, e.end)}
    language = article.language
    single, phrases = _denial_words(language)
    # "Moskow membantah bahwa …": reported speech whose cue is a denial denies its content.
    cue_denies = _cue_denies(cue, language)
    scan = _scan(tokens, offsets, covered, language, single)
    found, parts = scan.found, scan.parts
    lowered = text.casefold()
    denial = scan.denial or any(p in lowered for p in phrases)
    entity_keys = [terms.country_of(e.canonical) for e in entities if e.label in ("PLACE", "ORG", "PERSON")]
    found.update("@" + k for k in entity_keys)
    dates = [(d.start - start, d.end - start) for d in article.dates if start <= d.start < end]
    spans = quantities.number_spans(text, dates, language)
    spoken = quantities.number_words()
    counted = quantities.figures(text, spans, language) if spans or not spoken.keys().isdisjoint(
        lowered_tokens) else ()
    parts = [p for p in _with_entities(text, start, entities, parts) if p]
    return Statement(
        article_id=article.id, text=text, start=start, end=end, kind=kind, speaker=speaker,
        terms=frozenset(found), subject=_subject(text, start, entities), recipient=_recipient(text, start, entities),
        figures=counted,
        # "X menuduh …": reported speech whose cue accuses is an accusation, as a denying cue denies.
        accusation=bool(_accusation().search(lowered) or (cue and _accusation().match(cue.casefold()))),
        negated=scan.negated != scan.flipped, denial=denial or cue_denies, date=date, source=source,
        entities=frozenset(entity_keys),
        parts=tuple(parts) if len(parts) > 1 else (),
        verbs=None if article.language == "en" else frozenset(scan.verbs), polar=frozenset(scan.polar),
    )


@cache
def _refusals() -> tuple[frozenset[str], frozenset[str]]:
    """(refusal verbs, stems of what a refusal to speak refuses): report_verb_classes.tsv's "refusal" rows and
    refused_speech.txt."""
    verbs = frozenset(verb.casefold() for _, verb, classes in resources.rows("report_verb_classes.tsv")
                      if "refusal" in classes.split(","))
    refused = frozenset(terms.stem(w, lang) for w in resources.lines("refused_speech.txt") for lang in ("id", "en"))
    return verbs, refused


def _refuses_to_speak(lowered: list[str], language: str | None) -> bool:
    """Whether a statement (its tokens, case-folded) is a refusal to speak ("A spokesperson declined to comment",
    "enggan berkomentar soal itu", "declined to say when …"): what is refused is no claim. "Warga menolak
    pembangunan pabrik" is a refusal of something else, and a claim."""
    verbs, refused = _refusals()
    if verbs.isdisjoint(lowered):
        return False
    for n, token in enumerate(lowered):
        if token in verbs:
            following = [t for t in lowered[n + 1 : n + 4] if t not in ("to", "untuk")]
            return bool(following) and terms.stem(following[0], language) in refused
    return False


@cache
def _speech_words() -> frozenset[str]:
    """Cue verbs of speech ("menegaskan", "said"): who said it is the speaker, not the claim."""
    # "report" verbs (meminta, mengajak) introduce reported speech but are what a statement says.
    return frozenset(row[2].casefold() for row in resources.rows("quote_cues.tsv") if row[1] != "report")


_VERB_PREFIXES = ("me", "di", "ber", "ter")


def _is_verb(word: str, term: str) -> bool:
    """An Indonesian verb form: a verbal prefix on a word that stems to something shorter."""
    low = word.casefold()
    return low.startswith(_VERB_PREFIXES) and len(low) > 5 and terms.stem(low, "id") != low


_TOKEN = LETTER_WORD_OR_CLAUSE_MARK
_CLAUSE_MARK = re.compile(r"[,;:]")


WORD_TABLE_SIZE = 200_000  # words remembered per language; then the table starts again (a run's memory stays flat)
_WORD_TABLES: dict[tuple[str | None, frozenset[str]], dict[str, tuple[str, str, bool]]] = {}


def _word_table(language: str | None, denial_roots: frozenset[str]) -> dict[str, tuple[str, str, bool]]:
    """The words already classified (``_word``) for one language: a plain dict look-up per word of every
    statement, where an lru_cache of three arguments built and hashed a key tuple per word."""
    table = _WORD_TABLES.get((language, denial_roots))
    if table is None or len(table) >= WORD_TABLE_SIZE:
        table = _WORD_TABLES[(language, denial_roots)] = {}
    return table


def _word(word: str, language: str | None, denial_roots: frozenset[str]) -> tuple[str, str, bool]:
    """(term, kind, whether it is written as a verb) of one word: where the classification and the verb
    test were two calls each. English statements keep no verbs, so an English word is not stemmed again
    as Indonesian."""
    t, kind = _classify_word(word, language, denial_roots)
    return t, kind, kind in ("term", "flipped") and language != "en" and _is_verb(word, t)


def _classify_word(word: str, language: str | None, denial_roots: frozenset[str]) -> tuple[str, str]:
    """(term, kind) of one word: kind is "negator", "denial", "stop", "term" or "flipped".
    Not cached itself: _word, its only caller, is (one cache of the words, not two)."""
    word = word.casefold()
    if "-" in word:
        head, _, tail = word.partition("-")
        if tail.startswith(head[:4]):
            word = head  # reduplication: "batasan-batasan" is "batasan"
    if word in terms.negators():
        return word, "negator"
    if word in terms.stopwords() or word in _speech_words() or len(word) < 3:
        return word, "stop"
    root = terms.stem(word, language)
    if root in denial_roots:
        return root, "denial"
    if root in terms.stopwords():
        return root, "stop"
    t, flips = terms.term(word, language)
    return t, "flipped" if flips else "term"


def _with_entities(text: str, start: int, entities: list[Entity], parts: list[frozenset[str]]) -> list[frozenset[str]]:
    """Add to each clause's terms the entities written inside that clause."""
    bounds = [0] + [m.end() for m in _CLAUSE_MARK.finditer(text)] + [len(text) + 1]
    names: list[set[str]] = [set() for _ in parts]  # parts: one per clause, cut at the same marks by make_statement
    for e in entities:  # each entity into the one clause it starts in, rather than every clause over every entity
        names[bisect_right(bounds, e.start - start) - 1].add("@" + terms.country_of(e.canonical))
    return [part | found for part, found in zip(parts, names, strict=True)]


def _subject(text: str, start: int, entities: list[Entity]) -> str | None:
    """The entity a statement opens with (within its first words): roughly its subject."""
    opening = len(" ".join(text.split()[:SUBJECT_WORDS]))
    first = next((e for e in entities if e.start - start <= opening), None)
    return terms.country_of(first.canonical) if first else None


@cache
def _accusation() -> re.Pattern[str]:
    """Words that start with an accusation cue (resources/accusation_cues.txt), in lower-cased text."""
    return re.compile(rf"\b(?:{resources.alt(list(resources.lines('accusation_cues.txt')))})")


@cache
def _recipient_words() -> frozenset[str]:
    return frozenset(resources.lines("recipient_words.txt"))


def _recipient(text: str, start: int, entities: list[Entity]) -> str | None:
    """The first entity written right after a word of receiving ("ke", "kepada", "to")."""
    for e in entities:
        before = text[: e.start - start].split()
        if before and before[-1].casefold() in _recipient_words():
            return terms.country_of(e.canonical)
    return None


def _clauses(body: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split a span at ";" and before a trailing denial clause: (start, end, is_denial_clause)."""
    out: list[tuple[int, int, bool]] = []
    pieces = [(start, end)]
    semi = [m.end() for m in re.finditer(";", body[start:end])]
    if semi:
        bounds = [start, *[start + s for s in semi], end]
        pieces = list(zip(bounds, bounds[1:], strict=False))
    for s, e in pieces:
        m = _DENIAL_CLAUSE.search(body, s, e)
        if m:
            out += [(s, m.start(), False), (m.end(), e, True)]
        else:
            out.append((s, e, False))
    return out


def source_of(article: Article, representative: dict[str, str]) -> str:
    """What counts as one independent source: the outlet, or the article's copy group."""
    if article.outlet:
        return "outlet:" + name_key(article.outlet)
    return "article:" + representative.get(article.id, article.id)


@lru_cache(maxsize=65_536)
def _voice_key(name: str) -> str:
    """The key that counts a voice once: its name's key without initials and generational suffixes, so that
    "James P. Kennedy Jr." and "James Kennedy Jr." quoted by two outlets are one source, not two (on the mixed
    corpus three claims were corroborated by one lawyer or prosecutor written two ways)."""
    suffixes = {s.casefold() for s in GENERATIONAL_SUFFIXES}
    words = [w for w in name_key(name).split() if len(w) > 1 and w not in suffixes]
    return " ".join(words) or name_key(name)


def _credit(st: Statement, article: Article) -> None:
    """Set who states ``st``: its speaker; for an unattributed denial ("…, yang dibantah oleh Moskow")
    the first body it names, the denier; else the outlet itself. A named voice counts as one
    source wherever it is quoted; an outlet's own voice counts as that outlet (or copy group), which
    only the story knows (``statements_of`` fills them in)."""
    name = st.speaker
    if st.denial and (name is None or st.denies_previous):
        # A denial clause names its denier ("…, yang dibantah oleh Moskow"): the speaker of the
        # sentence it hangs on made the claim, not the denial.
        name = next((e.canonical for e in article.entities if st.start <= e.start and e.end <= st.end
                     and e.label in ("PERSON", "ORG", "PLACE")), name)
    if name:
        st.voice, st.independent, st.own_voice = name, "voice:" + _voice_key(name), False
    else:
        st.voice, st.independent, st.own_voice = "", "", True  # the article's voice: see statements_of


def article_statements(article: Article) -> list[Statement]:
    """Every statement of one article, in text order, without what only its story knows (the source
    of an outlet-less article is its copy group): made once per article, where it is annotated
    (``run.analyze`` carries them to the story pass), and kept on the article."""
    if article.statements is None:
        article.statements = _make_statements(article)
    found: list[Statement] = article.statements
    return found


def statements_of(article: Article, representative: dict[str, str] | None = None) -> list[Statement]:
    """Every statement of one article, in text order, credited to its sources within a story whose
    duplicate groups ``representative`` gives. The article's statements are updated in place: they
    belong to one story at a time."""
    source = source_of(article, representative or {})
    # Named here, not where the statements were made: a run renames a repeated id ("x~2") after that.
    own = article.outlet or article.id
    found = article_statements(article)
    for st in found:
        st.article_id, st.source = article.id, source
        if st.own_voice:
            st.voice, st.independent = own, source
    return found


def _denied_span(article: Article, start: int, end: int, cue: str | None,
                 sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """The span a reported content is read in: itself, or, when a denial cue reports it and it is too short to be
    a statement ("Rajawali Air membantah adanya keterlambatan perawatan", "The company has denied using substandard
    materials"), its whole sentence, so the denial is not lost with it. Only denials: a short content after
    "demanded" or "said" read with its sentence matched another voice's claim on the mixed corpus."""
    if len(_TOKEN.findall(article.body, start, end)) >= MIN_WORDS or not _cue_denies(cue, article.language):
        return start, end
    return next(((s, e) for s, e in sentences if s <= start and end <= e), (start, end))


def _make_statements(article: Article) -> list[Statement]:
    day = article_date(article)
    date = day.isoformat() if day else None
    spans: list[tuple[int, int, str, str | None, str | None]] = []
    quoted: list[tuple[int, int]] = []
    sentences = split_sentences(article.body)
    for q in article.quotes:
        quoted.append((q.start, q.end))
        if q.kind == "direct":
            spans += [(q.start + s, q.start + e, "quote", q.speaker, None) for s, e in split_sentences(q.text)]
        elif q.kind == "indirect":
            spans.append((*_denied_span(article, q.start, q.end, q.cue, sentences), "reported", q.speaker, q.cue))
    for s, e in sentences:
        if any(qs < e and s < qe for qs, qe in quoted):
            continue
        spans.append((s, e, "sentence", None, None))
    out: list[Statement] = []
    for s, e, kind, speaker, cue in sorted(spans, key=lambda span: span[:2]):
        previous: Statement | None = None
        for cs, ce, is_denial in _clauses(article.body, s, e):
            st = make_statement(article, cs, ce, kind, speaker, date, "", cue)
            if st is None:
                continue
            if is_denial and previous is not None:
                st.denial, st.denies_previous = True, True
            _credit(st, article)
            if len(st.terms - {"@" + e for e in st.entities}) >= MIN_CONTENT_TERMS or st.denial:
                out.append(st)
                previous = st
    return out
