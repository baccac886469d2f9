"""US census given names → ``resources/given_names.tsv``: English given names and their sex.

The entity recogniser is trained on Indonesian; in English text it misses people it has never
seen ("Australian comedian Celeste Barber posted …"), and a quotation's speaker then falls to
whoever else is named. A capitalised word pair opening with a common English given name is a
person's name (annotate/english_name_pieces.py); the sex the census gives a name helps "she"
find its person (annotate/genders.py).

Source: the 1990 US Census name frequency files (public domain, U.S. government work) as shipped
in the ``names`` package on PyPI (MIT): ``dist.female.first`` and ``dist.male.first``. Names that
are also ordinary English words ("Will", "Mark", "Rose", "Grant") are dropped: in a news sentence
"Grant Thornton" or "Rose Garden" is as often no person as one. The ordinary words are the
lower-case entries of Debian's ``wamerican`` word list (/usr/share/dict/words) and kliping's own
``common_words.txt``; names of fewer than three letters are dropped too.

    pip install names && apt-get install wamerican
    python scripts/build_given_names.py          # rewrites src/kliping/resources/given_names.tsv
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "kliping" / "resources" / "given_names.tsv"
DICT = Path("/usr/share/dict/words")
MIN_SHARE = 0.0  # percent of the census population: every listed name is kept
HEADER = """\
# English given names (1990 US Census, public domain, via the MIT-licensed `names` package) with
# the sex the census gives them: f, m or fm (both). Built by scripts/build_given_names.py — do not
# edit by hand. Names that are also ordinary English words are left out. Lower case.
# name<TAB>sex
"""


def _census(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def _ordinary_words() -> set[str]:
    words: set[str] = set()
    if DICT.exists():
        words |= {w.strip() for w in DICT.read_text(encoding="utf-8", errors="ignore").splitlines()
                  if w.strip().islower()}
    else:
        sys.exit(f"{DICT} is missing: apt-get install wamerican")
    common = REPO / "src" / "kliping" / "resources" / "common_words.txt"
    words |= {w for w in common.read_text(encoding="utf-8").split() if not w.startswith("#")}
    return words


def main() -> None:
    try:
        import names  # type: ignore[import-untyped]
    except ImportError:
        sys.exit("pip install names (the US census name files)")
    base = Path(names.__file__).parent
    female = _census(base / "dist.female.first")
    male = _census(base / "dist.male.first")
    ordinary = _ordinary_words()
    rows = []
    for name in sorted(set(female) | set(male)):
        if len(name) < 3 or name in ordinary or not name.isalpha():
            continue
        sex = "fm" if name in female and name in male else ("f" if name in female else "m")
        rows.append(f"{name}\t{sex}")
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names → {OUT}")


if __name__ == "__main__":
    main()
