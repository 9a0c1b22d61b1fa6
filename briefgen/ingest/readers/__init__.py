"""Readers for formats beyond plain text and Markdown."""
