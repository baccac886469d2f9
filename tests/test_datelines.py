"""The one dateline recogniser (kliping/datelines.py) and what each stage makes of it."""

from __future__ import annotations

import pytest

from kliping import datelines
from kliping.clean import clean
from kliping.describe import describe
from kliping.model import RawDocument
from kliping.pipeline import annotate


@pytest.mark.parametrize(("text", "place", "outlet", "wire"), [
    ("JAKARTA, KOMPAS.com – Harga beras naik.", "JAKARTA", "KOMPAS.com", None),
    ("REPUBLIKA.CO.ID, MOSKOW -- Harga minyak turun.", "MOSKOW", "REPUBLIKA.CO.ID", None),
    ("Jakarta, Warta Kita - - Calon presiden itu berkata.", "Jakarta", "Warta Kita", None),
    ("Bandung (Kabar Kita) - Dinas Kebakaran mengimbau warga.", "Bandung", None, "Kabar Kita"),
    ("Tribunwarta - Seorang pedagang ditemukan.", None, "Tribunwarta", None),
    ("kabarku.co.id - Seorang pedagang ditemukan.", None, "kabarku.co.id", None),
    ("SPANYOL – Barcelona menang.", "SPANYOL", None, None),
    ("Hanoi: Presiden itu tiba.", "Hanoi", None, None),
    ("SPRINGFIELD, Ill. — Teachers marched on Monday.", "SPRINGFIELD", None, None),
    ("Lakeview – Several thousand teachers marched.", "Lakeview", None, None),
    # a wire's dateline holds the day between the place and the wire
    ("LAGOS, May 25 (Wirenews) -- A state governor confirmed the attack.", "LAGOS", None, "Wirenews"),
    ("Jakarta, Nov. 5 (Wirenews) - Teachers marched.", "Jakarta", None, "Wirenews"),
])
def test_datelines_name_place_outlet_and_wire(text: str, place: str | None, outlet: str | None,
                                              wire: str | None) -> None:
    lead = datelines.lead_in(text)
    assert lead is not None
    assert (lead.place, lead.outlet, lead.wire) == (place, outlet, wire)
    assert text[lead.end:][:1].isupper()  # the sentence starts after the dash and its spaces


@pytest.mark.parametrize("text", [
    "Go - Jek meluncurkan layanan baru.",  # a detokenised hyphen inside a name
    "Kevin - Prince Boateng menjalani tes medis.",
    "Putin: Rusia tidak melanggar sanksi",  # a headline's speaker and colon
    "PENGANTAR: Tanggal ini dua puluh tahun lalu …",
    "Budi, Ketua RT - RW, mengatakan warga siap.",
    "Two hostages — an American and an Australian — were freed.",
    "Budi, Mei 25 (kiper) - menang.",  # no place before the day
    "Why — especially — does it happen?",
])
def test_datelines_not_a_dateline(text: str) -> None:
    assert datelines.lead_in(text) is None
    assert datelines.lead_end(text) == 0


def _article(text: str):
    raw = RawDocument(id="a", source="t.txt", text=text, format="text")
    return describe(raw, clean(raw))


def test_describe_takes_place_and_outlet_from_the_dateline() -> None:
    article = _article("Harga beras naik lagi\n\nBUFFALO, N.Y. — Harga beras naik lagi pekan ini, kata pedagang.")
    assert article.dateline == "Buffalo"
    article = _article("Harga beras naik lagi\n\nTribunwarta - Harga beras naik lagi pekan ini, kata pedagang.")
    assert (article.dateline, article.outlet) == (None, "Tribunwarta")


def test_a_speaker_is_found_after_the_dateline_not_in_it() -> None:
    cases = {
        "Tribunwarta - Komite Olahraga Nasional (KON) menyatakan tim nasional akan ikut serta dalam "
        "kejuaraan itu.": "Komite Olahraga Nasional",
        "Bandung (Kabar Kita) - Kementerian Kelautan dan Perikanan meminta tarif bea masuk produk "
        "perikanan diturunkan.": "Kementerian Kelautan dan Perikanan",
    }
    for body, speaker in cases.items():
        raw = RawDocument(id="a", source="t.txt", text=body, title="Tim nasional ikut kejuaraan Asia", format="text")
        assert [q.speaker for q in annotate(describe(raw, clean(raw))).quotes] == [speaker]


def test_a_dateline_is_read_within_reach_only() -> None:
    # Hostile text may open with a megabyte of one word; the speaker finders ask once per verb.
    assert datelines.lead_end("x" * 1_000_000 + " - Budi berkata.") == 0
    assert datelines.lead_in("ab JAKARTA, KOMPAS.com – Budi", 3) == datelines.LeadIn(25, "JAKARTA", "KOMPAS.com", None)
    long_place = "Kota " + "Panjang " * 12  # a "dateline" past REACH is none
    assert datelines.lead_in(long_place.strip() + " - Budi berkata.") is None
