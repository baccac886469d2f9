"""Page furniture of real scraped pages (issue 11) that its own words do not give away, or that the
patterns missed: font-size menus, skip links, archive labels, feedback boxes, bulleted link lists,
captions printed twice, tags between furniture, a topic label over the headline. Every line here is
made up for the test; only the shapes are the pages'."""

from __future__ import annotations

import pytest
from conftest import E1, E2, E3, P1, P2, P3

from kliping.clean import clean
from kliping.model import RawDocument

HEADLINE = "Wali Kota Sukamaju Perbaiki Jalan Pusat Kota Sebelum Musim Hujan Tiba"


def _page(lines: list[str], *, language: str = "id", first: bool = False) -> tuple[dict[str, str], str, str | None]:
    raw = RawDocument(source="t.txt", id="t", text="\n".join(lines), format="text", language=language,
                      headline_first=first)
    cleaned = clean(raw)
    return {r.text: r.reason for r in cleaned.removed}, cleaned.body, cleaned.title


def _body_kept(body: str, *paragraphs: str) -> bool:
    return all(p in body.split("\n\n") for p in paragraphs)


@pytest.mark.parametrize("line", [
    "Font: Ukuran: - +", "Ukuran: - +", "Text Sizes",
    "Baca juga,: Perbaikan Jalan Pusat Kota Sukamaju Selesai Sebelum Musim Hujan",
    "Kota berduka atas musibah itu (Diambil dari akun Instagram Pemkot Sukamaju)",
    "Wali Kota Budi meninjau jalan yang rusak di pusat kota, Senin (3/4/2023). | KABARKITA.CO/Rina Puspita",
])
def test_indonesian_furniture_lines_go(line: str) -> None:
    removed, body, _ = _page([P1, line, P2, P3])
    assert line in removed
    assert _body_kept(body, P1, P2, P3)


@pytest.mark.parametrize("line", [
    "This article is more than 3 years old",
    "Floodwater reaches the old mill in Millbrook – video",
    "A long night on the river – in pictures",
    "Share your thoughts, ideas and any problems you've found on The Daily Planet. We read every note.",
    "Thank you for sharing your thoughts. We appreciate your feedback.",
])
def test_english_furniture_lines_go(line: str) -> None:
    removed, body, _ = _page([E1, line, E2, E3], language="en")
    assert line in removed
    assert _body_kept(body, E1, E2, E3)


def test_glued_skip_links_are_not_the_headline() -> None:
    removed, body, title = _page(["Skip to main contentSkip to navigation", "Millbrook to repair its river bridge",
                                  E1, E2, E3], language="en", first=True)
    assert removed["Skip to main contentSkip to navigation"] == "menu"
    assert title == "Millbrook to repair its river bridge"
    assert _body_kept(body, E1, E2, E3)


def test_a_font_size_menu_and_a_tag_between_furniture_go() -> None:
    lines = [HEADLINE, "Penulis: Rina Puspita", "AA", "Text Sizes", "Medium", "Large", "Larger",
             "Foto: Dok. Pemkot Sukamaju", P1, P2, P3]
    removed, body, _ = _page(lines, first=True)
    assert all(removed.get(x) == "menu" for x in ("Medium", "Large", "Larger"))
    assert _body_kept(body, P1, P2, P3)
    lines = ["Bridge repairs begin", "Jane Roe • 09 August 2018 19:58 WIB", "infrastructure", "National",
             "Illustration (Photo: Kabar/Jane Roe)", E1, E2, E3]
    removed, body, _ = _page(lines, language="en", first=True)
    assert removed.get("infrastructure") == "menu" and removed.get("National") == "menu"
    assert _body_kept(body, E1, E2, E3)


def test_a_short_subheading_between_paragraphs_stays() -> None:
    removed, body, _ = _page([P1, "Warga Mengeluh", P2, "Baca juga: Harga Cabai Naik Lagi", "Jalan Alternatif", P3])
    assert "Warga Mengeluh" in body and "Jalan Alternatif" in body


def test_a_bulleted_link_list_goes_even_where_it_shares_the_article_words() -> None:
    links = ["- Wali Kota Budi Resmikan Pasar Baru di Sukamaju",
             "- Perbaikan Jalan Sukamaju Telan Rp 12 Miliar, Ini Rinciannya",
             "- Warga Sukamaju Pernah Protes, Tetapi Setelah Itu..", "- Budi: Jalan Rusak Bukan Salah Warga?"]
    removed, body, _ = _page([P1, P2, P3, "BERITA TERKAIT", *links])
    assert all(removed.get(x) == "related" for x in links)
    assert _body_kept(body, P1, P2, P3)


