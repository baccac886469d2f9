"""kliping: news articles → a story dossier a reader can verify.

The public API: read, clean and describe articles (``extract``, ``process``), run a whole
analysis into a folder (``analyze``), and score results against gold files (``evaluate``).
"""

from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _version

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
from kliping.run import RunSummary, analyze

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
