from __future__ import annotations

from typing import Any

from conftest import seed_raw

from kliping.clean import classify, clean, normalise_line
from kliping.model import RawDocument


def _raw(text: str, headline_first: bool = True) -> RawDocument:
    return RawDocument(source="t.txt", id="t", text=text, format="text",
                       headline_first=headline_first)


def test_clean_accounts_for_every_nonblank_line(seed_articles: Any) -> None:
    for stem, article in seed_articles.items():
        raw = seed_raw(stem)
        lines = [normalise_line(x) for x in raw.text.splitlines() if normalise_line(x)]
        body_lines = article.body.split("\n\n")
        assert len(body_lines) + len(article.removed) == len(lines), stem


def test_clean_removes_every_gold_boilerplate_line_of_the_sample(
    seed_articles: Any, gold: dict[str, Any]
) -> None:
    for stem, expected in gold["articles"].items():
        body = seed_articles[stem].body.split("\n\n")
        for line in expected["boilerplate_lines"]:
            assert normalise_line(line) not in body, (stem, line)


def test_clean_related_links_in_their_many_spellings() -> None:
    for line in ["Baca Juga: Harga cabai naik lagi", "BACA JUGA: Banjir di Bekasi", "Baca juga",
                 "Simak juga: Video pertandingan", "Lihat Juga: Jadwal KRL", "Read also: Floods hit"]:
        assert classify(line) == "related", line


def test_clean_keeps_body_sentences_that_start_like_furniture() -> None:
    for line in ["Oleh karena itu, pemerintah menunda kebijakan tersebut.",
                 "Share of the market rose to 40 percent last year.",
                 "Daftar pemain yang dipanggil akan diumumkan pekan depan.",
                 "Foto-foto yang beredar di media sosial menunjukkan antrean panjang warga."]:
        assert classify(line) is None, line


def test_clean_photo_credits_and_captions() -> None:
    assert classify("AP Photo/Mikhail Metzel") == "photo credit"
    assert classify("Foto: ANTARA/Aditya Pradana Putra") == "photo credit"
    assert classify("Warga mengantre bantuan di Cianjur. Foto/Antara") == "caption"
    assert classify("Warga mengantre bantuan di Cianjur. (Foto: Dok. BNPB)") == "caption"


def test_clean_first_line_caption_means_no_headline() -> None:
    cleaned = clean(_raw("Warga mengantre bantuan di Cianjur. Foto: EFE\n"
                         "Jakarta - Pemerintah menyalurkan bantuan kepada warga terdampak gempa."))
    assert cleaned.title is None
    assert cleaned.removed[0].reason == "caption"


def test_clean_trailing_short_unpunctuated_lines_are_a_menu() -> None:
    text = ("Judul berita\nJakarta - Harga beras naik di sejumlah pasar, kata pedagang.\n"
            "Nasional\nEkonomi\nOlahraga")
    cleaned = clean(_raw(text))
    assert [r.reason for r in cleaned.removed] == ["headline", "menu", "menu", "menu"]
    assert cleaned.body == "Jakarta - Harga beras naik di sejumlah pasar, kata pedagang."


def test_clean_keeps_short_subheading_in_the_middle() -> None:
    text = ("Judul\nParagraf pertama yang cukup panjang untuk sebuah berita.\n"
            "Dampak Ekonomi\nParagraf kedua menjelaskan dampak ekonomi dari kebijakan itu.")
    assert "Dampak Ekonomi" in clean(_raw(text)).body


def test_clean_date_only_line_and_byline_with_date() -> None:
    assert classify("Kamis, 14 September 2023 - 20:22 WIB") == "date line"
    assert classify("Fajar Nugraha • 21 June 2024 14:29") == "byline"
    # the time before the date, and "in" joining a label to the outlet's name
    assert classify("Published 5:25 pm on 28 November 2018") == "date line"
    assert classify("Published in Morning Ledger, September 9th, 2016") == "byline"
    assert classify("Rains in Lakeview, 12 March 2020") is None  # a headline, not the page's date


