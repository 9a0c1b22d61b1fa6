"""``python -m briefgen`` runs the command line."""

from briefgen.cli.main import main

raise SystemExit(main())
