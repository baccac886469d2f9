"""A figure that changes over days is one claim with its values in date order (SPEC §5)."""

from __future__ import annotations

from kliping.corpus.claims import find_claims
from kliping.corpus.statements import statements_of
from kliping.model import Article
from kliping.pipeline import annotate


def _article(aid: str, body: str, outlet: str, published: str, language: str = "id") -> Article:
    return annotate(Article(id=aid, source=aid, body=body, outlet=outlet, published=published, language=language))


def test_a_rising_death_toll_in_two_languages_is_one_superseded_claim() -> None:
    day1 = _article("a", "Kapal motor Sinar Laut tenggelam di perairan Pulau Karang pada Senin malam. "
                         "Sampai pagi ini 12 penumpang ditemukan meninggal, kata Kepala Basarnas setempat.",
                    "Warta Pagi", "2024-03-04")
    day2 = _article("b", "Rescuers searching the waters off Karang island said they had recovered 40 bodies "
                         "after the Sinar Laut ferry sank on Monday night.", "Pacific Wire", "2024-03-05", "en")
    day3 = _article("c", "Jumlah korban tewas tenggelamnya kapal Sinar Laut bertambah menjadi 57 orang, "
                         "sementara 19 penumpang masih dicari.", "Kabar Timur", "2024-03-07")
    claims = find_claims([day3, day1, day2])
    [toll] = [c for c in claims if c.history]
    assert toll.status == "superseded"
    assert [(h.date, h.value, h.article_ids) for h in toll.history] == [
        ("2024-03-04", 12.0, ["a"]), ("2024-03-05", 40.0, ["b"]), ("2024-03-07", 57.0, ["c"])]
    assert [e.article_id for e in toll.support] == ["a"]
    assert {(e.article_id, e.stance) for e in toll.against} == {("b", "supersedes"), ("c", "supersedes")}


def test_one_article_listing_several_values_makes_no_history() -> None:
    a = _article("a", "Mobil listrik itu memakai motor belakang bertenaga 275 tenaga kuda dan motor depan "
                      "bertenaga 101 tenaga kuda untuk versi penggerak empat roda.", "Otomotif Kini", "2024-05-01")
    b = _article("b", "Versi termahal mobil listrik itu memakai motor bertenaga 302 tenaga kuda untuk "
                      "pasar Eropa.", "Laju Auto", "2024-05-09")
    assert not [c for c in find_claims([a, b]) if c.history]


def test_one_figure_in_two_languages_is_one_claim() -> None:
    a = _article("a", "Kepala BPBD Sunyi Ratna Dewi mengatakan, banjir bandang di Kabupaten Sunyi menewaskan 14 orang "
                      "dan merusak ratusan rumah.", "Warta Desa", "2024-03-07")
    b = _article("b", "The flash flood in Sunyi regency killed 14 people and damaged hundreds of homes, said Arif "
                      "Nugroho, a spokesman for the national disaster agency.", "Asia Wire", "2024-03-08", "en")
    claims = [c for c in find_claims([a, b]) if {e.article_id for e in c.support} == {"a", "b"}]
    assert claims and claims[0].status == "corroborated" and not claims[0].history, find_claims([a, b])
    assert len(claims[0].sources) == 2 and "Arif Nugroho" in claims[0].sources  # two independent voices


def test_an_article_that_repeats_its_figure_and_recalls_an_older_one_keeps_its_figure() -> None:
    # b repeats its news figure (lead and quote) and recalls last year's total once, as a comparison:
    # its figure is 95, and the count 30 → 95 is one superseded claim.
    a = _article("a", "Dinas Kesehatan Kabupaten Telukraya mencatat 30 kasus campak di Kecamatan Pantai "
                      "sejak awal bulan.",
                 "Warta Pesisir", "2024-04-02")
    b = _article("b", "Jumlah kasus campak di Kabupaten Telukraya bertambah menjadi 95 kasus per Senin. "
                      "\"Sampai hari ini tercatat 95 kasus,\" kata Kepala Dinas Kesehatan Telukraya Sri Handayani. "
                      "Sepanjang tahun lalu Telukraya hanya mencatat 12 kasus campak.", "Kabar Selatan", "2024-04-16")
    [cases] = [c for c in find_claims([a, b]) if c.history]
    assert cases.status == "superseded"
    assert [(h.date, h.value) for h in cases.history] == [("2024-04-02", 30.0), ("2024-04-16", 95.0)]


