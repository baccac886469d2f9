"""Page furniture found on fresh real pages (issue 11, eleventh session): a caption printed several times,
captions that say they are one, headline lists between their own timestamps, teasers cut short, a
"TOP STORIES" list with "Show More" inside it, comment and share prompts in words, reporters' contacts and
wire credits. Every line here is made up for the test; only the shapes are the pages'."""

from __future__ import annotations

import pytest
from conftest import E1, E2, E3, P1, P2, P3

from kliping.clean import clean
from kliping.model import RawDocument


def _page(lines: list[str], *, language: str = "id") -> tuple[dict[str, str], list[str]]:
    raw = RawDocument(source="t.txt", id="t", text="\n".join(lines), format="text", language=language)
    cleaned = clean(raw)
    return {r.text: r.reason for r in cleaned.removed}, cleaned.body.split("\n\n")


def test_a_caption_printed_again_nearby_goes_every_time() -> None:
    caption = "Warga menyeberangi banjir di Desa Sukamaju dengan perahu karet."
    removed, body = _page([P1, caption, caption, caption, P2, P3])
    assert removed[caption] == "caption"
    assert body == [P1, P2, P3]


def test_a_short_caption_printed_twice_goes() -> None:
    caption = "The new ferry at Millbrook pier."
    removed, body = _page([E1, caption, caption, E2, E3], language="en")
    assert removed[caption] == "caption"
    assert body == [E1, E2, E3]


def test_a_pull_quote_far_from_its_paragraph_stays() -> None:
    # the same words six paragraphs apart: a pull quote, not a picture's caption
    quote = "We will rebuild the bridge before the rains come back."
    lines = [E1, quote, E2, E3, E1.replace("Millbrook", "Easton"), E2.replace("six months", "a year"), quote]
    removed, body = _page(lines, language="en")
    assert quote not in removed
    assert body.count(quote) == 2


def test_a_summary_over_its_lead_word_for_word_keeps_the_lead() -> None:
    removed, body = _page([E1, E1, E2, E3], language="en")
    assert E1 not in removed
    assert body[:3] == [E1, E1, E2]


def test_a_breadcrumb_run_into_the_headline_is_not_the_headline() -> None:
    headline = "Banjir Bandang Rusak Sepuluh Rumah Warga"
    raw = RawDocument(source="t.txt", id="t", text="\n".join(["Home Headline " + headline, headline, P1, P2]),
                      format="text", language="id", headline_first=True)
    cleaned = clean(raw)
    assert cleaned.title == headline
    assert {r.text: r.reason for r in cleaned.removed}["Home Headline " + headline] == "menu"


@pytest.mark.parametrize("line, language", [
    ("Photo shows rescuers carrying residents through floodwater in Millbrook on Monday.", "en"),
    ("In this Tuesday, March 3, 2020 photo, residents wait for buses outside the town hall.", "en"),
    ("This handout picture taken on March 3 shows the damaged bridge.", "en"),
    ("Pictured: the burnt-out bus on the Millbrook road", "en"),
    ("The bridge at Millbrook after the flood (Picture: Millbrook Council)", "en"),
    ("Ilustrasi harga beras naik.", "id"),
    ("Foto memperlihatkan warga mengungsi ke balai desa.", "id"),
])
def test_a_caption_that_says_it_is_one_goes(line: str, language: str) -> None:
    first, second, third = (E1, E2, E3) if language == "en" else (P1, P2, P3)
    removed, body = _page([first, line, second, third], language=language)
    assert removed[line] == "caption"
    assert body == [first, second, third]


