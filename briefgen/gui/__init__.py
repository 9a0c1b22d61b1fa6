"""The desktop app (PySide6). The only package of briefgen that imports Qt.

Qt models and widgets here adapt the plain-Python engine objects (:mod:`briefgen.project.workspace` is the source of
truth); long work runs in :mod:`briefgen.gui.workers` and reports through the engine's progress callback.
"""
