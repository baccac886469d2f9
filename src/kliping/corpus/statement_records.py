"""An article's statements ↔ bytes: how the read pass hands them to the story pass.

A run makes each article's statements where it annotates it (``run.analyze``'s workers) and the
story pass, in another process and often much later, reads them back instead of making them again
(reading is about a quarter of the cost of making). Only what the article alone decides is kept: the
text is the body's span, and the source of an outlet-less article is its copy group, which only the
story knows (``statements.statements_of`` fills it in).

marshal, not pickle: the values are plain (str, int, float, bool, None, tuples, frozensets), it is
faster to read, and loading it runs no code. Format version 4 reads the same on every Python ≥ 3.4
of a cluster.
"""

from __future__ import annotations

import marshal

from kliping.corpus.statements import Statement
from kliping.model import Article

_FORMAT = 4


def pack(statements: list[Statement]) -> bytes:
    """The bytes of one article's statements (``statements.article_statements``)."""
    date = statements[0].date if statements else None
    rows = [(s.start, s.end, s.kind, s.speaker, s.terms, s.subject, s.negated, s.denial,
             s.denies_previous, s.entities, s.parts, s.verbs, s.polar, s.voice, s.independent, s.own_voice,
             s.accusation, s.figures, s.recipient) for s in statements]
    return marshal.dumps((date, rows), _FORMAT)


def unpack(data: bytes, article: Article) -> list[Statement]:
    """``article``'s statements from ``pack``'s bytes, kept on the article as if made here."""
    date, rows = marshal.loads(data)
    body, article_id = article.body, article.id
    article.statements = [
        Statement(article_id, body[start:end], start, end, kind, speaker, terms, subject, negated, denial, date, "",
                  *rest)
        for start, end, kind, speaker, terms, subject, negated, denial, *rest in rows]
    return article.statements
