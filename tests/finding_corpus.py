"""Made-up articles for the people-and-organisations and finding tests, and a store holding them.

Joko Widodo is written "Jokowi" in some and "Joko Widodo" in others; one article names him without quoting him;
outlets, dates and topics differ so that filters, sorting and paging have something to narrow; one article is
hostile (markup in its title and body).
"""

from __future__ import annotations

from pathlib import Path

from kliping.model import Article, RawDocument
from kliping.pipeline import process
from kliping.store import Store

HOSTILE = "<script>alert(1)</script>"

# id → (outlet, published, text: headline, blank line, body)
ARTICLES = {
    "dam": ("Kompas", "2023-09-13T10:00:00+07:00",
            "Jokowi resmikan bendungan baru di Semarang\n\n"
            "Semarang - Presiden Jokowi meresmikan bendungan Jragung di Semarang, Rabu (13/9/2023). "
            "\"Bendungan ini untuk para petani di Jawa Tengah,\" kata Jokowi kepada wartawan.\n\n"
            "Menteri PUPR Basuki Hadimuljono mendampingi Presiden dalam peresmian bendungan tersebut. "
            "Basuki mengatakan bendungan itu selesai tepat waktu."),
    "budget": ("Tempo", "2023-09-14T09:30:00+07:00",
               "DPR bahas anggaran pertanian tahun depan\n\n"
               "Jakarta - Komisi IV DPR membahas anggaran pertanian tahun depan, Kamis (14/9/2023). Ketua Komisi IV "
               "Sudin mengatakan anggaran itu sesuai arahan Presiden Joko Widodo tentang ketahanan pangan.\n\n"
               "\"Kami mendukung program pangan nasional,\" ujar Sudin di Gedung DPR."),
    "ikn": ("Kompas", "2024-02-01T15:00:00+07:00",
            "Joko Widodo tinjau pembangunan Ibu Kota Nusantara\n\n"
            "Penajam - Presiden Joko Widodo meninjau pembangunan Ibu Kota Nusantara di Penajam Paser Utara, "
            "Kamis (1/2/2024). \"Pembangunan istana sudah hampir selesai,\" ujar Joko Widodo.\n\n"
            "Kepala Otorita IKN Bambang Susantono mengatakan pekerjaan berjalan sesuai jadwal."),
    "flood": ("Detik", "2023-10-05T08:00:00+07:00",
              f"Banjir rendam ribuan rumah di Bekasi {HOSTILE}\n\n"
              f"Bekasi - Banjir merendam ribuan rumah warga di Bekasi, Kamis (5/10/2023). {HOSTILE} Kepala BPBD "
              "Bekasi Henri Lincoln mengatakan petugas mengevakuasi warga sejak dini hari.\n\n"
              "\"Air mulai surut sore ini, tetapi hujan masih turun,\" kata Henri. Warga mengungsi ke masjid."),
    "football": ("Tempo", "2023-11-20T19:00:00+07:00",
                 "Timnas Indonesia kalahkan Brunei di Stadion Gelora Bung Karno\n\n"
                 "Jakarta - Timnas Indonesia mengalahkan Brunei Darussalam 6-0 di Stadion Gelora Bung Karno, "
                 "Senin (20/11/2023). Pelatih Shin Tae-yong memuji permainan para pemain muda.\n\n"
                 "\"Para pemain bermain disiplin dan cepat,\" ujar Shin Tae-yong seusai pertandingan."),
}


def made_up(article_id: str) -> Article:
    outlet, published, text = ARTICLES[article_id]
    return process(RawDocument(source=f"{article_id}.txt", id=article_id, text=text, format="text",
                               outlet=outlet, published=published, headline_first=True))


def build_store(db: Path) -> Path:
    with Store.open(db) as store:
        store.add([made_up(a) for a in ARTICLES])
    return db
