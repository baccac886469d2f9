"""author_labels.tsv and credit_roles.txt are the only lists of their kind: every entry is
recognised by every stage that reads bylines, so a word added to a list needs no code copy."""

from __future__ import annotations

import pytest

from kliping import resources
from kliping.clean import classify, clean
from kliping.clean_furniture import furniture
from kliping.describe import find_authors
from kliping.model import RawDocument, RemovedLine
from kliping.read.html import _authors

LABELS = resources.rows("author_labels.tsv")
ROLES = resources.lines("credit_roles.txt")


@pytest.mark.parametrize("row", LABELS, ids=lambda row: row[0])
def test_every_author_label_is_read_by_describe_html_and_furniture(row: tuple[str, ...]) -> None:
    label = row[0].capitalize()
    raw = RawDocument(source="t.txt", id="t", text="Isi berita.", format="text")
    byline = f"{label}: Rina Puspita"
    assert find_authors(raw, [RemovedLine(byline, "byline")], None) == ["Rina Puspita"]
    assert _authors([byline], None) == ["Rina Puspita"]
    assert furniture(f"{label} | Rina Puspita") == "byline"
    # Only a label marked "alone" is stripped from a meta value without a colon.
    alone = row[1:] == ("alone",)
    assert _authors([f"{label} Rina Puspita"], None) == (["Rina Puspita"] if alone else [f"{label} Rina Puspita"])


@pytest.mark.parametrize("role", ROLES)
def test_every_credit_role_is_read_by_furniture_and_by_names_beside_a_role(role: str) -> None:
    label = role.capitalize()
    assert furniture(f"{label} | Rina Puspita") == "byline"
    if classify(label) != "menu":
        return  # a role alone on its line is not always menu-like; the name rule needs one that is
    text = "\n".join([
        "Warga Desa Sukamaju Menanam Pohon",
        "Warga Desa Sukamaju menanam seribu pohon pada Minggu pagi bersama para pelajar setempat.",
        label,
        "Rina Puspita",
        "Kegiatan itu berlangsung hingga siang hari dan diikuti oleh ratusan orang dari tiga desa.",
    ])
    cleaned = clean(RawDocument(source="t.txt", id="t", text=text, format="text", headline_first=True))
    assert ("Rina Puspita", "byline") in {(x.text, x.reason) for x in cleaned.removed}


def test_a_name_that_begins_with_a_colon_label_keeps_its_first_word_in_meta() -> None:
    assert _authors(["Red Smith", "Rep. Dewi Lestari"], None) == ["Red Smith", "Rep. Dewi Lestari"]
