"""One reader per input format (plain text, Markdown, HTML, Word, PDF), each ``read_x(data, shown_path)``
returning a :class:`~briefgen.ingest.blocks.RawDocument`; :mod:`briefgen.ingest.registry` says which reads
which file."""
