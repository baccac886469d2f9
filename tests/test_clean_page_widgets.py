"""Page furniture seen on Indonesian and English news pages as scraped text, written for the test
(made-up names, outlets and headlines; only the shapes are the pages'): widgets' labels, icons'
class names, credits, and the round-up's numbered items and a video page's headline that must stay."""

from __future__ import annotations

import pytest
from conftest import P1, P2, P3

from kliping.clean import classify, clean
from kliping.model import RawDocument


def _page(lines: list[str], **kw: object) -> tuple[dict[str, str], str, str | None]:
    raw = RawDocument(source="t.html", id="t", text="\n".join(lines), format="html", language="id", **kw)  # type: ignore[arg-type]
    cleaned = clean(raw)
    return {r.text: r.reason for r in cleaned.removed}, cleaned.body, cleaned.title


@pytest.mark.parametrize("line", [
    # icons' class names printed as text, and a zoom control
    "copy-link-circle", "sosmed-telegram-white", "zoom-in-whitePerbesar", "Perbesar", "image-gnews",
    # a picture's alternative text; a log-in box; a search box; a submission link
    "Image of Kabarkita", "Lupa Kata Sandi? Klik di Sini", "atau Masuk melalui",
    "Belum Memiliki Akun Daftar di Sini", "Tidak Ada Hasil", "Lihat Semua Hasil", "Kirim Tulisan",
    # a label framed by dashes, a caption closed by a bar, a breadcrumb whose separators were icons
    "- Advertisement -", "Ilustrasi sawit (SHUTTERSTOCK) |", "Home Hiburan Film",
    # credits: the photographer's city in brackets, a social account, the headline as an illustration's label
    "- KABARKITA.co.id/Rina Puspita (Bandung)", "Dewi Lestari (Instagram @dewilestari.id)",
    "Ilustrasi - Lima Cara Mudah Menghemat Listrik di Rumah, Lengkap dengan Daftar Alat yang Boros Daya",
    # the writer's name around "oleh", a copied-link notice, a sidebar's view counter, a pointer elsewhere
    "Bayu Aji Pratama oleh Bayu Aji Pratama", "Link copied to clipboard", "2024-05-03 09:55 493 view",
    "Simak wawancara selengkapnya bersama Wali Kota Sukamaju di kanal Kabar TV.",
    # a caption left in a table's cell, a reporter's code in brackets
    "Bupati Sukabar meninjau lokasi banjir di Desa Cempaka |", "(Bdi4)",
    # a reaction box, WordPress's comment form and its spam notice, an empty comment list
    "What's Your Reaction?", "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    "Silakan masukkan komentar anda!", "Silakan masukkan nama Anda di sini",
    "This story has no comments yet.",
    # a rating widget, Google's ad label and its script
    "0 0 votes", "Article Rating", "Ads by Google Ads by Google", "(adsbygoogle = window.adsbygoogle || []).push({});",
    # a writer and translator
    "By Ann Roe- Translated by Budi Santoso",
    # a follow prompt and a video label
    "Ikuti Kabarkita.co.id untuk mendapatkan berita terbaru.", "Video viral hari ini:",
])
def test_widgets_and_credits_between_paragraphs_go(line: str) -> None:
    removed, body, _ = _page([P1, line, P2, P3])
    assert line in removed
    assert all(p in body for p in (P1, P2, P3))


def test_an_editors_code_after_a_quotation_keeps_the_paragraph() -> None:
    # "(Nic/X-6)" signs the paragraph; it is not a photo credit that makes the paragraph a caption
    line = "“Kami akan menertibkan semua spanduk itu pekan depan,” ujar Budi. (Nic/X-6)"
    removed, body, _ = _page([P1, P2, line, P3])
    assert line in body and line not in removed
    # a credit in brackets still makes a caption
    caption = "Ribuan warga berunjuk rasa di depan balai kota pada Kamis (29/8/2024). (Kabar Times/Rina Puspita)"
    removed, _, _ = _page([P1, caption, P2, P3])
    assert removed.get(caption) == "caption"


def test_a_round_ups_numbered_items_stay() -> None:
    # title-cased, words the rest of the article does not use: but numbered, so the article's own list
    items = ["1. Pedagang Pasar Lama Keluhkan Sepinya Pembeli Jelang Lebaran",
             "2. Harga Cabai Rawit Melonjak Dua Kali Lipat dalam Sepekan"]
    removed, body, _ = _page([P1, items[0], P2, items[1], P3])
    assert all(item in body and item not in removed for item in items)


def test_a_video_pages_labelled_headline_is_the_headline() -> None:
    title = "VIDEO: Ribuan Warga Sukamaju Padati Alun-alun Saat Malam Takbiran"
    raw = RawDocument(source="t.txt", id="t", text="\n".join([title, P1, P2]), format="text", headline_first=True)
    cleaned = clean(raw)
    assert cleaned.title == title
    assert [r.reason for r in cleaned.removed] == ["headline"]
    # between paragraphs the same label opens a link to another page
    removed, _, _ = _page([P1, P2, "Video: Warga Sukamaju Gelar Pawai Obor Keliling Kota", P3])
    assert removed.get("Video: Warga Sukamaju Gelar Pawai Obor Keliling Kota") == "related"


@pytest.mark.parametrize(("line", "reason"), [
    ("Bayu Aji Pratama oleh Bayu Aji Pratama", "byline"),
    ("Ilustrasi - Lima Cara Mudah Menghemat Listrik di Rumah, Lengkap dengan Daftar Alat yang Boros Daya",
     "photo credit"),
])
def test_lines_known_by_their_own_shape(line: str, reason: str) -> None:
    # known wherever they stand, not only as a title-cased line the article's words do not share
    assert classify(line) == reason


def test_a_table_row_of_the_text_stays() -> None:
    # a page set as a table: its rows open with a bar too, and are the text
    row = "| Warga Sukamaju menolak rencana pembangunan pabrik semen di dekat sawah mereka. |"
    _, body, _ = _page([P1, row, P2, P3])
    assert row in body
