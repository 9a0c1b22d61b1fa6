"""Projects: a whole workspace saved as a ``.briefgen`` file, and opened again.

- :mod:`~briefgen.project.format`: the file format (what a project records, reading and writing it strictly).
- :mod:`~briefgen.project.migrate`: schema versions and the steps that bring older files up to date.
- :mod:`~briefgen.project.workspace`: the workspace the desktop app edits (:class:`WorkspaceState`), the source of
  truth that becomes a project when saved and the choices of a brief when built.
- :mod:`~briefgen.project.remap`: reading a project's sources again, with moved files relocated and the ids of
  changed files mapped onto their new ids.
- :mod:`~briefgen.project.outside`: the sources a project reads from outside its own folder.
- :mod:`~briefgen.project.build_inputs`: ``briefgen build --project``, the brief the app would export.

Projects sit above building: they turn into :class:`~briefgen.build_choices.BriefChoices` and are built by
:mod:`briefgen.build_choices`; nothing below imports this package.
"""
