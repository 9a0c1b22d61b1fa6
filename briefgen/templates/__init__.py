"""Templates: versioned JSON documents that say what a brief contains and how it looks.

- :mod:`~briefgen.templates.schema`: the :class:`Template` data;
- :mod:`~briefgen.templates.validate`: JSON <-> Template with messages naming the bad field;
- :mod:`~briefgen.templates.migrate`: older schema versions -> the current one;
- :mod:`~briefgen.templates.placeholders`: ``{date}``-style placeholders from a fixed set;
- :mod:`~briefgen.templates.builtins` and :mod:`~briefgen.templates.store`: built-in and user templates.
"""

from briefgen.templates.schema import SCHEMA_VERSION, PartSpec, PartType, Template

__all__ = ["SCHEMA_VERSION", "PartSpec", "PartType", "Template"]