def test_clean_repeated_headline_with_trailing_slash() -> None:
    cleaned = clean(_raw("Banjir Rendam Bekasi\nBanjir Rendam Bekasi /\n"
                         "Bekasi - Banjir merendam ratusan rumah warga pada Senin pagi."))
    assert [r.reason for r in cleaned.removed] == ["headline", "repeated headline"]


def test_clean_table_rows_and_unspaced_scripts_are_not_menus() -> None:
    text = ("Standings\nThe race ended with a close finish at the top of the table.\n"
            "| 5 | Joey Logano | 2380 |\n| 6 | Kyle Busch | 2370 |\n"
            "権利者の意思に基づくことなく、\n商標権侵害と判断される場合があります。")
    cleaned = clean(_raw(text))
    assert [r.reason for r in cleaned.removed] == ["headline"]


def test_clean_furniture_of_other_outlets() -> None:
    for line, reason in [("Baca berita lainnya di Google News", "related"),
                         ("Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com.", "prompt"),
                         ("(Reuters/Evelyn Hockstein)", "photo credit"), ("KOMPAS.com/RAHEL", "photo credit"),
                         ("Penulis: Ihsanuddin | Editor: Krisiandi", "byline"), ("(zap/imk)", "initials"),
                         ("[Gambas:Video 20detik]", "related"), ("Halaman 2 dari 3", "continuation")]:
        assert classify(line) == reason, line
    for line in ["Dapatkan informasi terkini mengenai jadwal kereta di laman resmi KAI, kata Direktur Utama KAI.",
                 "Video yang dirilis oleh Kremlin pada hari Rabu menunjukkan kedua pemimpin berjabat tangan."]:
        assert classify(line) is None, line


def test_clean_a_headline_with_a_date_is_still_the_headline() -> None:
    cleaned = clean(_raw("Gempa Cianjur 21 November 2022\nCianjur - Gempa bermagnitudo 5,6 mengguncang Cianjur."))
    assert cleaned.title == "Gempa Cianjur 21 November 2022"


def test_clean_an_outlets_name_with_a_weekday_dated_stamp_is_no_headline() -> None:
    # a byline's date carries its time or its weekday; a headline's event date neither
    cleaned = clean(_raw("The Millbrook Post 3 March 2021, Wednesday\nView E-Paper\n"
                         "Council votes to rebuild the river footbridge\n"
                         "Millbrook council voted on Tuesday to rebuild the footbridge over the river by next spring."))
    assert cleaned.title == "Council votes to rebuild the river footbridge"
    assert [r.reason for r in cleaned.removed] == ["byline", "menu", "headline"]


def test_clean_headline_after_a_date_line() -> None:
    cleaned = clean(_raw("Kamis, 14 September 2023 - 20:22 WIB\nHarga Beras Naik Lagi\n"
                         "Jakarta - Harga beras di pasar tradisional naik untuk pekan ketiga."))
    assert cleaned.title == "Harga Beras Naik Lagi"
    assert [r.reason for r in cleaned.removed] == ["date line", "headline"]
    assert cleaned.body.startswith("Jakarta - Harga beras")


def test_clean_first_line_lead_paragraph_is_not_the_headline() -> None:
    for lead in ["KABARKITA.com - Jumlah korban banjir di Kota Lama bertambah menjadi 12 orang.",
                 "SURABAYA – Harga cabai rawit di pasar tradisional naik dua kali lipat sejak pekan lalu",
                 "Kemarau panjang membuat petani di lereng gunung gagal panen. Mereka kini menunggu bantuan."]:
        cleaned = clean(_raw(f"{lead}\nParagraf kedua menjelaskan tanggapan pemerintah daerah."))
        assert cleaned.title is None, lead
        assert cleaned.body.startswith(lead), lead
        assert [r.reason for r in cleaned.removed] == [], lead


def test_clean_first_line_headline_stays_the_headline() -> None:
    for headline in ["Gubernur optimistis balap motor digelar di kota ini",
                     "Menteri: Harga Beras Turun Bulan Depan", "Siapa Pengganti Kapten Timnas?",
                     "Timnas U-22 Kalah dari Klub Lokal"]:
        cleaned = clean(_raw(f"{headline}\nJAKARTA - Paragraf pertama berita yang panjang dan lengkap."))
        assert cleaned.title == headline


