"""Who said a quotation: attributions after appositives, verbs outside the cue list, colon
introductions, statement nouns, inverted English cues, titles before the person, descriptions."""

from __future__ import annotations

from kliping.annotate.entities import find_entities
from kliping.annotate.quotes import find_quotes
from kliping.model import Quote


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
