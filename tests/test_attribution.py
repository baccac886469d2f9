"""Who said a quotation: attributions after appositives, verbs outside the cue list, colon
introductions, statement nouns, inverted English cues, titles before the person, descriptions."""

from __future__ import annotations

from kliping.annotate import naming
from kliping.annotate.descriptions import description_subject
from kliping.annotate.entities import find_entities
from kliping.annotate.quotes import find_quotes
from kliping.model import Entity, Quote


def _direct(body: str) -> list[Quote]:
    return [q for q in find_quotes(body, find_entities(body)) if q.kind == "direct"]


def test_attribution_speaker_then_appositive_then_verb() -> None:
    body = ("The plant will close next year.\n\n"
            "“We looked at every option before deciding,” Laura Whitfield, senior vice president "
            "for operations at Harbor Steel, said on Monday.")
    [q] = _direct(body)
    assert (q.speaker, q.cue) == ("Laura Whitfield", "said")


def test_attribution_past_tense_verb_outside_the_cue_list() -> None:
    body = ("Daniel Okafor joined the board in 2015.\n\n"
            "“It felt like a family back then,” Okafor reminisced.")
    [q] = _direct(body)
    assert (q.speaker, q.cue) == ("Daniel Okafor", "reminisced")


def test_attribution_after_a_question_the_splitter_cut() -> None:
    body = ("Marta Lindqvist ran the lab for a decade.\n\n"
            "“Could we have known any sooner?” Lindqvist wondered. “Probably not.”")
    first = _direct(body)[0]
    assert first.speaker == "Marta Lindqvist"


def test_attribution_colon_after_a_phrase_following_the_verb() -> None:
    body = ("Greenford United named a new coach on Friday.\n\n"
            "Greenford United said in a statement: “We are delighted to welcome him to the club.”")
    [q] = _direct(body)
    assert (q.speaker, q.cue) == ("Greenford United", "said")


def test_attribution_statement_noun_after_the_cue() -> None:
    body = ("Promotor konser akhirnya angkat bicara soal harga tiket.\n\n"
            "“Harga tiket akan kami umumkan pekan depan,” tulis pernyataan PT Nada Raya.")
    [q] = _direct(body)
    assert q.cue == "tulis" and q.speaker_mention == "PT Nada Raya"


def test_attribution_inverted_english_cue_with_title() -> None:
    body = ("The agency briefed lawmakers on Tuesday.\n\n"
            "“It depends on the budget we are given,” responded agency administrator Paul Hendricks.")
    [q] = _direct(body)
    assert (q.speaker, q.cue) == ("Paul Hendricks", "responded")


def test_attribution_person_after_the_comma_closing_a_title() -> None:
    body = ("Polisi menyiagakan ratusan personel di stadion.\n\n"
            "“Pengamanan dilakukan secara terbuka dan tertutup,” kata Kabag Ops Polres Sukamaju, "
            "Kompol Hendra Wiratama, di Sukamaju.")
    [q] = _direct(body)
    assert q.speaker == "Hendra Wiratama"


def test_attribution_description_with_a_demonstrative_is_the_person_before() -> None:
    body = ("Kiper senior Bambang Pamungkas gagal membawa timnya juara musim ini.\n\n"
            "“Tentu ada sedikit penyesalan,” tutur mantan kiper Persija tersebut.")
    [q] = _direct(body)
    assert q.speaker == "Bambang Pamungkas"


def test_attribution_definite_role_is_the_person_introduced_with_it() -> None:
    body = ("Gov. Eric Holden visited the flooded towns on Sunday with Mayor Lisa Crane.\n\n"
            "“We will rebuild every bridge,” the governor said.")
    [q] = _direct(body)
    assert q.speaker == "Eric Holden"


def test_attribution_trailing_place_is_not_taken_for_the_speaker() -> None:
    body = ("Warga memadati balai desa sejak pagi.\n\n"
            "“Kami senang sekali,” kata Sutrisno di depan Bupati Anton Wijaya.")
    [q] = _direct(body)
    assert q.speaker_mention == "Sutrisno"


def test_running_ticket_speaks_by_its_first_name() -> None:
    body = "Pasangan calon Budi Santoso-Ani Lestari mengatakan bahwa mereka siap menghadapi debat pekan depan."
    [q] = find_quotes(body, find_entities(body, "id"))
    assert (q.speaker, q.speaker_mention) == ("Budi Santoso", "Budi Santoso-Ani Lestari")


def test_name_between_organisation_and_verb_speaks() -> None:
    body = ("Direktur Utama Pupuk Sentosa Rahadi Wiryawan Prakoso menyatakan, perusahaan akan "
            "menambah produksi tahun depan.")
    [q] = find_quotes(body, find_entities(body, "id"))
    assert q.speaker == "Rahadi Wiryawan Prakoso"