def test_clean_author_reading_time_controls_and_sections() -> None:
    for line, reason in [("Sari Wulandari,", "byline"), ("Penulis Bayu Aji", "byline"),
                         ("author kabarkita.id", "byline"), ("Tim Redaksi", "menu"), ("- Pewarta", "menu"),
                         ("Waktu baca 4 menit", "menu"), ("2 menit baca", "menu"), ("A", "menu"),
                         ("A+ A-", "menu"), ("·", "menu"), ("Sepak Bola", "menu"), ("Ekonomi Bisnis", "menu"),
                         ("date 2021-02-03", "date line"), ("Diperbarui: 3 Maret 2021 10:00", "date line")]:
        assert classify(line) == reason, line


def test_clean_channel_prompts_credits_and_source_labels() -> None:
    for line, reason in [("Ikuti Kabarkita di Google News", "prompt"),
                         ("Kabarkita Kini Hadir di WhatsApp Channel", "prompt"),
                         ("Simak! Video Pilihan Redaksi:", "related"), ("Link tersalin", "prompt"),
                         ("Bagikan artikel ini", "prompt"), ("• ANTARA FOTO/Rudi Hartono", "photo credit"),
                         ("- REUTERS/Jane Doe", "photo credit"), ("Sumber :", "source line"),
                         ("(Baca Juga: Harga Emas Naik Lagi Hari Ini)", "related"),
                         ("Get the latest updates right in your inbox. Subscribe to our newsletters.", "prompt"),
                         ("Listen: https://example.com/podcast", "prompt")]:
        assert classify(line) == reason, line


def test_clean_keeps_body_lines_that_resemble_furniture() -> None:
    for line in ["Ia mengirim pesan kepada korban melalui WhatsApp pada malam itu.",
                 "Sepak bola menjadi olahraga paling populer di desa tersebut.",
                 "Penulis buku itu, Rina Lestari, hadir dalam peluncuran di Yogyakarta.",
                 "A total of 40 people were hurt, officials said.", "***"]:
        assert classify(line) is None, line


def test_clean_removes_a_stray_related_headline_between_paragraphs() -> None:
    text = ("Banjir Rendam Permukiman\n"
            "BEKASI - Banjir merendam ratusan rumah warga di Bekasi pada Senin pagi setelah hujan deras.\n"
            "Petani Kopi Keluhkan Harga Pupuk yang Terus Naik\n"
            "Warga mengungsi ke masjid dan balai desa, kata petugas penanggulangan bencana setempat.\n"
            "Dampak Banjir bagi Warga\n"
            "Sebagian warga Bekasi mulai membersihkan rumah setelah banjir surut pada sore hari.")
    cleaned = clean(_raw(text))
    assert ("Petani Kopi Keluhkan Harga Pupuk yang Terus Naik", "related") in [
        (r.text, r.reason) for r in cleaned.removed]
    assert "Dampak Banjir bagi Warga" in cleaned.body  # a subheading uses the article's words


def test_clean_headline_after_a_bare_related_label() -> None:
    text = ("Judul Berita\nJAKARTA - Harga beras naik di sejumlah pasar tradisional pekan ini.\n"
            "Baca Juga:\nStok Gula Nasional Aman Hingga Akhir Tahun\n"
            "Pedagang berharap pemerintah segera menggelar operasi pasar di wilayah itu.")
    cleaned = clean(_raw(text))
    assert [r.reason for r in cleaned.removed] == ["headline", "related", "related"]


def test_clean_keeps_a_truncated_last_line() -> None:
    text = ("Judul\nJAKARTA - Harga beras naik di sejumlah pasar tradisional pekan ini.\n"
            "Menurut pedagang, kenaikan itu terjadi karena")
    assert clean(_raw(text)).body.endswith("kenaikan itu terjadi karena")


