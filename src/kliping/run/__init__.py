"""Executors: run the per-article chain over inputs and write the results (a folder, or the store)."""

from kliping.model import AddSummary, RunSummary
from kliping.run.add import add_paths, analyze_store
from kliping.run.analyze import analyze

__all__ = ["AddSummary", "RunSummary", "add_paths", "analyze", "analyze_store"]
