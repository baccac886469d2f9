"""Sequence[Article] → corpus results: duplicates, stories, events, claims, timeline, summary.

Corpus steps see many articles; they scale by blocking and indexing, never by comparing all
pairs.
"""