def test_clean_outlet_self_description_and_unlabelled_source_lines() -> None:
    # Lines written for this test, in the shape outlets print under every article.
    assert classify("KabarKita.id adalah portal berita daerah. Kamu bisa bergabung di komunitas kami.") == "prompt"
    assert classify("Sumber berita Reuters.") == "source line"
    assert classify("Sumber gambar header Unsplash.") == "source line"
    # A sentence of the article that merely mentions a site is kept.
    assert classify("Situs KabarKita.id melaporkan bahwa jembatan itu ambruk pada Senin.") is None


def test_clean_english_page_furniture_of_many_kinds() -> None:
    # Self-written lines (made-up names and outlets) in the shapes English news pages print.
    cases = {
        "photo credit": ["Getty Images", "Jane Roe/Getty Images", "Image: Harbor Press", "Credit: Tom Quill",
                         "Photo courtesy of the city of Millbrook", "Dok. Humas Pemkot", "Istimewa"],
        "caption": ["Residents wait for buses outside the station on Monday. (AP Photo/Carl Benson)",
                    "Residents wait for buses outside the station on Monday. REUTERS/Carl Benson",
                    "Residents wait for buses outside the station on Monday. Carl Benson/Getty Images",
                    "Residents wait for buses outside the station on Monday. (Photo by Carl Benson/Getty Images)",
                    "Image caption The mayor spoke to reporters on Friday"],
        "continuation": ["Story continues below advertisement", "Advertisement - Continue Reading Below"],
        "related": ["More: City council delays vote", "Related Content", "You may also like",
                    "Watch: Crews clear the highway", "Also read: Bridge reopens after repairs"],
        "prompt": ["Advertisement:", "Sponsored content", "Share Tweet Email Print", "Newsletters",
                   "Enter your email address", "Download our app for breaking news alerts",
                   "Follow Jane Roe on Twitter: @janeroe", "Have a news tip? Email us at tips@ledger.example",
                   "Already a subscriber? Log in", "To see the full list, click here.",
                   "Our morning digest brings you the day's news. Sign up for the free newsletter."],
        "byline": ["Jane Roe is a staff writer for Harbor Press covering city hall.",
                   "Contact Jane Roe at jroe@ledger.example.", "Tom Quill covers the economy for the Daily Beacon."],
        "menu": ["Filed under: Politics, Elections", "© 2019 Harbor Press. All rights reserved.",
                 "This material may not be published, broadcast, rewritten or redistributed.",
                 "Your browser does not support the video tag.", "Skip to main content"],
        "date line": ["Updated 3:45 p.m. ET", "Updated: Nov. 19, 2019",
                      "Last updated on Tuesday, Nov 19 2019 10:02 AM",
                      "08 January, 2024, 06:55 pm", "Last modified: 08 January, 2024, 07:33 pm",
                      "Monday, July 3, 2006 - 10:15.  Updated on Friday, October 7, 2014 - 09:40."],
        "note": ["Correction: An earlier version of this story misstated the mayor's age.",
                 "This story has been updated to include comment from the school district.",
                 "Editor's note: This story was produced with the help of readers.",
                 "Koreksi (2 Mei 2019 Pukul 10.00): Judul artikel ini telah diperbaiki."],
    }
    for reason, lines in cases.items():
        for line in lines:
            assert classify(line) == reason, (line, classify(line))


def test_clean_keeps_english_body_sentences_that_start_like_furniture() -> None:
    for line in ["The article was published on Monday and quickly drew criticism from lawmakers.",
                 "Follow the money, investigators say, and the picture becomes clearer.",
                 "Contact tracing at the border has slowed since March.",
                 "Published on Monday, the report found prices rose 5 percent.",
                 "Getty Images said it had removed the photo from its archive.",
                 "Courtesy of the mayor's office, residents received free bus passes for a week.",
                 "Email records obtained by the newspaper show the deal was discussed in May.",
                 "Copyright law has not kept up with streaming, the judge wrote.",
                 "Click here scams have cost residents thousands of dollars, police said.",
                 "Correction officers at the prison went on strike on Monday.",
                 "File photos released by the army show the damage.",
                 "He died on Monday, July 3, 2006.",
                 "Jane Roe, a reporter at the Valley Ledger, was detained for six hours.",
                 "Lihat foto-foto banjir di Jakarta yang beredar di media sosial, warga diminta waspada.",
                 "Istimewa rasanya bisa bertemu langsung dengan presiden, ujar Rina."]:
        assert classify(line) is None, (line, classify(line))


