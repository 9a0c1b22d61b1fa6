"""Translations of the app's texts.

Every text the user sees is wrapped for translation: ``self.tr(...)`` in Qt classes,
``QCoreApplication.translate(<context>, ...)`` in plain functions, ``QT_TRANSLATE_NOOP`` for constants that are
translated where they are shown. ``tools/update_translations.py`` (``make translations``) collects them with
``pyside6-lupdate`` into ``resources/translations/briefgen_en.ts``, the file a translator starts from, and
compiles every translated ``briefgen_<language>.ts`` to a ``.qm`` file; :func:`install_translators` loads the one
for the system's language at start-up, with Qt's own translations (standard buttons and dialogs) when Qt ships
them. See docs/gui.md, "Translations".

Texts that depend on a number are plural ("numerus") messages, ``self.tr("{n} sentence(s)", "", n)``: a
translation gives each form its language needs; without one, :func:`plural_form` applies the English rule.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

APP_CATALOGUE = "briefgen"
"""Translation files are ``briefgen_<language>.ts`` / ``.qm`` (``briefgen_de.qm``, ``briefgen_pt_BR.qm``)."""
QT_CATALOGUE = "qtbase"
"""Qt's own texts (standard buttons, file and colour dialogs), from Qt's translations folder."""


def translations_dir() -> Path:
    """Where the app's translation files are (resources/translations/)."""
    from briefgen.resources import resources_dir

    return resources_dir() / "translations"


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install Qt's translations and briefgen's for *locale* (default: the system's language) where their files
    exist; returns the translators installed."""
    locale = locale if locale is not None else QLocale()
    installed: list[QTranslator] = []
    for catalogue, folder in (
        (QT_CATALOGUE, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (APP_CATALOGUE, str(translations_dir())),
    ):
        name = f"translator-{catalogue}"
        if app.findChild(QTranslator, name) is not None:  # installed already (the app was made again)
            continue
        translator = QTranslator(app)
        translator.setObjectName(name)
        if folder and translator.load(locale, catalogue, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.setParent(None)
            translator.deleteLater()
    return installed


def plural_form(text: str, n: int) -> str:
    """A plural message as translated for *n* (``tr("{n} page(s)", "", n)``). A translation has already picked
    its form; an English text still says "(s)", which becomes "" for one and "s" otherwise."""
    return text.replace("(s)", "" if n == 1 else "s")
