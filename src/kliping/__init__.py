"""kliping: news articles → a story dossier a reader can verify.

The public API: read, clean and describe articles (``extract``, ``process``), run a whole
analysis into a folder (``analyze``), and score results against gold files (``evaluate``).
"""

from collections.abc import Iterable as _Iterable
from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _version
from pathlib import Path as _Path
from typing import Any as _Any

try:
    __version__ = _version("kliping")
except _PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

from kliping.errors import GoldError, InputError, KlipingError, Rejected, StoreError
from kliping.eval import evaluate, load_gold
from kliping.model import (
    Article,
    DateMention,
    Entity,
    Quote,
    RawDocument,
    RemovedLine,
    Skipped,
)
from kliping.pipeline import extract, process
from kliping.run import RunSummary
from kliping.run import analyze as _run_analyze
from kliping.show.report import write_dossier_page as _write_dossier_page


def analyze(paths: _Iterable[str], out_dir: str | _Path, **options: _Any) -> RunSummary:
    """Read every input under ``paths`` and write articles.jsonl, dossier.json and index.html into
    ``out_dir``; ``options`` are kliping.run.analyze's (engine, workers, resume, on_item…)."""
    options.setdefault("page", _write_dossier_page)
    return _run_analyze(paths, out_dir, **options)


__all__ = [
    "Article",
    "DateMention",
    "Entity",
    "GoldError",
    "InputError",
    "KlipingError",
    "Quote",
    "RawDocument",
    "Rejected",
    "RemovedLine",
    "RunSummary",
    "Skipped",
    "StoreError",
    "__version__",
    "analyze",
    "evaluate",
    "extract",
    "load_gold",
    "process",
]