# Kinds of page furniture in the shapes many outlets print them, with look-alike body lines that
# must stay. Every line here is made up (names, outlets, headlines); what matters is the shape.

def test_clean_author_lines_in_their_common_shapes() -> None:
    for line in ["Oleh: Dewi Lestari, Agus Salim, & Rudi Hartono", "oleh Dewi LestariAgus Salim diperbarui 20 Agu 2021",
                 "Reporter : Dita Lestari", "Penulis Naskah: Dewi Lestari", "Video Editor: Agus Salim",
                 "Produser: Bayu Aji", "Penulis | : | Dewi Lestari |", "Kontributor Bandung, Agus Salim",
                 "Ditulis oleh Dewi Lestari", "Diposting oleh Admin", "Author: Admin Kabarkita",
                 "Jane Roe, Staff Writer", "Tim Liputan Kabarkita", "- Editor"]:
        assert classify(line) in ("byline", "menu"), line
    for line in ["Tim redaksi majalah itu dipanggil Dewan Pers.", "Editor buku itu menolak berkomentar.",
                 "Ditulis oleh Pramoedya, novel itu terbit pada 1980.",
                 "Dilaporkan oleh warga setempat, api cepat membesar.",
                 "Jane Roe, a reporter at the Valley Ledger, was detained."]:
        assert classify(line) is None, line


def test_clean_reading_time_view_counts_and_text_controls() -> None:
    for line in ["Lama baca < 1 menit", "▒ Lama baca 3 menit", "Estimasi baca 4 menit", "Baca dalam 3 menit",
                 "3 menit membaca", "5 minute read", "Reading time: 4 minutes", "⏱ 3 menit baca",
                 "Dibaca 1.234 kali", "Dilihat: 24 kali", "1.481 views", "-A +A", "Aa", "Ukuran teks", "Font size",
                 "Change Size", "Salin Artikel", "Facebook Twitter WhatsApp Telegram Copy Link", "Laporkan Konten",
                 "Close Ads", "Mohon tunggu...", "BERIKUTNYA", "Kembali ke atas ↑", "Lanjutkan Membaca ↓",
                 "Cari Berita Lain Di Sini", "Breaking News:", "2 jam yang lalu", "3 hours ago", "#Banjir #Bekasi"]:
        assert classify(line) is not None, line
    for line in ["Waktu baca pelajar di Indonesia masih rendah, kata peneliti.",
                 "Dibaca sebagai sinyal positif, saham naik.",
                 "Baca dalam hati ayat-ayat itu, kata ustaz.", "Live streaming pertandingan itu ditonton jutaan orang.",
                 "Harga naik 5% →"]:
        assert classify(line) is None, line


def test_clean_section_names_and_breadcrumbs() -> None:
    for line in ["Sepakbola Nasional", "Bola Dunia", "Hukum & Kriminal", "Nasional / Politik", "Berita › Daerah",
                 "Sport | Liga Inggris", "Home > Nasional > Hukum", "Politics", "Berita Utama"]:
        assert classify(line) == "menu", line
    for line in ["Hukum harus ditegakkan tanpa pandang bulu.", "Politik uang masih marak menjelang pemilu.",
                 "Dampak Ekonomi", "Ekonomi / Politik Luar Negeri Indonesia"]:
        assert classify(line) is None, line


