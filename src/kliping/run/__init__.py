"""Executors: run the per-article chain over inputs and write the results."""

from kliping.run.analyze import RunSummary, analyze

__all__ = ["RunSummary", "analyze"]