@pytest.mark.parametrize("line", [
    "The 04:57, 06:11 and 12:27 trains were cancelled, the operator said.",
    "Links between the two cases are still being investigated by police.",
    "Bagaimana menurut Anda soal kenaikan harga ini, kata Budi, perlu dikaji.",
    "Read: the minister said the plan would go ahead.",
    "Page 2 of the report shows costs rose.",
    "The photo shows that police used force, the lawyer told the court.",
    "Ilustrasi yang dibuat siswa itu dipamerkan di balai kota sejak Senin pekan lalu dan menarik ribuan pengunjung.",
    "Keep up to date, the minister said.",
    "Be nice to your neighbours, the mayor said.",
    "About 20 people came to the hall on Tuesday, 1 March 2022.",
    "Date: the council meets again on Monday to vote on the plan.",
])
def test_a_sentence_about_a_picture_stays(line: str) -> None:
    removed, body = _page([E1, line, E2], language="en")
    assert line not in removed
    assert line in body


def test_headlines_between_their_timestamps_go() -> None:
    lines = [E1, E2, E3, "-", "Business21 hours ago", "Council opens a second car park by the river",
             "-", "Local News22 hours ago", "Easton school wins county quiz for third year", "-",
             "Local News1 day ago"]
    removed, body = _page(lines, language="en")
    assert removed["Council opens a second car park by the river"] == "related"
    assert removed["Easton school wins county quiz for third year"] == "related"
    assert body == [E1, E2, E3]


def test_a_standfirst_above_the_story_is_not_decided_by_its_neighbours() -> None:
    standfirst = "Residents of Millbrook wait for the river to fall"
    lines = ["By Ann Roe", standfirst, "Published 3 March 2020", E1, E2]
    removed, _ = _page(lines, language="en")
    assert removed.get(standfirst) != "related"


def test_teasers_cut_short_in_a_row_go_and_a_writers_two_do_not() -> None:
    teasers = ["The council will close the old bridge for six weeks while workers replace its…",
               "Millbrook's library will open on Sundays from March, its board said in a…",
               "Two new bus routes will link Easton with the hospital from the first week of…"]
    removed, body = _page([E1, E2, *teasers, E3], language="en")
    assert all(removed[t] == "related" for t in teasers)
    assert E3 in body
    own = ["The next big question is …", "And once you know that, the rest follows …"]
    removed, body = _page([E1, E2, *own, E3], language="en")
    assert not set(own) & set(removed)


@pytest.mark.parametrize("line", [
    "The council will close the old bridge for six weeks while workers replace its… Read More",
    "Pemerintah desa mengumumkan rencana perbaikan jembatan yang… Baca Selengkapnya",
])
def test_a_teaser_with_its_link_label_goes(line: str) -> None:
    removed, body = _page([E1, E2, line, E3], language="en")
    assert removed[line] == "related"
    assert body == [E1, E2, E3]


def test_a_top_stories_list_goes_through_its_show_more() -> None:
    items = ["Easton baker retires after forty years", "12 new teachers join Millbrook schools",
             "'Swan Lake' sells out the town hall again", "Show More",
             "Ferry timetable changes for the winter", "Where to swim safely this summer"]
    removed, body = _page([E1, E2, E3, "TOP STORIES", *items], language="en")
    assert all(item in removed for item in items)
    assert body == [E1, E2, E3]