def test_clean_channel_prompts_of_many_shapes() -> None:
    for line in ["Follow WhatsApp Channel Kabarsatu untuk update berita terbaru setiap hari",
                 "Cek Berita dan Artikel yang lain di", "Google News", "WhatsApp Channel",
                 "dan follow Channel WhatsApp Kabarsatu.id",
                 "Yuk gabung channel WhatsApp Kabarsatu untuk berita terkini",
                 "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
                 "Kabarsatu kini hadir di WhatsApp, klik di sini",
                 "Silakan baca konten menarik lainnya dari Kabarsatu.com di Google News",
                 "Baca berita tanpa iklan. Gabung Kabarsatu+",
                 "Hai, Sobat Kabarsatu! Kirim video peristiwa menarik ke redaksi.",
                 "Baca kisah inspiratif para guru di sini", "Selengkapnya baca di sini", "Klik di sini",
                 "Berkomentarlah secara bijaksana dan bertanggung jawab.",
                 "Login untuk memaksimalkan pengalaman membaca",
                 "Join our WhatsApp channel", "Watch the video:", "Simak Video Pilihan Berikut Ini:"]:
        assert classify(line) in ("prompt", "related"), line
    for line in ["Informasi itu beredar di saluran WhatsApp warga sejak Senin.",
                 "Meta meluncurkan fitur WhatsApp Channel di Indonesia.",
                 "Simak video pertandingan itu yang beredar luas di media sosial, kata polisi.",
                 "Ikuti aturan yang berlaku, kata Kapolda kepada warga.", "Lihat di sini ada banyak bukti, kata dia."]:
        assert classify(line) is None, line


def test_clean_photo_credits_of_organisations_and_captions_that_end_with_one() -> None:
    for line in ["IDN TIMES/Putri Lestari", "KABARKITA/HERU SANTOSO 28-06-2022", "Kabarkita.com/Jepri Saputra",
                 "detikcom/Rifki Nugroho", "(kabarkita.com/Arie Basuki)", "FOTO ISTIMEWA/kabarkita.com",
                 "ANTARA FOTO/Aditya Putra/aww.", "(Tangkapan Layar YouTube Kabarkita)", "Ilustrasi (Unsplash)",
                 "Ilustrasi pemilu", "Ilustrasi rumah sakit. (Istimewa)", "Sumber gambar: Freepik",
                 "Warga mengantre di Jakarta, Senin (28/6/2022). KABARKITA/HERU SANTOSO 28-06-2022",
                 "Warga mengantre di Jakarta, Senin (28/6/2022). [Kabarkita.com/Dimas Angga]",
                 "Warga mengantre bantuan di Cianjur. (Istimewa)"]:
        assert classify(line) in ("photo credit", "caption"), line
    for line in ["KPK/BPK menemukan kerugian negara.", "Jokowi/Prabowo",
                 "Marcus Fernaldi Gideon/Kevin Sanjaya Sukamuljo",
                 "Ilustrasi itu menggambarkan suasana pasar.", "Tangkapan layar percakapan itu beredar luas.",
                 "Terima kasih semuanya. pic.twitter.com/AbCdEf", "Data lengkap ada di situs dinkes.go.id/Covid"]:
        assert classify(line) is None, line


def test_clean_source_attribution_and_crawler_header_lines() -> None:
    for line, reason in [("Sumber: Antara, Reuters", "source line"), ("Dilansir dari Antara", "attribution"),
                         ("Referensi: kabarkita.com", "attribution"), ("description Harga beras naik", "menu"),
                         ("fingerprint 1a2b3c4d", "menu"), ("id 12345", "menu"), ("pagetype article", "menu")]:
        assert classify(line) == reason, line
    for line in ["Dilansir dari Antara, Senin (5/5), gempa terjadi pukul 10.00 WIB.", "id est, the rule applies.",
                 "Referensi utama kebijakan itu adalah UU Cipta Kerja.", "Description of the suspect was released."]:
        assert classify(line) is None, line


def test_clean_a_name_beside_a_byline_or_date_is_a_byline() -> None:
    text = ("Harga Beras Naik Lagi\nSandra Wulan,\nBayu Pratama\nCitra Dewi\nTim Redaksi\n"
            "Kamis, 14 September 2023 - 20:22 WIB\n"
            "JAKARTA - Harga beras naik di sejumlah pasar, kata pedagang.\nDampak Kenaikan\n"
            "Pedagang berharap pemerintah menggelar operasi pasar untuk menekan kenaikan harga.")
    cleaned = clean(_raw(text))
    assert {("Bayu Pratama", "byline"), ("Citra Dewi", "byline")} <= {(r.text, r.reason) for r in cleaned.removed}
    assert "Dampak Kenaikan" in cleaned.body
    # A subheading beside a date line stays: its words are written in lower case elsewhere.
    text = ("Judul Berita\nJAKARTA - Harga beras naik di sejumlah pasar tradisional pekan ini.\nKenaikan Harga\n"
            "Senin, 5 Mei 2025\nPedagang menilai kenaikan harga terjadi karena pasokan berkurang.")
    assert "Kenaikan Harga" in clean(_raw(text)).body


