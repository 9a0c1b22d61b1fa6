"""Entry point of the frozen app: the same command line as the ``briefgen`` script (no arguments: the app)."""

from briefgen.cli.main import entry

entry()
