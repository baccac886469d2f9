"""Partial quotations after a word of characterising ("dismissed the plan as “reckless”"): someone's
words however short, where a fragment alone would be a scare quote; double marks written another way;
speech quoted the British way, in single marks; whom a speaker told before a colon. Made-up sentences."""

from __future__ import annotations

from chain_probe import quotes_of as _quotes
from conftest import made_up_article


def _partials(body: str, language: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in _quotes(body, language) if q.kind == "partial"]


def test_a_word_after_as_of_or_an_object_is_the_speakers() -> None:
    body = "Harbour master Tom Webb dismissed the tender as “reckless” before the board met."
    assert _partials(body, "en") == [("reckless", "Tom Webb")]
    body = "Councillor Ann Roe accused the mill owners of \"hiding the books\" at the hearing."
    assert _partials(body, "en") == [("hiding the books", "Ann Roe")]
    assert _partials("The board called the loss “manageable” and moved on.", "en") == [("manageable", None)]


def test_views_regards_and_portrays_as_characterise() -> None:
    # the body that views a thing as something, not the person named before in the paragraph
    body = ("Tom Webb chaired the meeting. The harbour fund, which Millbrook Council regards as “money well "
            "spent”, pays for the dredging.")
    assert _partials(body, "en") == [("money well spent", "Millbrook Council")]
    body = "Kepala desa Budi Santoso menggambarkan banjir itu sebagai “yang terburuk” di Sukaraja."
    assert _partials(body, "id") == [("yang terburuk", "Budi Santoso")]


def test_a_passive_word_names_no_speaker() -> None:
    body = "Namun, proyek jembatan itu dinilai \"terlalu mahal\" oleh sebagian warga Sukaraja."
    assert _partials(body, "id") == [("terlalu mahal", None)]


def test_a_name_given_after_called_is_no_quotation() -> None:
    # no object between "called" and the quoted words: the name of a thing
    assert _partials("The band from Millbrook released a song called \"hope\" last year.", "en") == []
    # and a scare quote with no such word before it stays one
    assert _partials("The town's \"miracle\" bridge opened on Friday.", "en") == []


def test_double_marks_written_as_two_single_marks_guillemets_or_escaped() -> None:
    # "‘’…’’" (Indonesian regional pages), "''…''" (wire copy), guillemets, a scraper's \"
    cases = [
        ("Petani cemas.\n\n‘’Kami belum bisa menanam padi tahun ini,’’ kata Budi Santoso.",
         "Kami belum bisa menanam padi tahun ini"),
        ("The orchard flooded.\n\n''We will replant every tree by spring,'' Tom Webb said.",
         "We will replant every tree by spring"),
        ("A neighbour described the night. «The water rose faster than we could run,» she said.",
         "The water rose faster than we could run"),
        ('Warga bergotong royong. \\"Sawah kami terendam tiga hari,\\" ujar Budi Santoso.',
         "Sawah kami terendam tiga hari"),
    ]
    for body, said in cases:
        # through the whole chain: cleaning makes the marks one kind
        article = made_up_article("marks", "Millbrook council meets on the harbour budget", body, "2024-05-01")
        assert [q.text for q in article.quotes if q.kind == "direct"] == [said]


def test_speech_in_single_marks_the_british_way() -> None:
    body = ("A lorry overturned near Millbrook on Monday, a hearing was told.\n\n"
            "Driver Tom Webb said: ‘The road was covered in ice when I came round the bend.\n\n"
            "‘I braked but the trailer kept sliding towards the verge.’\n\n"
            "‘The farmers’ gates were all open that morning,’ he said. He called it ‘bad luck’ later.")
    direct = [(q.text, q.speaker) for q in _quotes(body, "en") if q.kind == "direct"]
    assert direct == [("The road was covered in ice when I came round the bend.", "Tom Webb"),
                      ("I braked but the trailer kept sliding towards the verge.", "Tom Webb"),
                      ("The farmers’ gates were all open that morning", "Tom Webb")]
    # a quoted phrase inside a sentence stays a fragment, and an apostrophe closes nothing
    assert _partials(body, "en") == [("bad luck", "Tom Webb")]


def test_whom_the_speaker_told_before_a_colon_is_no_speaker() -> None:
    body = ("But harbour master Ann Roe told Radio Millbrook: \"We are clearing the channel this week.\"\n\n"
            "Tom Webb told Reuters: \"The talks have stalled.\"\n\n"
            "Ann Roe told reporters: \"We will not back down.\"")
    assert [q.speaker for q in _quotes(body, "en") if q.kind == "direct"] == ["Ann Roe", "Tom Webb", "Ann Roe"]