def test_clean_headlines_listed_under_a_label_in_any_case() -> None:
    text = ("Judul Berita\nJAKARTA - Harga beras naik di sejumlah pasar tradisional pekan ini.\nBaca juga:\n"
            "Polisi tangkap dua pelaku pencurian motor di Bekasi\nHarga cabai rawit naik jelang Lebaran\n"
            "Pedagang berharap pemerintah segera menggelar operasi pasar di wilayah itu.")
    cleaned = clean(_raw(text))
    assert [r.reason for r in cleaned.removed] == ["headline", "related", "related", "related"]
    # The list ends at the article's own lines: a title-cased subheading that uses its words.
    text = ("Judul Berita\nBEKASI - Bhayangkara menang 2-1 atas Persegres di Stadion Patriot.\nLihat Foto\n"
            "Skuat Bhayangkara vs Persegres\nBhayangkara: Wahyu; Otavio, Saputra, Rochman.")
    assert "Skuat Bhayangkara vs Persegres" in clean(_raw(text)).body


def test_clean_bulleted_headlines_of_other_articles() -> None:
    text = ("Star Count\nAstronomers counted the stars in a small patch of sky last year.\n"
            "- Fifteen Amazing Images of Distant Comets\n- Eleven Unanswered Questions About Dark Energy\n"
            "The survey will continue next spring with a larger telescope.")
    cleaned = clean(_raw(text))
    assert [r.reason for r in cleaned.removed] == ["headline", "related", "related"]
    text = ("Langkah Mudah\nAda beberapa cara menabung.\n- Sisihkan Gaji di Awal Bulan\n"
            "- Catat Semua Pengeluaran Bulanan\n"
            "Cara pertama, sisihkan gaji di awal bulan. Cara kedua, catat semua pengeluaran bulanan.")
    assert len(clean(_raw(text)).removed) == 1  # a list of the article's own points stays


def test_clean_keeps_a_short_truncated_line_above_footer_furniture() -> None:
    text = ("Judul\nJAKARTA - Harga beras naik di sejumlah pasar tradisional pekan ini.\n"
            "Ia menambahkan bahwa pihaknya\n(ant)\nEditor: Andi Saputra")
    assert clean(_raw(text)).body.endswith("Ia menambahkan bahwa pihaknya")


def test_clean_crawler_header_names_the_headline() -> None:
    text = ("title Harga Beras Naik\n date 2023-05-01\nurl https://kabarkita.example/a\n"
            "Pedagang mengeluhkan harga beras yang terus naik\nJAKARTA - Harga beras naik di pasar.")
    cleaned = clean(_raw(text))
    assert cleaned.title == "Harga Beras Naik"
    # the feed's summary line is not the headline; over the dateline's lead it is the page's, not the story's
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Pedagang mengeluhkan harga beras yang terus naik"] == "above the lead"
    assert cleaned.body.startswith("JAKARTA - Harga beras naik")


def test_clean_crawler_header_glued_to_a_section_or_control_still_has_the_headline_after_it() -> None:
    for glued in ("Sport", "18°", "Advertisement"):
        text = (f"date 2019-03-02 {glued}\nMillbrook Rovers win the county cup at last\n"
                "Millbrook Rovers beat Easton 2-1 on Saturday to win the county cup for the first time.")
        cleaned = clean(_raw(text))
        assert cleaned.title == "Millbrook Rovers win the county cup at last", glued
        assert cleaned.body.startswith("Millbrook Rovers beat"), glued
    # the feed's summary glued to the header is text, and the page's headline is not there
    cleaned = clean(_raw("date 2019-03-02 millbrook rovers beat easton 2-1 on saturday to win the county cup\n"
                         "The winning goal came in the last minute."))
    assert cleaned.title is None


