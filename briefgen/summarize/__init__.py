"""Extractive summarisation (see :mod:`briefgen.summarize.api` for the public types)."""