def test_a_bulleted_headline_printed_twice_is_a_link() -> None:
    link = "• Begini Kondisi Gua Tempat Warga Sukamaju Bersembunyi Selama 3 Hari"
    removed, body, _ = _page([P1, link, P2, link, P3])
    assert removed.get(link) == "related"
    assert body.split("\n\n") == [P1, P2, P3]


def test_a_footer_list_of_links_goes_to_its_last_line() -> None:
    a = "Menteri Perhubungan Resmikan Terminal Baru di Kota Lembah Hijau"
    b = "Di Forum Asia Pasifik, Menteri Bahas Ketahanan Pangan hingga Perubahan Iklim"
    removed, body, _ = _page([P1, P2, P3, "Terkini Lainnya", a, a, "Nasional", b])
    assert removed.get(a) == "related" and removed.get(b) == "related"
    assert _body_kept(body, P1, P2, P3)
    # a sentence cut short by the page's end, after a paragraph, stays
    cut = "Sementara itu, Kepala Dinas Perhubungan Kota Sukamaju Andi Wijaya menyebut"
    removed, body, _ = _page([P1, P2, "Nasional", P3, cut])
    assert cut in body


def test_a_caption_printed_bare_then_with_its_credit_goes_twice() -> None:
    bare = "Residents clear mud from a school hall after the river burst its banks in Millbrook."
    credited = bare + " Photograph: Jane Roe/Kabar Images"
    removed, body, _ = _page([E1, E2, bare, credited, E3], language="en")
    assert bare in removed and credited in removed
    assert _body_kept(body, E1, E2, E3)


def test_an_image_title_over_its_caption_goes() -> None:
    lines = ["Millbrook bridge to close for repairs: Council", "Millbrook bridge to close for repairs: Council",
             "Millbrook bridge closure", "The river bridge in Millbrook on Sep 29, 2023. (Photo: AP/Jane Roe)",
             E1, E2, E3]
    removed, body, title = _page(lines, language="en", first=True)
    assert removed.get("Millbrook bridge closure") == "menu"
    assert _body_kept(body, E1, E2, E3)


def test_an_award_banner_with_a_year_at_the_page_end_goes() -> None:
    removed, body, _ = _page([P1, P2, P3, "Anugerah Jurnalis Daerah 2026", "Baca kisah para nominasi di sini"])
    assert removed.get("Anugerah Jurnalis Daerah 2026") == "menu"
    assert _body_kept(body, P1, P2, P3)


def test_stars_closing_the_page_go_but_underscores_before_a_credit_stay() -> None:
    removed, body, _ = _page([P1, P2, P3, "****", "RP"])
    assert removed.get("****") == "menu"
    assert _body_kept(body, P1, P2, P3)
    removed, body, _ = _page([P1, "***", P2, P3])
    assert "***" in body  # a section break inside the article stays


def test_a_writer_and_outlet_beside_the_date_goes() -> None:
    lines = [HEADLINE, "Rina Puspita, kabar sukamaju", "Rabu, 25 November 2020", P1, P2, P3]
    removed, body, _ = _page(lines, first=True)
    assert removed.get("Rina Puspita, kabar sukamaju") == "byline"
    assert _body_kept(body, P1, P2, P3)


def test_a_topic_label_over_the_headline_is_not_the_headline() -> None:
    removed, body, title = _page(["Banjir Sukamaju", HEADLINE, P1, P2, P3], first=True)
    assert title == HEADLINE and removed.get("Banjir Sukamaju") == "menu"
    assert _body_kept(body, P1, P2, P3)
    # a headline ending with "!" under a label
    shout = "Kepala Desa Sukamaju: Untung Kami Sempat Mengungsi ke Bukit, Kalau Tidak, Habis!"
    removed, body, title = _page(["Banjir Sukamaju", shout, P1, P2], first=True)
    assert title == shout
    # a short headline over its lead, or over a deck in sentence case, stays the headline
    removed, body, title = _page(["Jalan Sukamaju Diperbaiki", P1, P2], first=True)
    assert title == "Jalan Sukamaju Diperbaiki" and _body_kept(body, P1, P2)
    deck = "Officials warn the bridge may stay shut for longer if the spring floods come early this year"
    removed, body, title = _page(["Millbrook bridge to close", deck, E1, E2], language="en", first=True)
    assert title == "Millbrook bridge to close"


def test_a_headline_left_in_the_body_and_restated_as_a_caption_is_a_repeat() -> None:
    restated = HEADLINE + "."
    removed, body, _ = _page([HEADLINE, P1, restated, P2, P3])
    assert removed.get(restated) == "repeated headline"
    # the signature under each embedded post stays: the article quotes both posts
    sign = "— Pemkot Sukamaju (@pemkotsukamaju) April 3, 2023"
    removed, body, _ = _page([P1, "Jalan ditutup mulai pagi ini.", sign, P2, "Jalur bus dialihkan.", sign, P3])
    assert body.count(sign) == 2
