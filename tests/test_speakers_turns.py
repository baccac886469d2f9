"""Who "-nya", "ia", "he" and a closing description stand for when the narrative turns to a new
person between two quotations: a sentence whose subject follows an opening phrase and a comma
("Pakar X, Ani Lestari, meragukan …"), a sentence opening with a pronoun (no one new), a title
run holding a body's short form in brackets; a fragment inside reported speech; a running
ticket linked as one person. All sentences are made up."""

from __future__ import annotations

from chain_probe import said as _said

from kliping.annotate import quotes, speakers
from kliping.model import Entity, Quote


def test_nya_after_a_person_introduced_after_an_opening_phrase() -> None:
    body = ("Kepala Dinas Kesehatan Garut, Budi Santoso, mengatakan stok vaksin masih aman.\n\n"
            "\"Kami sudah menyiapkan cadangan untuk tiga bulan,\" kata Budi.\n\n"
            "Pakar kesehatan masyarakat dari Universitas Nusa Bangsa, Ani Lestari, meragukan klaim tersebut.\n\n"
            "\"Data di puskesmas menunjukkan stok menipis sejak Januari,\" ujarnya.")
    assert _said(body, "Data di puskesmas").speaker == "Ani Lestari"


def test_nya_after_a_titled_person_between_commas() -> None:
    body = ("Kepala Dinas Kesehatan Sirnagalih, Maya Kartikasari, mengatakan kasus terus naik.\n\n"
            "\"Sebagian besar pasien adalah anak sekolah,\" kata Maya.\n\n"
            "Direktur RSUD Sirnagalih, dr. Fahmi Alatas, membenarkan kondisi tersebut. "
            "\"Kami sudah menambah 40 tempat tidur darurat,\" katanya.")
    assert _said(body, "Kami sudah menambah").speaker == "Fahmi Alatas"


def test_nya_keeps_the_speaker_when_the_turn_is_passive() -> None:
    body = ("Jaksa Irene Putri mengatakan terdakwa menerima uang dari rekanan.\n\n"
            "\"Semua bukti sudah kami serahkan,\" kata Irene.\n\n"
            "Pengusaha asal Bekasi yang kerap memenangi tender dinas, Markus Wiranata, "
            "ditetapkan sebagai tersangka.\n\n"
            "\"Kami meminta majelis menolak pencabutan keterangan itu,\" tuturnya.")
    assert _said(body, "Kami meminta majelis").speaker == "Irene Putri"


def test_a_sentence_opening_with_a_pronoun_turns_to_no_one_new() -> None:
    body = ("\"Yang datang dari mana-mana,\" kata Pengurus Forum Warga Cilandak, Ustaz Ahmad Fauzi.\n\n"
            "Ia menambahkan bahwa warga yang hadir berasal dari berbagai komunitas setempat, "
            "Relawan Budi Santoso dan tokoh masyarakat.\n\n"
            "\"Semoga doa kita dikabulkan,\" tuturnya.")
    assert _said(body, "Semoga doa").speaker == "Ahmad Fauzi"


def test_a_title_run_with_a_short_form_in_brackets_before_the_subject() -> None:
    body = ("Jaksa Agung Hendra Wijaya sepakat sidang ditunda.\n\n"
            "Sementara, Ketua Dewan Kehormatan Penyelenggara Pemilu (DKPP) Jimly Rahmatullah "
            "mendukung permintaan polisi agar sidang ditunda.\n\n"
            "\"Saya dukung kalau jadwal itu diatur ulang oleh hakim,\" ujar dia di Jakarta, Sabtu.")
    assert _said(body, "Saya dukung").speaker == "Jimly Rahmatullah"


def test_a_closing_description_points_at_the_person_just_introduced() -> None:
    body = ("Pelatih Persekas, Marcos Oliveira, memuji anak asuhnya. \"Mereka berjuang sampai akhir,\" "
            "ujar Marcos. Marcos Oliveira juga memuji suporter.\n\n"
            "\"Saya bangga,\" kata Marcos.\n\n"
            "Bek Perseka, Yanuar Tabuni, yang mencetak gol penentu, mengaku tak menyangka. "
            "\"Saya cuma lihat bola, langsung lompat,\" ucap pemain asal Wamena itu.")
    assert _said(body, "Saya cuma lihat bola").speaker == "Yanuar Tabuni"


def test_a_fragment_inside_reported_speech_is_the_reporters_words() -> None:
    # The fragment's own reading found no one (the recogniser missed the name before "said");
    # the report around it, read as a whole clause, did.
    body = ("Orbita chief executive Raj Mehta said in a statement that the lander itself was "
            "\"healthy and ready to go\" once the valve was replaced.")
    start = body.index("healthy")
    report = Quote(body[body.index("the lander") :], body.index("the lander"), len(body), "indirect",
                   "Raj Mehta", "Raj Mehta", "said")
    fragment = Quote("healthy and ready to go", start, start + 23, "partial", "Lunaris Aerospace", None, "said")
    found = [report, fragment]
    quotes._partials_of_reports(found)
    assert found[1].speaker == "Raj Mehta"


def test_a_running_ticket_linked_as_one_person_speaks_as_one_of_the_two() -> None:
    people = [Entity("Rina Kartika", 0, 12, "PERSON", "Rina Kartika"),
              Entity("Andi Wijaya", 20, 31, "PERSON", "Andi Wijaya")]
    assert speakers.one_of_pair("Andi - Rina", "Rina", people) == "Rina Kartika"
    assert speakers.one_of_pair("Andi - Rina", None, people) == "Andi Wijaya"
    # One name whose hyphen detokenised text spaced ("Lee Jung - Jin") stays whole.
    assert speakers.one_of_pair("Lee Jung - Jin", None, people) == "Lee Jung - Jin"