def test_bare_quoted_paragraph_after_a_sentence_about_someone_is_theirs() -> None:
    body = ("Kepala desa Sumarni Wulandari meninjau tanggul yang jebol pada Selasa pagi.\n\n"
            "Sumarni berjalan menyusuri tanggul bersama warga.\n\n"
            "“Perbaikan harus selesai sebelum musim hujan tiba.”")
    [q] = _direct(body)
    assert q.speaker == "Sumarni Wulandari"


def test_partial_quotation_with_no_one_named_is_the_person_of_the_passage() -> None:
    body = ("Menteri Hendra Kusuma meninjau pelabuhan pada Senin.\n\n"
            "Ia menyebut antrean kapal itu “tidak bisa dibiarkan terus terjadi”.")
    partial = [q for q in find_quotes(body, find_entities(body)) if q.kind == "partial"]
    assert [q.speaker for q in partial] == ["Hendra Kusuma"]


def test_attribution_pronoun_after_a_sentence_opening_with_a_bare_surname() -> None:
    body = ("Witnesses Anna Berglund and Omar Haddad testified on Tuesday.\n\n"
            "“We cannot afford another delay,” Haddad said.\n\n"
            "Berglund, later in the hearing, was blunt about the budget. "
            "“Without money, nothing flies,” she said.")
    assert _direct(body)[-1].speaker == "Anna Berglund"


def test_attribution_wrongly_shaped_opening_mark_is_not_a_paragraph_long_quote() -> None:
    body = ("Officials said the odds of full funding were ”slim.” The programme started in 2019 "
            "and has grown each year since. “We will ask again next year,” said Rita Moreno.")
    quotes = find_quotes(body, find_entities(body))
    assert all(len(q.text) < 60 for q in quotes)
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Rita Moreno"]


def test_attribution_name_as_appositive_after_a_role() -> None:
    body = ("Mantan Menteri Perhubungan Indonesia, Bagas Wiratmaja, mengingatkan pemerintah agar "
            "tidak menaikkan tarif tol tahun ini.")
    [q] = find_quotes(body, find_entities(body))
    assert q.kind == "indirect" and q.speaker == "Bagas Wiratmaja"


def test_attribution_institution_name_is_not_cut_to_its_last_word() -> None:
    body = "Kementerian Luar Negeri menegaskan bahwa pemerintah akan terus membantu warga di sana."
    [q] = find_quotes(body, find_entities(body))
    assert q.speaker == "Kementerian Luar Negeri"


def test_attribution_role_resolves_to_the_person_introduced_with_it() -> None:
    body = ("Bupati Kepulauan Sukamaju, Hendra Wiranata mengakui pengadaan kapal segera selesai.\n\n"
            "Diungkapkan oleh Bupati, proses lelang sudah berjalan sejak bulan lalu.\n\n"
            "“Kami berharap kapal tiba sebelum musim hujan,” ujar Bupati.")
    assert [q.speaker for q in _direct(body)] == ["Hendra Wiranata"]


def test_attribution_role_with_a_country_and_no_name_speaks_as_the_role() -> None:
    body = ("Menteri Luar Negeri Norwegia dalam pernyataan resminya mengatakan komentar itu keliru.\n\n"
            "“Kami menghormati kedaulatan setiap negara,” ungkap pernyataan tersebut.")
    quotes = find_quotes(body, find_entities(body))
    assert quotes[0].speaker == "Menteri Luar Negeri Norwegia"


def test_attribution_place_in_a_title_is_not_part_of_the_name() -> None:
    body = ("“Musim ini panen melimpah,” kata Bupati Gunung Sari Wulandari di kantornya.\n\n"
            "Wulandari menambahkan, harga gabah tetap stabil.")
    assert naming.full_name(body, "Wulandari") is None  # not "Sari Wulandari"
    assert naming.strip_titles("Bupati Gunung Sari Wulandari") == "Wulandari"


