from __future__ import annotations

from typing import Any

from kliping.clean import clean
from kliping.describe import describe, find_lead, outlet_from_domain
from kliping.model import Article, RawDocument


def _article(text: str, **raw_fields: Any) -> Article:
    raw = RawDocument(source="t.txt", id="t", text=text, format="text", headline_first=True,
                      **raw_fields)
    return describe(raw, clean(raw))


def test_describe_lead_in_outlet_and_dateline() -> None:
    assert find_lead("REPUBLIKA.CO.ID, MOSKOW -- Presiden berkata.") == ("Republika", "Moskow", None)
    assert find_lead("JAKARTA, KOMPAS.com - Harga naik.") == ("Kompas.com", "Jakarta", None)
    assert find_lead("JURNAL SOREANG - Pemimpin Rusia berkata.") == ("Jurnal Soreang", None, None)
    assert find_lead("KUALA LUMPUR - Polisi menangkap.") == (None, "Kuala Lumpur", None)
    assert find_lead("Hanoi: Presiden Rusia berkata.") == (None, "Hanoi", None)
    assert find_lead("Jakarta (ANTARA) - Menteri berkata.") == (None, "Jakarta", "ANTARA")
    assert find_lead("Putin: Rusia siap bekerja sama.") == (None, None, None)


def test_describe_lead_in_of_other_outlet_styles() -> None:
    assert find_lead("Suara.com - Presiden berkata.") == ("Suara.com", None, None)
    assert find_lead("jpnn.com, JAKARTA - Harga naik.") == ("JPNN.com", "Jakarta", None)
    assert find_lead("Jakarta, CNN Indonesia -- Pemerintah.") == ("CNN Indonesia", "Jakarta", None)
    assert find_lead("TEMPO.CO, Jakarta - Menteri.") == ("Tempo.co", "Jakarta", None)
    assert find_lead("VIVA – Pemerintah menyatakan.") == ("VIVA", None, None)
    assert find_lead("NEW YORK (AP) — The mayor said.") == (None, "New York", "AP")


def test_describe_published_with_indonesian_time_zones() -> None:
    cases = {
        "Kamis, 14 September 2023 - 20:22 WIB": "2023-09-14T20:22:00+07:00",
        "23 September 2023, 17:02 WITA": "2023-09-23T17:02:00+08:00",
        "Senin, 2 Okt 2023 09:15 WIT": "2023-10-02T09:15:00+09:00",
    }
    for line, expected in cases.items():
        article = _article(f"Judul\n{line}\nJakarta - Isi berita yang cukup panjang di sini.")
        assert (article.published, article.published_source) == (expected, "byline"), line


def test_describe_published_without_zone_is_jakarta_time_for_indonesian() -> None:
    article = _article("Judul\nFajar Nugraha • 21 June 2024 14:29\n"
                       "Hanoi: Presiden Rusia mengatakan bahwa kerja sama akan berlanjut.")
    assert article.published == "2024-06-21T14:29:00+07:00"
    assert article.authors == ["Fajar Nugraha"]


def test_describe_published_inferred_from_body_weekday_date() -> None:
    article = _article("Judul\nPresiden mengatakan pada Rabu (13/9/2023) bahwa rapat ditunda.")
    assert (article.published, article.published_source) == ("2023-09-13", "text")


def test_describe_crawler_date_header_is_the_publication_date_and_its_rest_the_lead() -> None:
    # " date YYYY-MM-DD <first text>": the date is the page's; a sentence after it stays in the body.
    article = _article(" date 2021-04-07 Surabaya: Harga cabai naik tajam menjelang bulan puasa, kata pedagang\n\n"
                       "Pedagang di pasar induk mengatakan pasokan berkurang sejak Senin.")
    assert (article.published, article.published_source) == ("2021-04-07", "byline")
    assert article.title is None
    assert article.dateline == "Surabaya"
    assert article.body.startswith("Surabaya: Harga cabai naik")
    # A month alone is furniture too; the page then shows no day, and the body's dated day is inferred.
    article = _article(" date 2019-03 Kapolres mengatakan jalan ditutup sejak Senin 4 Maret 2019 karena longsor.")
    assert ("date 2019-03", "date line") in [(r.text, r.reason) for r in article.removed]
    assert (article.published, article.published_source) == ("2019-03-04", "text")
    assert article.body.startswith("Kapolres mengatakan")