def test_clean_an_outlets_name_or_section_over_the_headline_is_not_the_headline() -> None:
    for top in (["Millbrook Post", "Local"], ["Menu", "Mode Gelap", "Berita Daerah"], ["Sticky"]):
        text = "\n".join([*top, "Council opens a second car park by the river",
                          "The council opened a second car park by the river on Monday, the mayor said."])
        cleaned = clean(_raw(text))
        assert cleaned.title == "Council opens a second car park by the river", top
        assert cleaned.body.startswith("The council opened"), top
    # a short headline over its lead stays the headline
    cleaned = clean(_raw("Banjir Sukaraja\nRibuan warga Sukaraja mengungsi setelah sungai meluap pada Senin malam."))
    assert cleaned.title == "Banjir Sukaraja"


def test_clean_a_first_paragraph_that_ends_a_quotation_is_not_a_headline() -> None:
    lead = "Presiden meminta para menteri bekerja lebih cepat, katanya, “Rakyat menunggu hasil nyata.”"
    cleaned = clean(_raw(f"{lead}\nParagraf kedua menjelaskan tanggapan para menteri."))
    assert cleaned.title is None and cleaned.body.startswith(lead)


def test_clean_more_furniture_shapes_and_their_look_alikes() -> None:
    for line, reason in [("5:45 AM PST 11/19/2019 by Jane Roe", "byline"), ("11/19/2019 10:00 AM", "date line"),
                         ("IDN Kita/Putri Lestari", "photo credit"), ("Berita lain terkait banjir Bekasi", "related"),
                         ("Follow Instagram kami @kabarkita", "prompt"), ("Don’t miss: A new park", "prompt"),
                         ("Baca Selengkapnya →", "related"),
                         ("Pemerintahan. Sumber ilustrasi: FREEPIK/Freepik", "caption"),
                         ("KT PHOTO: JANE ROE", "photo credit"), ("Images: Harbor Press", "photo credit"),
                         ("Warga antre di stadion pada 30 Mei 2025. KT PHOTO: JANE ROE", "caption"),
                         ("PromosiBelanja Hemat di Akhir Pekan", "prompt"), ("View image in fullscreen", "prompt"),
                         ("Posted by Harbor Press on Sunday, 31 July 2016", "byline")]:
        assert classify(line) == reason, line
    for line in ["Ikuti Instagram resmi Pemprov untuk info banjir, kata Gubernur.",
                 "Don't miss the deadline, officials warned.", "Skor akhir 1.234.567 penonton.",
                 "Promosi jabatan itu dilakukan Senin.", "Promosi Jabatan", "Photos of the damage circulated online.",
                 "Flood hits city on 5 May 2023"]:
        assert classify(line) is None, line


def test_clean_story_tag_over_the_headline_is_not_the_title() -> None:
    # A running story's tag printed over a longer title-cased headline (made-up lines).
    for tag in ("Banjir Bandung", "Sidang Kasus Tambang", "Musim Kemarau Panjang"):
        cleaned = clean(_raw(f"{tag}\n\nWarga Kampung Cibogo Mengungsi ke Masjid Setelah Sungai Meluap!\n"
                             "BANDUNG - Ratusan warga mengungsi sejak Selasa pagi."))
        assert cleaned.title == "Warga Kampung Cibogo Mengungsi ke Masjid Setelah Sungai Meluap!", tag
        assert (tag, "menu") in [(r.text, r.reason) for r in cleaned.removed]
    # A short headline over its lead keeps being the headline.
    cleaned = clean(_raw("Harga Cabai Naik\nHarga cabai di pasar induk naik dua kali lipat sejak pekan lalu."))
    assert cleaned.title == "Harga Cabai Naik"


def test_clean_skip_links_of_page_chrome_are_furniture() -> None:
    for line in ("Skip to main contentSkip to navigation", "Menuju konten utama"):
        assert classify(line) == "menu", line
    cleaned = clean(_raw("Skip to main contentSkip to navigation\nFlood waters recede in the delta\n"
                         "Residents returned home on Tuesday, officials said."))
    assert cleaned.title == "Flood waters recede in the delta"
