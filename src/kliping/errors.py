"""One exception tree for kliping; every message says what went wrong and what to do.

    KlipingError                 anything kliping raises on purpose
    ├── InputError               a path or option the user gave cannot be used (bad usage)
    ├── Rejected                 one input is unusable; the run lists it as skipped and goes on
    ├── GoldError                a gold file for `kliping eval` is malformed
    └── StoreError               the article store cannot be opened or written
"""

from __future__ import annotations


class KlipingError(Exception):
    """Base class of every error kliping raises on purpose."""


class InputError(KlipingError):
    """A path or option given by the user cannot be used."""


class Rejected(KlipingError):
    """One input document is unusable; ``reason`` says why in a few words."""

    def __init__(self, reason: str, source: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source


class GoldError(KlipingError):
    """A gold file given to `kliping eval` does not follow the expected schema."""


class StoreError(KlipingError):
    """The article store cannot be opened or written."""


class StoreFailed(StoreError):
    """The store's file is damaged, or writing it failed (disk full, I/O error): not the user's usage."""