def test_describe_lead_in_of_a_hyphenated_web_name() -> None:
    # Regional outlets of one network write their web names with a hyphen (made-up names).
    assert find_lead("KABAR-TIMUR.COM, AMBON - Warga mengungsi.") == ("Kabar-Timur", "Ambon", None)
    assert find_lead("Go - Jek menaikkan tarif.") == (None, None, None)


def test_describe_container_metadata_wins() -> None:
    article = _article("Judul\nIsi berita yang cukup panjang.", published="2023-09-14T20:22:00",
                       published_source="html", outlet="Kompas.com", authors=["Ani Rahma"])
    assert article.published == "2023-09-14T20:22:00+07:00"
    assert article.outlet == "Kompas.com"
    assert article.authors == ["Ani Rahma"]


def test_describe_wire_sources_from_cues_and_source_lines() -> None:
    article = _article(
        "Judul\nSeperti dilansir Reuters dan AFP, Sabtu (16/9/2023), pernyataan itu keluar.\n"
        "Hal itu disampaikan, dikutip dari kantor berita Yonhap.\n"
        "Menurut Putin, kerja sama akan berlanjut, mengutip Putin.\nSumber: ANTARA")
    assert article.wire_sources == ["Reuters", "AFP", "Yonhap", "ANTARA"]


def test_describe_authors_from_byline_labels_and_initials() -> None:
    article = _article("Judul\nRep: Dwina Agustin Red: Esthi Maharani\n"
                       "Jakarta - Isi berita cukup panjang.\n(ian/ahm)")
    assert article.authors == ["Dwina Agustin", "Esthi Maharani", "ian", "ahm"]


def test_describe_byline_naming_the_outlet_is_not_an_author() -> None:
    article = _article("Judul\nLaporan Wartawan Tribunnews.com, Ilham Rian Pratama\n"
                       "TRIBUNNEWS.COM, JAKARTA - Isi berita cukup panjang.\n"
                       "Artikel ini telah tayang di Kompas.com dengan judul \"Harga Naik\"")
    assert article.authors == ["Ilham Rian Pratama"]
    assert (article.outlet, article.dateline) == ("Tribunnews.com", "Jakarta")
    assert article.wire_sources == ["Kompas.com"]


def test_describe_outlet_from_url_domain() -> None:
    assert outlet_from_domain("internasional.republika.co.id") == "Republika"
    assert outlet_from_domain("www.example-news.org") == "example-news.org"
    article = _article("Judul\nIsi berita yang cukup panjang.",
                       url="https://news.detik.com/berita/d-1/x")
    assert article.outlet == "detikcom"


def test_describe_language() -> None:
    assert _article("Judul\nPresiden mengatakan pemerintah akan menaikkan anggaran.").language \
        == "id"
    assert _article("Title\nThe president said the government would raise the budget.").language \
        == "en"


def test_describe_agency_credited_as_author_is_a_wire_source() -> None:
    article = _article("Title\nThe minister said the talks would resume next week.",
                       authors=["Reuters", "Jane Doe"])
    assert article.authors == ["Jane Doe"]
    assert article.wire_sources == ["Reuters"]


def test_describe_byline_time_beats_day_only_container_date() -> None:
    article = _article("Judul\nKamis, 14 September 2023 - 20:22 WIB\nJakarta - Isi berita panjang.",
                       published="2023-09-14", published_source="html")
    assert (article.published, article.published_source) == ("2023-09-14T20:22:00+07:00", "byline")


def test_describe_name_dash_outlet_byline() -> None:
    article = _article("Judul\nAndi Saputra - detikNews\nSenin, 02 Okt 2023 10:15 WIB\n"
                       "Semarang - Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah.")
    assert article.authors == ["Andi Saputra"]
    assert [r.reason for r in article.removed] == ["headline", "byline", "date line"]
    assert (article.dateline, article.published) == ("Semarang", "2023-10-02T10:15:00+07:00")


def test_an_outlet_given_by_the_input_takes_its_known_spelling() -> None:
    # JSON lines say "cnn indonesia", a page's og:site_name "CNN Indonesia": one outlet, one name.
    for given in ("cnn indonesia", "CNN INDONESIA", " CNN Indonesia"):
        raw = RawDocument(source="x.jsonl", id="x", text="Isi berita.", format="jsonl", outlet=given)
        assert describe(raw, clean(raw)).outlet == "CNN Indonesia"
    raw = RawDocument(source="x.jsonl", id="x", text="Isi berita.", format="jsonl", outlet="Warta Desa")
    assert describe(raw, clean(raw)).outlet == "Warta Desa"  # unknown: as given