@pytest.mark.parametrize("line, reason", [
    ("Tidak ada komentar", "prompt"),
    ("Tertarik baca berita lainnya, kunjungi kami di googlenews", "prompt"),
    ("Related topics:", "related"),
    ("Share if you like", "prompt"),
    ("Report a correction or typo", "prompt"),
    ("Author picture", "menu"),
    ("(The above story is verified and authored by Millbrook Wire staff.)", "note"),
    ("Ann Roe: 555-231-1330, @MillbrookNews", "byline"),
    ("Agencies/Millbrook", "byline"),
    ("READ: Council cuts the bridge toll to one dollar", "related"),
    ("Click to play video: 'Bridge reopens after two years'", "related"),
    ("Join the conversation", "prompt"),
    ("Halaman:", "menu"),
    ("Publisher : Rina Puspita", "byline"),
    ("Millbrooknews.example Top Stories", "related"),
    ("Mayor Jane Holloway at the bridge. File Photo: MBN", "caption"),
    ("Gambar tema oleh Nadia7. Diberdayakan oleh Blogger.", "menu"),
    ("Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *", "prompt"),
    ("BAGAIMANA MENURUT ANDA ?", "prompt"),
    ("Kirim pesan ke kami", "prompt"),
    ("Ditulis oleh", "byline"),
    ("Comments: Our rules", "prompt"),
    ("Please report any comments that break our rules.", "prompt"),
    ("comments powered by Disqus", "prompt"),
    ("Spread the love", "prompt"),
    ("Search here...", "menu"),
    ("View this post on Instagram", "menu"),
    ("A post shared by Rina Puspita (@rinapuspita) on", "menu"),
    ("Main Stories", "menu"),
    ("Polsek Cempaka Tangkap Dua Pencuri Motor di Desa Sukamaju (Kabarkota/istimewa)", "caption"),
    ("Published on Kabar Pesisir (https://kabarpesisir.example)", "menu"),
    ("[1] https://kabarpesisir.example/2020/03/03/a [2] https://kabarpesisir.example/b", "menu"),
    ("Get the latest updates as we post them — right on your browser", "prompt"),
    ("PAY ATTENTION: Join Kabar Telegram channel! Never miss an update!", "prompt"),
    ("Imsak Subuh Dzuhur Ashar Maghrib Isya", "menu"),
    ("Sukaraja 04:31 04:41 11:52 15:13 17:51 19:02", "menu"),
    ("601 ad", "menu"),
    ("Saturday, 21 May 2022 01:30 - - {{hits.count}}", "date line"),
    ("top of page", "menu"),
    ("View E-Paper", "menu"),
    ("This advertisement has not loaded yet; the Millbrook story goes on.", "prompt"),
    ("Millbrook Home Loans: low rates for first buyers Learn More>", "prompt"),
    ("(0) comments", "prompt"),
    ("0 Comments", "menu"),
    ("• 0", "menu"),
    ("SHARES", "menu"),
    ("{{featured_button_text}}", "menu"),
    ("Share post:", "menu"),
    ("Date:", "menu"),
    ("Welcome to the discussion.", "prompt"),
    ("Keep it Clean. No swearing at other readers here.", "prompt"),
    ("PLEASE TURN OFF YOUR CAPS LOCK.", "prompt"),
    ("Be Nice. Treat every Millbrook reader kindly.", "prompt"),
    ("You may use these HTML tags and attributes: <a href=\"\" title=\"\">", "prompt"),
    ("Stay with Millbrook 7 for more information.", "prompt"),
    ("You must be logged in to react.", "prompt"),
    ("Share on FacebookShare on Twitter", "prompt"),
    (">> Keep up to date with the latest news with the Millbrook Post newsletter", "prompt"),
    ("Watch Now: Related Video", "prompt"),
    ("Related items", "related"),
    ("• Privacy & Policy", "menu"),
    ("Contact Us Privacy Policy Terms and Conditions", "menu"),
    ("Millbrook bridge flooded.jpg", "photo credit"),
    ("Copyright 2021 Millbrook Wire. All rights reserved. Nothing here may be copied in any form without the "
     "written consent of the Millbrook Wire desk.", "menu"),
    ("Last update: about 2 years ago", "date line"),
    # a date glued to other furniture is furniture
    ("Friday, 4 March 2022, 08:10 Last update: about 3 years ago", "date line"),
    ("Monday, 7 Feb 2022 Contact Us Terms and Conditions About Us", "date line"),
    ("Mar 14, 2021 • • 4 minute read", "date line"),
    # several writers and their outlet, a date with an ordinal
    ("Ann Roe, Budi Santoso, Clare Lee, The Millbrook Post | 3rd Mar 2019 7:40 AM Updated: 11:05 AM", "byline"),
    ("Warga Sukaraja antre minyak goreng di balai desa (kabarsukaraja.com/rina puspita)", "caption"),
    ("Jembatan Cempaka yang ambruk diterjang banjir (Kabarkota./Budi Santoso)", "caption"),
    ("Pedagang menata ikan di Pasar Sukaraja undefined", "caption"),
    ("FOTO : Ratusan warga Sukaraja mengikuti lomba perahu hias di sungai kota dalam rangka hari jadi "
     "kabupaten ke-200", "caption"),
    ("Muat Lebih", "menu"),
    ("Sebarkan:", "menu"),
    ("Laman: 1 2 3", "menu"),
    ("[/membersonly]", "menu"),
    ("Adblock Detected", "prompt"),
    ("Belum berlangganan koran digital kami? Klik Daftar di sini", "prompt"),
    ("Bacaan Lainnya", "related"),
])
def test_prompts_credits_and_contacts_in_words_go(line: str, reason: str) -> None:
    removed, body = _page([E1, line, E2, E3], language="en")
    assert removed[line] == reason
    assert body == [E1, E2, E3]


