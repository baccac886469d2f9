"""Indonesian speakers written with what news puts around a name (fresh real pages, second set): a
specialist's degree with its consultant mark or a subspecialty ("Sp.OG(K)", "Subsp.Kardio") after a
name and its commas, a title written without its dot ("dr Ani"), a degree the recogniser takes for a
person; a Javanese or Minang honorific ("Gus", "Buya") before the name; a minister's abbreviated
role ("Mentan"); a nickname given after the speaker's own quotation. The whole chain runs
(recogniser included), on sentences made up for these tests."""

from __future__ import annotations

from functools import partial

from chain_probe import speakers_of

from kliping.annotate.degrees import is_degree, only_degrees
from kliping.annotate.naming import person_name

_speakers = partial(speakers_of, language="id")


def test_specialist_degrees_with_consultant_mark_and_subspecialty() -> None:
    for degree in ("Sp.OG(K)", "Sp.A(K)", "Subsp.Kardio", "Subsp.T.K.P.S(K)", "Sp.PD-KGEH"):
        assert is_degree(degree), degree
    assert only_degrees(" Sp.A,Subsp.Ggn(K)".split(",")[1])
    assert not is_degree("Spanyol") and not is_degree("Subur")


def test_degrees_between_commas_after_a_dotless_title_and_name() -> None:
    body = ("Ketua Tim Gizi RSUD Kota, dr Larasati Wulan Pramesti, M.Sc, Sp.A,Subsp.Ggn(K), mengatakan "
            "banyak balita di kota itu kekurangan zat besi.\n\n"
            "\"Orang tua perlu memeriksakan anaknya setiap bulan ke posyandu,\" kata dia.")
    assert _speakers(body) == ["Larasati Wulan Pramesti", "Larasati Wulan Pramesti"]


def test_honorific_and_minister_abbreviation_are_no_part_of_the_name() -> None:
    assert person_name("Gus Zulfikar") == "Zulfikar"
    assert person_name("Buya Rahmat") == "Rahmat"
    assert person_name("Mentan Bambang") == "Bambang"
    assert person_name("Menhub Sutarjo") == "Sutarjo"


def test_honorific_gus_far_from_the_full_name() -> None:
    body = ("Bupati Sukamaju, Ahmad Zulfikar, mengaku kaget melihat banyak sekolah rusak di desa-desa yang "
            "dikunjunginya selama sepekan terakhir melalui program kunjungan kerja ke pelosok kabupaten.\n\n"
            "Pada kunjungan berikutnya di Kecamatan Sumberwaru, Senin (3/3/2025), keluhan serupa kembali "
            "disampaikan warga dan para guru. Dalam kunjungan itu, bupati yang akrab disapa Gus Zulfikar "
            "itu berbincang langsung dengan kepala sekolah, komite sekolah, hingga wali murid.\n\n"
            "\"Perbaikan sekolah kami mulai tahun depan secara bertahap,\" kata Gus Zulfikar.")
    assert _speakers(body)[-1] == "Ahmad Zulfikar"


def test_nickname_given_after_the_speakers_own_long_quotation() -> None:
    quote = ("Tim kami sudah turun ke lapangan sejak pekan lalu, ada yang mendata harga di pasar, ada yang "
             "membagikan benih di balai desa, ada yang memantau hama di sawah, dan beberapa petugas lain "
             "mengajari petani cara menyimpan gabah agar tidak cepat rusak saat musim hujan tiba. Kami juga "
             "membuka posko pengaduan di setiap kecamatan supaya petani bisa melapor kapan saja, siang "
             "ataupun malam, tanpa harus datang jauh-jauh ke kantor dinas di ibu kota kabupaten")
    body = ("Direktur Jenderal Tanaman Pangan, Hendrawan Sulistyo Nugroho, memerintahkan petugas berjaga di "
            "lapangan selama musim tanam. Petugas juga diminta mencatat keluhan petani setiap hari.\n\n"
            f"\"{quote},\" tutur Wawan, sapaan akrabnya.")
    assert _speakers(body)[-1] == "Hendrawan Sulistyo Nugroho"