def test_an_article_giving_two_values_equally_often_still_makes_no_history() -> None:
    a = _article("a", "Dinas Kesehatan Kabupaten Telukraya mencatat 30 kasus campak di Kecamatan Pantai "
                      "sejak awal bulan.",
                 "Warta Pesisir", "2024-04-02")
    b = _article("b", "Kecamatan Pantai mencatat 41 kasus campak, sedangkan Kecamatan Bukit mencatat 17 kasus campak.",
                 "Kabar Selatan", "2024-04-16")
    assert not [c for c in find_claims([a, b]) if c.history]


def test_a_length_in_a_unit_is_one_quantity_however_small_its_first_value() -> None:
    # "5 kilometer" then "18 km": one slick's length, though 5 is a small digit and "tewas" is near.
    a = _article("a", "Lapisan minyak dari kapal yang tenggelam itu terlihat sepanjang 5 kilometer di Teluk Merpati, "
                      "kata petugas yang menyisir perairan.", "Warta Pesisir", "2024-06-03")
    b = _article("b", "Petugas mengatakan sebaran minyak di Teluk Merpati kini mencapai 18 km, dua hari setelah "
                      "kapal yang menewaskan awaknya itu tenggelam.", "Kabar Selatan", "2024-06-05")
    [slick] = [c for c in find_claims([a, b]) if c.history]
    assert [(h.date, h.value) for h in slick.history] == [("2024-06-03", 5.0), ("2024-06-05", 18.0)]
    assert slick.status == "superseded"


def test_a_measure_a_fraction_a_part_or_an_amount_of_money_is_no_count_of_the_dead() -> None:
    # Each sentence has a word of the dead near a number that is no toll: a stretch in miles, a
    # magnitude written "M 5,9", two of the dead (a part), a fine in dollars.
    for text, language in (("Dead carp washed up along a 12-mile stretch of the Keller Creek on Sunday.", "en"),
                           ("Korban meninggal akibat gempa M 5,9 di Kabupaten Batu Hijau terus didata.", "id"),
                           ("The mayor said two of the dead were firefighters from the next town.", "en"),
                           ("Regulators fined the mill $3.5 million over a leak that killed thousands of fish.",
                            "en")):
        [statement] = statements_of(_article("a", text, "Warta Pesisir", "2024-06-03", language))
        assert "dead" not in {kind for kind, _ in statement.figures}, (text, statement.figures)
    [mile] = statements_of(_article("b", "Dead carp washed up along a 12-mile stretch of the Keller Creek.",
                                    "Warta Pesisir", "2024-06-03", "en"))
    assert mile.figures == (("unit:mile", 12.0),)


def test_between_two_values_stated_once_each_the_leads_is_the_articles_figure() -> None:
    # b's lead gives the new total and a later sentence a breakdown: its figure is 52, not 47.
    a = _article("a", "Dinas Kesehatan Kabupaten Telukraya mencatat 30 kasus campak di Kecamatan Pantai "
                      "sejak awal bulan.", "Warta Pesisir", "2024-04-02")
    b = _article("b", "Jumlah kasus campak di Kabupaten Telukraya bertambah menjadi 52 kasus per Senin. "
                      "Sebanyak 47 kasus berasal dari Kecamatan Pantai, sisanya dari kecamatan tetangga.",
                 "Kabar Selatan", "2024-04-16")
    [cases] = [c for c in find_claims([a, b]) if c.history]
    assert [(h.date, h.value) for h in cases.history] == [("2024-04-02", 30.0), ("2024-04-16", 52.0)]
