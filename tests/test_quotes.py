"""Quotations and speakers on realistic Indonesian and English news paragraphs."""

from __future__ import annotations

from chain_probe import quotes_of as _quotes

from kliping.annotate.entities import find_entities
from kliping.annotate.quotes import find_quotes


def test_quotes_direct_with_cue_after_resolves_short_name() -> None:
    body = ("Presiden Rusia Vladimir Putin bertemu wartawan di Moskow.\n\n"
            "“Kami tidak meminta siapa pun untuk ini,” kata Putin.")
    [q] = [q for q in _quotes(body) if q.kind == "direct"]
    assert (q.text, q.speaker, q.speaker_mention, q.cue) == (
        "Kami tidak meminta siapa pun untuk ini", "Vladimir Putin", "Putin", "kata")
    assert body[q.start:q.end] == q.text


def test_quotes_resolves_nya_and_ia_to_last_speaker() -> None:
    body = ("Menteri Luar Negeri Retno Marsudi tiba di Jakarta pada Senin.\n\n"
            "\"Kami akan terus berdialog dengan semua pihak,\" ujar Retno.\n\n"
            "\"Tidak ada jalan lain selain perundingan,\" tambahnya.\n\n"
            "\"Semua pihak harus menahan diri,\" ia menambahkan.")
    direct = [q for q in _quotes(body) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Retno Marsudi"] * 3
    assert [q.speaker_mention for q in direct] == ["Retno", "-nya", "ia"]
    assert [q.cue for q in direct] == ["ujar", "tambahnya", "menambahkan"]


def test_quotes_role_stands_for_the_person_it_introduced() -> None:
    body = ("Juru bicara Kremlin Dmitry Peskov berbicara kepada wartawan di Moskow pada Jumat.\n\n"
            "Juru bicara Kremlin mengatakan, tidak ada rencana untuk menandatangani perjanjian apa pun.")
    reported = [q for q in _quotes(body) if q.kind == "indirect"]
    assert reported[-1].speaker == "Dmitry Peskov"
    assert reported[-1].text == "tidak ada rencana untuk menandatangani perjanjian apa pun"


def test_quotes_nested_quotes_stay_inside_and_scare_quotes_are_not_direct() -> None:
    body = ("Kim Jong Un menyerukan peningkatan \"kontak erat\" dengan Moskow.\n\n"
            "\"Perlunya memperkuat \"kontak erat\" dan kerja sama kedua negara,\" kata Kim.")
    quotes = _quotes(body)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["Perlunya memperkuat \"kontak erat\" dan kerja sama kedua negara"]
    assert direct[0].speaker == "Kim Jong Un"
    assert not any(q.text == "kontak erat" and q.kind == "direct" for q in quotes)


def test_quotes_introduced_by_colon_and_spanning_sentences() -> None:
    body = ("Tanpa menyebut nama Ukraina, Kim Jong-un mengatakan: “Militer Rusia akan menang. "
            "Rakyatnya akan mewarisi tradisi kemenangan.”")
    direct = [q for q in _quotes(body) if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text.startswith("Militer Rusia akan menang. Rakyatnya")
    assert (direct[0].speaker, direct[0].cue) == ("Kim Jong Un", "mengatakan")


def test_quotes_reported_speech_forms() -> None:
    body = ("Gubernur Jawa Barat Ridwan Kamil mengatakan bahwa banjir sudah mulai surut di Bekasi.\n\n"
            "Menurut Ridwan, bantuan logistik akan dikirim ke lokasi pengungsian hari ini.\n\n"
            "Amerika Serikat dan Ukraina mengatakan, Korea Utara telah mengirim peluru artileri ke Rusia.")
    reported = [q for q in _quotes(body) if q.kind == "indirect"]
    assert [(q.speaker, q.text) for q in reported] == [
        ("Ridwan Kamil", "banjir sudah mulai surut di Bekasi"),
        ("Ridwan Kamil", "bantuan logistik akan dikirim ke lokasi pengungsian hari ini"),
        ("Amerika Serikat", "Korea Utara telah mengirim peluru artileri ke Rusia"),
    ]
    assert reported[2].speaker_mention == "Amerika Serikat dan Ukraina"


def test_quotes_english_said_forms() -> None:
    body = ("\"We have not asked anyone for this,\" Vladimir Putin said on Thursday.\n\n"
            "Putin said that the treaty would deter the West from further escalation.")
    quotes = _quotes(body)
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Vladimir Putin"), ("indirect", "Vladimir Putin")]


def test_quotes_unattributed_quote_in_its_own_paragraph_has_no_speaker() -> None:
    body = ("Warga berkumpul di alun-alun kota sejak pagi.\n\n"
            "\"Kami hanya ingin harga beras kembali normal seperti dulu.\"")
    [q] = _quotes(body)
    assert q.kind == "direct" and q.speaker is None


def test_quotes_english_titles_names_and_told_that() -> None:
    body = ("North Korean leader Kim Jong Un met Russian President Vladimir Putin in Russia's Far East.\n\n"
            "\"We will always support Russia,\" Kim said at a state dinner.\n\n"
            "Kremlin spokesman Dmitry Peskov told reporters that no agreements were signed during the visit.")
    entities = find_entities(body, "en")
    people = {e.canonical for e in entities if e.label == "PERSON"}
    assert {"Kim Jong Un", "Vladimir Putin", "Dmitry Peskov"} <= people
    quotes = find_quotes(body, entities)
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Kim Jong Un"), ("indirect", "Dmitry Peskov")]
    assert quotes[1].text == "no agreements were signed during the visit"


def test_quotes_english_said_after_the_statement_names_the_speaker_after() -> None:
    body = "More than 100 protesters were killed in the unrest, said Amnesty International on Tuesday."
    [q] = find_quotes(body, find_entities(body, "en"))
    assert (q.kind, q.speaker) == ("indirect", "Amnesty International")
    assert q.text.startswith("More than 100 protesters were killed")


def test_quotes_title_comma_person_speaks() -> None:
    body = ('"Kasus demam berdarah meningkat tajam bulan ini," kata Kepala Dinas Kesehatan Jawa Barat, '
            'Vini Adiani Dewi, di Bandung.')
    [q] = _quotes(body)
    assert (q.kind, q.speaker) == ("direct", "Vini Adiani Dewi")
