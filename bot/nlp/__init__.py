"""Summaries, claims and attribution: pure, synchronous functions with no I/O."""