def test_a_reporters_signature_with_an_editors_code_closes_a_paragraph() -> None:
    line = "\"Pasar ini harus bersih dan tertib,\" jelas Bupati. (RINA PUSPITA/B-2)"
    removed, body = _page([P1, line, P2], language="id")
    assert line not in removed
    assert line in body


def test_a_list_the_story_announces_is_the_storys() -> None:
    players = ["- Budi Wibowo (Persikota)", "- Ari Santoso (Persisuka)", "- Dimas Putra (Cempaka FC)",
               "- Yoga Sari (Sukaraja United)"]
    removed, body = _page([P1, P2, "Berikut 23 pemain untuk laga uji coba di Sukaraja.", *players, P3])
    assert not set(players) & set(removed)
    pairs = ["Kota Cempaka: Budi Santoso-Ani Lestari", "Sukaraja Utara: Dedi Kurnia-Rina Sari",
             "Tanah Merah: Joko Prasetyo-Wati Ningsih"]
    removed, body = _page([P1, "1. Provinsi Sukaraja", *pairs, P2])
    assert not set(pairs) & set(removed)
    # three other articles' headlines in a row, announced by nothing, still go
    heads = ["Warga Sukamaju Tolak Tambang Pasir, Ini Alasannya",
             "Jembatan Cempaka Ditutup Sementara Selama Perbaikan", "Harga Cabai Naik Lagi di Pasar Induk Kota"]
    removed, body = _page([P1, P2, *heads, P3])
    assert all(removed[h] == "related" for h in heads)


def test_teasers_cut_short_with_the_lists_own_furniture_between_them_go() -> None:
    teasers = ["Council opens a second car park by the riv...", "Ferry timetable chang...",
               "Easton school wins county quiz for the th..."]
    lines = [E1, E2, E3, teasers[0], "Millbrook Ad", teasers[1], "601 ad", teasers[2]]
    removed, body = _page(lines, language="en")
    assert all(removed[x] == "related" for x in teasers)
    assert body == [E1, E2, E3]


def test_another_article_of_the_outlet_printed_after_the_story_goes() -> None:
    lines = ["KABARKOTA.ID, Sukaraja – " + P1, P2,
             "Wali Kota Sukaraja Resmikan Pasar Baru di Cempaka",
             "KABARKOTA.ID, Cempaka – Pasar baru di Cempaka mulai dibuka untuk pedagang pada Senin pagi.",
             "Pedagang yang pindah mendapat kios gratis selama tiga bulan pertama."]
    removed, body = _page(lines)
    assert removed["Wali Kota Sukaraja Resmikan Pasar Baru di Cempaka"] == "related"
    assert removed[lines[4]] == "related"
    assert body == [lines[0], P2]
    # a round-up writes each place's dateline without the outlet: one story
    roundup = ["SUKARAJA – " + P1, P2, "CEMPAKA – Pasar baru di Cempaka mulai dibuka untuk pedagang pada Senin pagi."]
    removed, body = _page(roundup)
    assert body == roundup
