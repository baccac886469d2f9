"""The project's word tokenizers, one place for all of them: what counts as a word for each use.

Every stage that splits text into words takes its pattern from here, so two stages that mean the same word
use the same rule. The kinds differ on purpose (each comment says for what); one per purpose, no copies.
The named-entity recogniser's token layer (annotate/ner.py ``tokenize``: numbers with separators, words,
punctuation marks) is the other, finer tokenizer: the model was trained on it.
"""

from __future__ import annotations

import re

# Any run of letters and digits (Unicode \w): near-duplicate shingles, search terms (the FTS5 unicode61
# tokenizer splits the same way), token overlap in evaluation.
WORD = re.compile(r"\w+")

# Letters only, hyphenated compounds kept whole ("pasca-gempa", "anti-korupsi"): the terms claims and events
# compare, stemmed in corpus/terms.py. Digits are not terms: numbers are compared as numbers.
LETTER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

# The same words and the clause marks a statement is split at (corpus/statements.py): one pass gives both.
LETTER_WORD_OR_CLAUSE_MARK = re.compile(rf"{LETTER_WORD.pattern}|[,;:]")

# A content word of three or more characters that starts with a letter ("G20" counts, "17" and "di" do not):
# the title and lead words story clustering keys on (corpus/features.py).
KEY_WORD = re.compile(r"[^\W\d_][^\W_]{2,}")

# A word with its inner joiners ("kata-kata", "don't", "Ma’ruf"): the words summary sentences are compared by,
# and the words annotation reads one at a time (a speech verb after a name, a description's content words).
JOINED_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

# A word with its abbreviation dots ("Gov.", "S.", "U.S.", "Ma’ruf"): the words names and the titles before them
# are compared by (annotate/entities.py, annotate/speakers.py).
DOTTED_WORD = re.compile(r"[\w'’.]+")
