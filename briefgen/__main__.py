"""``python -m briefgen`` runs the command line."""

from briefgen.cli.main import entry

entry()
