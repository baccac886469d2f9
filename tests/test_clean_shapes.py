"""Page furniture by shape, as news pages print it across outlets (issue 11's "Headline and page
furniture" classes), and the body sentences that look like it but stay. Every line here is written
for the test: names, outlets and headlines are made up; only the shapes are the pages'."""

from __future__ import annotations

import pytest

from kliping.clean import classify, clean
from kliping.model import RawDocument

P1 = "Polisi menyebut jumlah korban banjir bandang di kabupaten itu terus bertambah sejak Senin pagi."
P2 = "Kepala BPBD setempat mengatakan tim gabungan masih menyisir sungai untuk mencari warga yang hilang."
P3 = "Menurut dia, cuaca buruk membuat proses pencarian berjalan lambat dan berbahaya bagi relawan."


def _raw(text: str) -> RawDocument:
    return RawDocument(source="t.txt", id="t", text=text, format="text", headline_first=True)


def _between_paragraphs(line: str) -> str | None:
    """The reason ``line`` goes when a page prints it between two paragraphs, or None if it stays."""
    text = f"Korban Banjir Bandang Bertambah\n{P1}\n{P2}\n{line}\n{P3}"
    cleaned = clean(_raw(text))
    return next((r.reason for r in cleaned.removed if r.text == line.strip()), None)


@pytest.mark.parametrize("line", [
    # controls beside an article: audio, gift, save, zoom, a player's clock, a reader's buttons
    "Listen to article", "Listen to this article (4 min)", "Dengarkan artikel ini", "Gift this article",
    "Save article", "Click to expand", "00:00", "02:35 / 05:10", "Play", "Font", "+ Ikuti", "Image", "Foto",
    # a thank-you, a fact-check hotline, a paywall's pitch, a view counter
    "Terima kasih telah membaca!", "Thanks for reading!",
    "* Fakta atau Hoaks? Untuk mengetahui kebenaran informasi, silakan WhatsApp ke nomor Cek Fakta Kabarsatu.",
    "Berlangganan untuk lanjutkan membaca.", "This article has been viewed 12,345 times.",
    "Artikel ini telah dibaca 1.234 kali",
    "SCROLL TO RESUME CONTENT", "Pilihan Editor", "Editor’s Picks",
    # credits: roles alone, wire credits, a name and its outlet, contributions
    "Videografer:", "Video Editor:", "Staff Writer", "By Dewi Anggraini |", "Kabar TV | Kabarsatu",
    "Tim kabarsatu - KabarNews", "Dewi Anggraini, Reuters", "Associated Press",
    "The Associated Press contributed to this report.", "Dewi Anggraini contributed reporting from Bandung.",
    # captions whose credit carries a copyright sign; an outlet signing with its web name
    "Petugas di lokasi kejadian. ©2024 Kabarsatu.com/Budi Santoso", "banjir bandang ©Ilustrasi dibuat AI",
    "Kabarsatu.com",
    "Editor’s note: This story was first published on another site.", "This article was posted by Kabar Wire.",
])
def test_furniture_shapes_are_removed(line: str) -> None:
    assert classify(line) is not None, line
    assert _between_paragraphs(line) is not None, line


@pytest.mark.parametrize("line", [
    "Lihat juga bagaimana warga bertahan di pengungsian selama tiga hari terakhir.",
    "Simak juga pernyataan Kapolda yang menyebut pencarian akan diperpanjang hingga pekan depan.",
    "Jangan lewatkan kesempatan untuk mendaftar, ujar dia.",
    "Terima kasih kepada para relawan yang telah bekerja keras, ujar dia.",
    "Video amatir warga memperlihatkan air bah menerjang rumah-rumah di tepi sungai.",
    "Kontributor utama kenaikan inflasi adalah harga beras.",
    "Reuters melaporkan bahwa pasukan telah ditarik dari perbatasan.",
    "Informasi pendaftaran dapat dilihat di www.kabarsatu-teater.com",
    "Pasal itu diatur dalam ayat (c) undang-undang yang sama, kata dia.",
])
def test_body_sentences_shaped_like_furniture_stay(line: str) -> None:
    assert _between_paragraphs(line) is None, line


def test_related_labels_still_take_their_headline() -> None:
    for line in ["Baca juga: Banjir Rendam Ratusan Rumah", "Baca Juga Banjir Rendam Ratusan Rumah",
                 "Lihat Juga:", "Baca juga", "baca juga warga keluhkan abrasi"]:
        assert classify(line) == "related", line


@pytest.mark.parametrize("last", ["Ia menambahkan", "Namun", "Sementara itu, pihaknya", "However"])
def test_a_truncated_last_sentence_is_not_a_footer_menu(last: str) -> None:
    cleaned = clean(_raw(f"Korban Banjir Bandang Bertambah\n{P1}\n{P2}\n{last}"))
    assert cleaned.body.endswith(last)


@pytest.mark.parametrize("first", [
    "KABARSATU.com - Jumlah korban banjir bandang bertambah menjadi 57 orang",
    "JAKARTA, KABARSATU.com - Jumlah korban bertambah",
    "Kabarsatu.com, Jakarta Jumlah korban banjir bandang bertambah menjadi 57 orang",
    "KABAR.CO, Bandung - Jumlah korban",
    "Jakarta, Kabar Satu --",
    "Banjir bandang menerjang Desa Sukamaju, Senin (1/5/2023) pagi, menewaskan 57 orang",
])
def test_a_first_line_with_a_dateline_or_a_dated_sentence_is_the_lead(first: str) -> None:
    cleaned = clean(_raw(f"{first}\n{P2}"))
    assert cleaned.title is None
    assert cleaned.body.startswith(first)


@pytest.mark.parametrize("title", [
    "Korban Banjir Bandang Bertambah Jadi 57 Orang",
    "Putin: Rusia Siap Kerja Sama Militer dengan Korut",
    "Kabarsatu.com Raih Penghargaan Media Terbaik",
])
def test_headlines_stay_headlines(title: str) -> None:
    cleaned = clean(_raw(f"{title}\n{P1}\n{P2}"))
    assert cleaned.title == title
    assert cleaned.body.startswith(P1)