def _entity(body: str, text: str, label: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Entity(text, start, start + len(text), label, text)


def test_description_of_a_body_points_at_the_body_named_most() -> None:
    body = ("Northwind Freight cut prices. Rivals said Northwind Freight went too far. Analysts at "
            "Lumen Research disagreed. The company, which employs 4,000 people, confirmed the cut.")
    entities = [_entity(body, "Northwind Freight", "ORG"), _entity(body, "Northwind Freight", "ORG", 1),
                _entity(body, "Lumen Research", "ORG")]
    found = description_subject(body, "The company", body.index("The company"), entities)
    assert found is not None and found.entity is not None and found.entity.canonical == "Northwind Freight"


def test_description_of_a_body_named_once_points_nowhere() -> None:
    body = "Analysts at Lumen Research disagreed. The company declined to comment."
    entities = [_entity(body, "Lumen Research", "ORG")]
    assert description_subject(body, "The company", body.index("The company"), entities) is None


def test_description_of_a_person_by_age_points_at_the_person_the_article_is_about() -> None:
    body = ("Teodor Vance joined the club. Vance replaced Marek Holm, and Vance met the players. "
            "The 56-year-old said he was delighted.")
    entities = [_entity(body, "Teodor Vance", "PERSON"), _entity(body, "Vance", "PERSON", 1),
                _entity(body, "Marek Holm", "PERSON"), _entity(body, "Vance", "PERSON", 2)]
    for e in entities:
        e.canonical = "Teodor Vance" if "Vance" in e.text else e.text
    found = description_subject(body, "The 56-year-old", body.index("The 56-year-old"), entities)
    assert found is not None and found.entity is not None and found.entity.canonical == "Teodor Vance"


def test_attribution_source_close_to_a_person_is_not_that_person() -> None:
    body = ("Namun sumber terdekat Rania Lestari membantah kabar itu.\n\n"
            "“Rania belum kembali bekerja,” kata sumber dalam keluarga Rania Lestari.")
    assert all(q.speaker is None for q in find_quotes(body, find_entities(body)))


def test_attribution_indefinite_role_then_its_name_is_that_person() -> None:
    body = "“Kami siap bertanding besok,” kata salah satu pemain, Dimas Prakoso."
    assert [q.speaker for q in _direct(body)] == ["Dimas Prakoso"]


def test_attribution_testimonial_signed_on_the_next_line() -> None:
    body = ("Pengunjung meninggalkan ulasan mereka.\n\n"
            "“Pertunjukannya luar biasa dan tiketnya mudah dipesan.”\n\n– Sar***\n\n"
            "“Penarinya hebat, musiknya juga bagus sekali.”\n\n— Budi H.")
    assert [q.speaker for q in _direct(body)] == ["Sar***", "Budi H."]


def test_attribution_name_in_brackets_before_the_verb_is_an_aside() -> None:
    body = ("Di sisi lain, Dira (yang sebelumnya dikenal dengan nama Nona Biru) mengaku tertarik "
            "dengan tema kebahagiaan untuk album berikutnya.")
    [q] = find_quotes(body, find_entities(body))
    assert q.speaker_mention == "Dira"


def test_attribution_nickname_after_alias_is_the_full_name() -> None:
    body = ("Bandung – Rahmat Sujatmiko alias Mang Ojat, pedagang di Jalan Braga, ingin menyumbangkan "
            "hasil dagangannya.\n\n“Niat saya sudah bulat,” ucap Mang Ojat.")
    assert [q.speaker for q in _direct(body)] == ["Rahmat Sujatmiko"]


def test_attribution_nickname_described_after_a_quote_is_the_sentence_subject() -> None:
    body = ("Wali Kota Sukamaju Ridwan Hartono ingin mengundang aktor Korea Park Min-jae ke peresmian.\n\n"
            "“Saya minta pemilik jembatan mengundang artis dari Korea,” kata pria yang akrab disapa "
            "Dodo itu.")
    assert [q.speaker for q in _direct(body)] == ["Ridwan Hartono"]


def test_attribution_pronoun_after_a_datelined_subject_sentence() -> None:
    body = ("BANDUNG (Warta Kota) – Hakim tunggal Pengadilan Negeri Bandung, Agus Wiryawan, menolak "
            "gugatan yang diajukan Surya Atmaja, Kamis.\n\n"
            "“Permohonan pemohon dinyatakan gugur,” ujarnya.")
    assert [q.speaker for q in _direct(body)] == ["Agus Wiryawan"]


def test_attribution_bare_quoted_paragraph_two_sentences_after_its_speaker() -> None:
    body = ("Direktur Utama PT Pangan Jaya Hendra Kusnadi menyatakan stok beras aman.\n\n"
            "Hendra mengatakan stok di gudang mencapai 27.000 ton.\n\n"
            "Jumlah tersebut melebihi batas aman yang dibutuhkan kota.\n\n"
            "“Saat ini stok kita jauh di atas batas aman,” di kawasan Cakung, Selasa.")
    assert _direct(body)[-1].speaker == "Hendra Kusnadi"


def test_attribution_the_source_said_stays_anonymous() -> None:
    body = ("Lena Ortiz, who runs the clinic, said supplies were short.\n\n"
            "“Nobody is stopping people from leaving the camp,” the source said. “They are afraid.”")
    assert all(q.speaker is None for q in _direct(body))


def test_attribution_body_named_inside_an_appositive_is_not_the_speaker() -> None:
    body = ("Marta Quinlan, a senior analyst at Northgate, the Denver-based research firm, told "
            "reporters on Monday that the base was “vital to the region.”")
    quotes = find_quotes(body, find_entities(body))
    assert quotes and all(q.speaker == "Marta Quinlan" for q in quotes)


def test_attribution_name_inside_a_relative_clause_is_not_the_speaker() -> None:
    body = ("Menteri Pendidikan Norwegia Halvor Skarstad, yang memimpin partai Suara Rakyat pun "
            "mengatakan, kemenangan itu adalah akhir dari gagasan tersebut.")
    [q] = find_quotes(body, find_entities(body))
    assert q.speaker == "Halvor Skarstad"


def test_attribution_description_ending_in_tersebut_points_back_at_the_person() -> None:
    body = ("“Saya kecewa tidak menjadi starter di final,” kata Rizky Pratama.\n\n"
            "Eks gelandang Persija tersebut mengungkapkan bahwa situasi ini adalah pilihan pelatih.")
    quotes = find_quotes(body, find_entities(body))
    assert [q.speaker for q in quotes] == ["Rizky Pratama", "Rizky Pratama"]


def test_description_matching_two_people_points_at_the_one_named_most() -> None:
    body = ("Gov. Ellen Marsh met teachers. Marsh promised raises, and Marsh praised them. Unlike "
            "Gov. Dale Hutton, who attacked teachers last year, the governor said he would wait.")
    entities = [_entity(body, "Ellen Marsh", "PERSON"), _entity(body, "Marsh", "PERSON", 1),
                _entity(body, "Marsh", "PERSON", 2), _entity(body, "Dale Hutton", "PERSON")]
    for e in entities:
        e.canonical = "Ellen Marsh" if "Marsh" in e.text else e.text
    found = description_subject(body, "the governor", body.index("the governor"), entities)
    assert found is not None and found.entity is not None and found.entity.canonical == "Ellen Marsh"


def test_attribution_surname_that_is_a_common_word_names_the_person() -> None:
    body = ("Media analyst Ken Doctor has followed the chains for years.\n\n"
            "Meanwhile, Doctor says, they are trying to buy time through shrinkage.")
    quotes = find_quotes(body, find_entities(body))
    assert [q.speaker for q in quotes if q.kind == "indirect"] == ["Ken Doctor"]


def test_attribution_one_word_body_after_the_speaks() -> None:
    body = ("The base sits near the border. According to the Admiralty, the base serves as an outpost "
            "against smugglers. Critics disagree with the Admiralty.")
    quotes = find_quotes(body, find_entities(body))
    assert [q.speaker for q in quotes if q.kind == "indirect"] == ["Admiralty"]


def test_attribution_role_written_as_an_appositive_after_the_name() -> None:
    body = ("AKP Bima Kusumawardhana, Kapolsek Tambora, mengatakan pelaku ditangkap warga.\n\n"
            "“Pelaku kami titipkan di rutan,” kata Kapolsek.")
    assert [q.speaker for q in find_quotes(body, find_entities(body))] == ["Bima Kusumawardhana"] * 2


def test_nickname_before_sapaan_is_the_nickname_of_the_name_after_it() -> None:
    body = ("Mantan Kepala Badan Geologi Sutrisno Hadi menegaskan air tanah aman.\n\n"
            "Penegasan itu disampaikan Mbah Tris — sapaan Sutrisno Hadi — berdasarkan data.\n\n"
            "“Itu memang karst,” kata Mbah Tris.")
    assert _direct(body)[0].speaker == "Sutrisno Hadi"


def test_attribution_social_media_handle_keeps_its_at_sign() -> None:
    body = "Warganet ramai berkomentar.\n\n“Kalau tidak suka ya sudah, tidak usah menonton,” tulis akun @RinaLestari."
    assert [q.speaker for q in _direct(body)] == ["@RinaLestari"]


def test_attribution_para_and_a_person_noun_is_an_anonymous_group() -> None:
    body = ("Rafael Gomes dicoret dari skuad.\n\n"
            "“Gomes akan absen pada pertandingan Sabtu karena cedera,” kata para pewarta. Gomes tidak berlatih.")
    assert [q.speaker for q in _direct(body)] == [None]


def test_attribution_indonesian_description_after_the_cue() -> None:
    body = ("Hal ini dilakoni oleh Aiptu Sutrisno Wibowo, anggota tim khusus yang menyamar sebagai pedagang.\n\n"
            "“Saya mendapat perintah dari atasan untuk mengungkap kasus ini,” ujar pria asal Purworejo, Jawa Tengah.")
    assert _direct(body)[0].speaker == "Sutrisno Wibowo"


def test_description_capitalised_at_the_start_of_its_sentence() -> None:
    body = ("“Kami akan rapat besok,” ujar Sufmi Hartono di Jakarta. Sufmi menjelaskan aturannya. "
            "Politisi Gerindra ini menyampaikan bahwa ada pasal lain yang berlaku.")
    quotes = find_quotes(body, find_entities(body))
    assert quotes[-1].kind == "indirect" and quotes[-1].speaker == "Sufmi Hartono"


def test_attribution_unrecognised_name_opening_its_sentence_before_an_appositive() -> None:
    body = ("Ranjau itu berasal dari perang saudara.\n\nAmornchai Sirisai, manajer proyek di Perhimpunan "
            "Penyapu Ranjau Thailand, mengatakan banyak pasukan telah menanam ranjau di sana.")
    [q] = find_quotes(body, find_entities(body))
    assert q.speaker == "Amornchai Sirisai"


def test_attribution_title_joined_by_dan_before_the_person() -> None:
    body = ("Polisi belum memeriksa pelaku.\n\n“Belum, pertimbangan kondisi kesehatan,” kata Kasubdit "
            "Pembinaan dan Penegakan Hukum Polda Metro Jaya, AKBP Budiyanto kepada wartawan, Minggu.")
    assert [q.speaker for q in _direct(body)] == ["Budiyanto"]


def test_attribution_dateline_is_not_part_of_the_first_name() -> None:
    body = ("Rimanews - Mira Castell siap kembali ke industri musik.\n\n"
            "“Saya menyetir sendiri ke mana-mana,” kata Mira.")
    assert [q.speaker for q in _direct(body)] == ["Mira Castell"]


def test_putri_is_a_name_not_a_title() -> None:
    body = ("Hal ini diungkapkan jaksa Irma Putri saat membacakan tuntutan.\n\n"
            "“Kami meminta hakim menolak,” ujar jaksa Irma.")
    assert naming.full_name(body, "Irma") == "Irma Putri"


def test_description_of_someone_introduced_without_a_name_stays_anonymous() -> None:
    body = ("Harbor Freight Lines, part of Carver Holdings, declined the offer. A spokesperson who did not "
            "wish to be named said the agency never vaccinates.\n\n"
            "“Operating a vaccine program is not feasible,” the spokesperson said.")
    assert [q.speaker for q in _direct(body)] == [None]


def test_attribution_inverted_cue_harap_and_a_weekday_after_a_past_verb() -> None:
    body = ("Walikota meninjau sekolah.\n\n“Kalau bisa dikembangkan ke warga lain,” harap Husin Mardani.\n\n"
            "“Meth is a serious problem here,” Noelle Kristen tweeted Monday night.")
    assert [(q.speaker, q.cue) for q in _direct(body)] == [("Husin Mardani", "harap"), ("Noelle Kristen", "tweeted")]


def test_place_before_a_person_mention_is_split_off() -> None:
    body = ("Walikota Jakarta Utara Husin Mardani meninjau sekolah. Warga Jakarta Utara menyambutnya.\n\n"
            "“Korporasi ikut bertanggung jawab,” ujar Husin.")
    assert [q.speaker for q in _direct(body)] == ["Husin Mardani"]


def test_attribution_people_of_a_place_are_anonymous() -> None:
    body = ("Israel menolak mencopot detektor logam.\n\nWarga Palestina menilai pengamanan yang dilakukan "
            "ini berlebihan.\n\nSome 200 troops remain. Syria observers say the base is vital.")
    assert [q.speaker for q in find_quotes(body, find_entities(body))] == [None, None]


def test_attribution_less_common_speech_roots_after_a_quotation() -> None:
    body = ("Kapolres Sukamaju AKBP Darmawan Hadi memaparkan hasil razia.\n\n"
            "“Barang bukti kami amankan di gudang,” beber Darmawan.\n\n"
            "Siti Rohmah, pedagang sayur di pasar itu, menanggapi santai.\n\n"
            "“Yang penting dagangan laku,” seloroh Siti sambil tertawa.")
    assert [(q.speaker, q.cue) for q in _direct(body)] == [("Darmawan Hadi", "beber"), ("Siti Rohmah", "seloroh")]


def test_acronym_defined_after_a_name_the_recogniser_cut_speaks_as_the_whole_name() -> None:
    # The recogniser may take only the name's tail ("Kendal") before the bracket: the acronym
    # still stands for the whole capitalised run, checked letter by letter.
    body = ("Pernyataan itu disampaikan Forum Warga Peduli Sungai Kendal (FWPSK) dalam keterangan tertulis.\n\n"
            "FWPSK mengatakan warga sudah tiga kali melapor ke dinas.")
    quotes = [q for q in find_quotes(body, find_entities(body)) if q.kind == "indirect"]
    assert [q.speaker for q in quotes if q.text.startswith("warga sudah")] == ["Forum Warga Peduli Sungai Kendal"]


def test_attribution_group_named_by_what_it_belongs_to_is_no_one_by_name() -> None:
    # "users of Instagram", "members of Congress": the name says whose group it is, not who speaks.
    bodies = ["Video itu ditonton dua juta kali dalam sehari.\n\n"
              "Beberapa pengguna Instagram menyebut video itu terlalu pendek untuk sebuah trailer.",
              "The agency asked for more money this year.\n\n"
              "Some members of Congress suggested that the agency relies too much on contractors."]
    for body, language in zip(bodies, ("id", "en"), strict=True):
        quotes = [q for q in find_quotes(body, find_entities(body, language)) if q.kind == "indirect"]
        assert quotes and all(q.speaker is None for q in quotes), body


def test_attribution_clitic_after_a_passive_narrative_keeps_the_speaker() -> None:
    # The person the narrative is about only undergoes something: the prosecutor goes on speaking.
    body = ("Jaksa Ratna Dewi meminta hakim menolak pembelaan terdakwa.\n\n"
            "“Terdakwa terbukti menerima uang,” ucap jaksa Ratna.\n\n"
            "Bambang Suharto sendiri telah ditetapkan sebagai tersangka dalam perkara lain.\n\n"
            "“Karena itu kami meminta majelis menolak pembelaannya,” tuturnya.")
    assert [q.speaker for q in _direct(body)] == ["Ratna Dewi", "Ratna Dewi"]


def test_attribution_heading_naming_someone_does_not_take_over_the_speaker() -> None:
    body = ("Aktris Maya Lestari bercerita tentang audisi pertamanya. Ia mengaku menyukai lagu-lagu "
            "penyanyi Rina Amelia sejak kecil.\n\n"
            "Terbantu Lagu Rina Amelia\n\n"
            "Saat menunggu giliran, ia mendengarkan lagu kesukaannya.\n\n"
            "“Saya menari supaya tidak gugup,” katanya.")
    assert [q.speaker for q in _direct(body)] == ["Maya Lestari"]


def test_attribution_a_misspelt_name_is_the_person_the_article_introduced() -> None:
    body = ("Hendrawan Saputra, kepala dinas perumahan, meninjau rumah warga, Senin.\n\n"
            "“Kami cek dulu kepemilikannya,” kata Hendrawan.\n\n"
            "“Setelah itu baru dibedah,” kata Hendrawn.")
    assert [q.speaker for q in _direct(body)] == ["Hendrawan Saputra", "Hendrawan Saputra"]


def test_attribution_sang_description_is_the_person_of_the_passage() -> None:
    body = ("Aktor Bima Prasetyo mengenang syuting film laga pertamanya di Bandung.\n\n"
            "“Kami syuting dari subuh sampai malam,” kata Bima.\n\n"
            "Sang aktor melanjutkan, “Semua adegan berbahaya saya lakukan sendiri.”")
    assert [q.speaker for q in _direct(body)] == ["Bima Prasetyo", "Bima Prasetyo"]


def test_attribution_rank_with_its_corps_is_no_part_of_the_name() -> None:
    body = ("Komandan Kodim Letkol Inf Bayu Santoso meninjau lokasi banjir.\n\n"
            "“Semua personel kami kerahkan,” kata Bayu.")
    assert [q.speaker for q in _direct(body)] == ["Bayu Santoso"]


def test_attribution_role_introduced_with_its_acronym_speaks_as_its_holder_later() -> None:
    # "Kepala Badan … (BPBD) Cianjur Hendra Gunawan", then "Kepala BPBD" and "Kepala BPBD Cianjur":
    # the role in its short form is the person; the place before the name is no part of it.
    body = ("Kepala Badan Penanggulangan Bencana Daerah (BPBD) Cianjur Hendra Gunawan mengatakan, tim "
            "gabungan masih mencari tiga warga.\n\n"
            "Kepala BPBD menambahkan, sebanyak 240 warga mengungsi ke balai desa.\n\n"
            "“Logistik cukup untuk sepekan,” kata Kepala BPBD Cianjur.")
    quotes = find_quotes(body, find_entities(body, "id"))
    assert [q.speaker for q in quotes] == ["Hendra Gunawan"] * 3
    assert quotes[-1].speaker_mention == "Kepala BPBD Cianjur"


def test_attribution_acting_head_named_by_role_alone_is_the_person() -> None:
    body = ("Plt Kepala Pusat Data dan Informasi BNPB Abdul Muhari mengatakan, hujan masih turun.\n\n"
            "“Kami terus memantau,” ujar Plt Kepala Pusat Data dan Informasi.")
    assert [q.speaker for q in _direct(body)] == ["Abdul Muhari"]


def test_attribution_running_ticket_named_after_a_quote_speaks_by_its_first_name() -> None:
    body = ("Pasangan calon Andi Wijaya-Rina Kartika mendaftar ke KPU, Senin.\n\n"
            "“Kami siap bertarung,” kata Andi Wijaya-Rina Kartika.")
    assert [q.speaker for q in _direct(body)] == ["Andi Wijaya"]
    body = "Striker Jean-Pierre Papin mencetak dua gol.\n\n“Saya senang,” kata Papin."
    assert [q.speaker for q in _direct(body)] == ["Jean-Pierre Papin"]  # one hyphenated name, no ticket


def test_attribution_an_official_of_a_country_is_no_one_by_name() -> None:
    for body in ["A U.S. official said the talks would resume next week.",
                 "A senior Russian official said the talks would resume next week.",
                 "“The talks will resume,” a U.S. official said."]:
        quotes = find_quotes(body, find_entities(body, "en"))
        assert quotes and all(q.speaker is None for q in quotes), body


def test_attribution_pronoun_after_an_unnamed_speaker_stays_unnamed() -> None:
    body = ("Duta Besar Rina Hapsari menghadiri sidang itu di New York.\n\n"
            "Seorang juru bicara Kementerian Luar Negeri AS mengatakan, pihaknya memantau situasi dengan seksama.\n\n"
            "Ia juga mengatakan, bantuan kemanusiaan harus segera dikirim ke wilayah itu.\n\n"
            "“Kami menyambut baik langkah pemerintah,” tuturnya.")
    quotes = find_quotes(body, find_entities(body, "id"))
    assert len(quotes) == 3 and all(q.speaker is None for q in quotes), [(q.text, q.speaker) for q in quotes]


def test_attribution_another_of_them_is_no_one_by_name() -> None:
    for body in ["Penyanyi Rina Amelia merilis lagu baru. Penyanyi lain mengatakan lagu itu terlalu pendek.",
                 "Penyanyi Rina Amelia merilis lagu baru. “Tidak pernah mengecewakan,” tulis pengguna lain.",
                 "Tiga perempuan melapor ke polisi terkait aktor Dimas Prakoso. Perempuan ketiga mengatakan "
                 "kejadian itu terjadi pada malam hari."]:
        quotes = find_quotes(body, find_entities(body, "id"))
        assert quotes and all(q.speaker is None for q in quotes), body


def test_attribution_a_four_word_name_the_recogniser_found_is_kept_whole() -> None:
    body = ("Pemimpin de facto Myanmar, Aung San Suu Kyi, berpidato di Naypyidaw pada Selasa.\n\n"
            "“Kami paham keprihatinan dunia,” kata Suu Kyi.")
    assert [q.speaker for q in _direct(body)] == ["Aung San Suu Kyi"]


def test_attribution_a_body_named_short_is_the_full_name_the_article_gives() -> None:
    body = ("Satelit milik Telkom Indonesia mengalami gangguan sejak Jumat.\n\n"
            "Telkom menyatakan layanan akan pulih dalam dua pekan ke depan.")
    quotes = find_quotes(body, find_entities(body, "id"))
    assert [q.speaker for q in quotes] == ["Telkom Indonesia"]


def test_a_single_quoted_word_is_a_partial_quote_when_someone_says_it() -> None:
    body = ("Pengacara Mark Neubauer mengatakan bahwa tuduhan itu “fitnah”.\n\n"
            "Pemerintah melanjutkan program “Nawacita” tahun ini.")
    quotes = find_quotes(body, find_entities(body, "id"))
    partial = [(q.text, q.speaker) for q in quotes if q.kind == "partial"]
    assert partial == [("fitnah", "Mark Neubauer")]


def _reported_speakers(body: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(body, find_entities(body, "id")) if q.kind == "indirect"]


def test_attribution_age_in_brackets_after_the_name() -> None:
    assert _reported_speakers("Sumiati (58), petani setempat, mengatakan harga yang ditawarkan terlalu rendah.") == [
        "Sumiati"]
    assert _reported_speakers("Seorang warga Kecamatan Sukaraja, Wawan (45), mengaku terganggu dengan banyaknya "
                              "baliho.") == ["Wawan"]


def test_attribution_title_before_and_degrees_after_the_name() -> None:
    body = ("Kepala Dinas Kesehatan Kabupaten Sirnagalih, dr. Maya Kartikasari, M.Kes, mengatakan kasus demam "
            "berdarah meningkat.")
    assert _reported_speakers(body) == ["Maya Kartikasari"]
    body = "Kuasa hukum terdakwa, Rudi Hartono, S.H., M.H., mengatakan kliennya tidak bersalah sama sekali."
    assert _reported_speakers(body) == ["Rudi Hartono"]


def test_attribution_given_name_that_is_also_a_role_word() -> None:
    body = "Kapolda Riau, Irjen Pol. Agung Setiawan Harahap, mengatakan pihaknya akan menindak tegas pelaku."
    assert _reported_speakers(body) == ["Agung Setiawan Harahap"]
    body = "Jaksa Agung ST Burhanuddin mengatakan penyidikan kasus itu terus berjalan sesuai jadwal."
    assert _reported_speakers(body) == ["ST Burhanuddin"]


def test_attribution_nicknames_defined_after_the_name_or_inside_it() -> None:
    body = ("Ketua KPU Kabupaten Garut Hasanuddin Lubis meninjau pendaftaran.\n\n"
            "“Prinsipnya kami melayani,” ujar Hasan, sapaan akrabnya.")
    assert [q.speaker for q in _direct(body)] == ["Hasanuddin Lubis"]
    body = ("Pelatih Persib Bambang “Bento” Riyadi mengakui timnya kalah.\n\n"
            "“Kami kehilangan fokus,” kata Bento.")
    assert [(q.text, q.speaker) for q in _direct(body)] == [("Kami kehilangan fokus", "Bambang Riyadi")]


def test_attribution_english_bodies_named_whole_without_their_article() -> None:
    cases = [("The Department of Health and Social Care said the union's demand for a 35% rise was unaffordable.",
              "Department of Health and Social Care"),
             ("The Bank of Japan said it needed more evidence that wages would keep rising.", "Bank of Japan"),
             ("Poland's Defense Ministry said it welcomed the decision to send more troops.",
              "Poland's Defense Ministry")]
    for body, speaker in cases:
        quotes = find_quotes(body, find_entities(body, "en"))
        assert [q.speaker for q in quotes] == [speaker], body


def test_attribution_name_after_a_described_role_and_ministry_short_forms() -> None:
    assert _reported_speakers("Pengamat transportasi, Yoga Adiwinata, menilai kebijakan itu perlu dikaji ulang.") == [
        "Yoga Adiwinata"]
    assert _reported_speakers("Sekretaris Jenderal Kemendikbudristek Lestari Anggraeni mengatakan ada kendala "
                              "teknis dalam integrasi data.") == ["Lestari Anggraeni"]
    # the phrase between the commas is itself a role: the titled name before it speaks
    assert _reported_speakers("AKP Boby Kusumawardhana, Kapolsek Tambun, mengatakan perempuan itu ditangkap "
                              "pedagang pasar.") == ["Boby Kusumawardhana"]


def test_attribution_club_before_a_coach_and_a_particle_inside_a_name() -> None:
    body = ("Pelatih Real Madrid Carlo Ancelotti puas dengan kemenangan timnya atas Sevilla.\n\n"
            "“Kami bermain sangat baik malam ini,” kata juru taktik asal Italia itu.")
    assert [q.speaker for q in _direct(body)] == ["Carlo Ancelotti"]
    body = ("Manajer Manchester United Erik ten Hag mengakui timnya kurang beruntung.\n\n"
            "“Kami menciptakan banyak peluang,” kata arsitek asal Belanda itu.")
    assert [q.speaker for q in _direct(body)] == ["Erik ten Hag"]


def test_attribution_a_brand_named_word_before_a_name_is_no_part_of_it() -> None:
    body = ("“Ini bentuk keprihatinan kami,” kata Koordinator KontraS Fatia Maulidiyanti dalam keterangan "
            "tertulis, Kamis.")
    assert [q.speaker for q in _direct(body)] == ["Fatia Maulidiyanti"]


def test_attribution_four_word_name_after_a_rank() -> None:
    body = ("“Semua sudah sesuai prosedur,” kata Kapolres Jakarta Selatan Kombes Ade Ary Syam Indradi saat "
            "dihubungi wartawan, Selasa (13/6).")
    assert [q.speaker for q in _direct(body)] == ["Ade Ary Syam Indradi"]
