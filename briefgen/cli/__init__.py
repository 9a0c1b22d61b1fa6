"""The command line: ``briefgen [gui|inspect|summarize|build|templates|demo] ...``."""
