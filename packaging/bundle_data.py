"""What the frozen app carries and what it leaves out: the lists ``briefgen.spec`` builds from.

Plain Python without PyInstaller, so that tests/packaging can check the lists quickly and the build script can
ask for the version (``python packaging/bundle_data.py version``). Paths in the bundle are relative to the
folder PyInstaller unpacks to (``sys._MEIPASS``); :func:`briefgen.resources.resources_dir` looks for
``resources/`` there.
"""

from __future__ import annotations

import ast
import os
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

PACKAGING_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGING_DIR.parent
RESOURCES_DIR = REPO_ROOT / "resources"
ICONS_DIR = PACKAGING_DIR / "icons"

APP_NAME = "briefgen"
"""The one-folder app's name and its main executable."""
CLI_NAME = "briefgen-cli"
"""Windows and macOS only: the console executable for the command line (Linux has one executable for both)."""
APP_ID = "org.briefgen.Briefgen"
"""Reverse-DNS id: desktop file, AppStream id, icon name, macOS bundle identifier."""
PROJECT_SUFFIX = ".briefgen"
PROJECT_MIME_TYPE = "application/x-briefgen-project"
PROJECT_UTI = f"{APP_ID}.project"

# --- data -------------------------------------------------------------------------------------------------------

RESOURCE_FOLDERS: tuple[str, ...] = ("docx", "fonts", "help", "icons", "nlp", "samples", "templates", "translations")
"""Subfolders of ``resources/`` the app loads at run time; each is copied to ``resources/<name>`` in the bundle.

Every subfolder of ``resources/`` must be listed here (tests/packaging/test_spec_resources.py checks it)."""

BUILD_TIME_RESOURCE_FOLDERS: tuple[str, ...] = ("fonts",)
"""Folders of the bundle's ``resources/`` the build adds files to that are not kept in the repository (the DejaVu
fonts beside the Noto subsets of ``resources/fonts``)."""

BUNDLED_FONT_FILES: tuple[str, ...] = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic.ttf",
    "DejaVuSerif-BoldItalic.ttf",
)
"""Unicode TrueType fonts copied from the build machine into ``resources/fonts`` (never kept in the repository),
so PDF briefs have Greek, Cyrillic and typographic punctuation where no such font is installed. The runtime hook
``rthook_fonts.py`` adds the folder to ``BRIEFGEN_FONT_DIRS``, which briefgen.render.pdf.fonts searches."""

FONT_LICENCE_FILES: tuple[str, ...] = (
    "/usr/share/doc/fonts-dejavu-core/copyright",
    "/usr/share/licenses/dejavu-sans-fonts/LICENSE",
    "/usr/share/licenses/dejavu-fonts-common/LICENSE",
)
"""Where Linux distributions keep the DejaVu licence; the first one found goes beside the fonts."""

DATA_PACKAGES: tuple[str, ...] = ("trafilatura", "justext", "htmldate", "courlan", "tld", "docx", "reportlab")
"""Libraries that read their own data files at run time (trafilatura's settings.cfg, jusText's stop lists, tld's
suffix list, python-docx's default template, reportlab's fonts). babel's locale data comes with its hook."""

METADATA_PACKAGES: tuple[str, ...] = ("trafilatura",)
"""Libraries that ask ``importlib.metadata`` for their own version at import time."""

MODULE_COLLECTION_MODE: dict[str, str] = {"docx": "pyz+py"}
"""Packages whose ``.py`` files are also copied beside the archive: python-docx opens its templates through
``docx/parts/../templates/``, a path that only resolves when the ``docx/parts`` folder exists on disk."""

HIDDEN_IMPORT_PACKAGES: tuple[str, ...] = ("briefgen",)
"""Every submodule is bundled: readers, renderers and CLI commands are imported by name (importlib)."""

# --- what to leave out ------------------------------------------------------------------------------------------

_UNUSED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml",
)  # fmt: skip
"""Qt's Python modules other than QtCore, QtGui and QtWidgets (all the app imports). Their Qt libraries stay out
too, except the few that QtGui or a kept plugin links (QtDBus, which QtGui links on Linux; QtOpenGL for the
Wayland EGL integration; QtSvg for SVG icons)."""

OPTIONAL_EXTRA_MODULES: tuple[str, ...] = ("dask", "distributed")
"""Imported only by ``briefgen batch --executor dask`` (the ``[dask]`` extra); the app has no batches, so the
bundle leaves them out even when the build's environment has them."""

DEVELOPMENT_ONLY_MODULES: tuple[str, ...] = ("fontTools", "yaml", "_yaml", "joblib", "tornado", "psutil")
"""Libraries the app never runs, found only through optional imports of its dependencies: fontTools (pypdf's CFF
font parsing; in the development environment to make the font subsets, tools/make_font_subsets.py), PyYAML,
tornado and psutil (the ``[dask]`` extra brings them; nltk helpers, numpy's build report and joblib import them
if present) and joblib (nltk's parallel preprocessing helper). Left out, the bundle is the same whether or not the
build's environment has them: 12 MB less with fontTools' and PyYAML's compiled modules."""

EXCLUDED_MODULES: tuple[str, ...] = (
    *(f"PySide6.{name}" for name in _UNUSED_QT_MODULES),
    *OPTIONAL_EXTRA_MODULES,
    "tkinter",
    "_tkinter",
    "sumy",
    "rouge_score",
    "absl",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "IPython",
    "matplotlib",
    "pydoc_data",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "lxml.objectify",
    "lxml.isoschematron",
    "sqlite3",
    "_sqlite3",
    "readline",
    "chardet",
    "setuptools",
    "pkg_resources",
    "tqdm",
    *DEVELOPMENT_ONLY_MODULES,
    "requests",
    "curses",
    "_curses",
    "numpy.f2py",
    "numpy.testing",
    "numpy.fft",
    "lxml.html.diff",
    "lxml.html._diffcommand",
    "lxml.html._difflib",
)
"""Never bundled: Qt modules the app does not use, benchmark and test tools, and libraries only reachable through
optional or unused imports of our dependencies (sqlite3 from nltk helpers,
Pillow's AVIF codec (5 MB) and Tk bridge, lxml's objectify, schematron and HTML diff, requests from nltk's
CoreNLP client, curses from tornado, numpy's Fortran wrapper generator, test helpers and FFT, which nothing
calls). The smoke test checks the app still reads every format and writes every output without them.
tests/packaging checks that briefgen imports none of them."""

QT_PLUGIN_FOLDERS: tuple[str, ...] = (
    "platforms",
    "platformthemes",
    "platforminputcontexts",
    "imageformats",
    "iconengines",
    "styles",
    "xcbglintegrations",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
)
"""Qt plugin folders kept; all others (multimedia, sql drivers, printers, …) are dropped."""

QT_PLUGINS_LEFT_OUT: tuple[str, ...] = (
    "imageformats/qpdf",
    "imageformats/qtiff",
    "imageformats/qwebp",
    "imageformats/qicns",
    "imageformats/qtga",
    "imageformats/qwbmp",
    "platforms/qvnc",
    "platforms/qvkkhrdisplay",
    "platforms/qlinuxfb",
    "platforms/qeglfs",
    "platforms/qminimalegl",
    "platformthemes/qgtk3",
    "wayland-graphics-integration-client/dmabuf-server",
    "wayland-graphics-integration-client/drm-egl-server",
    "wayland-graphics-integration-client/shm-emulation-server",
    "wayland-graphics-integration-client/vulkan-server",
)
"""Plugins dropped from the kept folders (folder/file stem): image formats the app never shows (PNG is built into
QtGui; SVG, ICO, JPEG and GIF stay), embedded-device platforms, the GTK 3 theme, which would drag GTK, cairo and
pango into the bundle (the XDG desktop portal theme stays), and the Wayland "server buffer" integrations, which
share textures with Qt-based compositors and serve OpenGL content the app does not have (the EGL client
integration stays)."""

QT_TRANSLATION_CATALOGUES: tuple[str, ...] = ("qtbase",)
"""Qt's own translations the app loads (briefgen/gui/translations.py: standard buttons and dialogs), bundled only
for the languages the app itself is translated into (:func:`app_languages`): all 33 languages of ``qtbase`` take
6 MB, and Qt's texts in a language the rest of the app does not speak would only mix two languages."""

APP_TRANSLATIONS_FOLDER = "translations"
"""``resources/translations``: ``briefgen_<language>.qm`` (bundled) and the ``.ts`` sources (left out)."""

BABEL_LOCALES_KEPT: tuple[str, ...] = ("root", "en")
"""babel's locale data is 32 MB; only courlan uses babel, to score language codes in URLs when asked to filter by
language, which briefgen never does (an unknown locale is caught there)."""


QT_LIBRARIES_LEFT_OUT: tuple[str, ...] = ("opengl32sw.dll",)
"""Windows: Qt's software OpenGL renderer (20 MB), a fallback for OpenGL content the app does not have."""

SYSTEM_LIBRARIES_LEFT_OUT: tuple[str, ...] = (
    "libstdc++.so.6",
    "libgcc_s.so.1",
    "libX11.so.6",
    "libX11-xcb.so.1",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libglib-2.0.so.0",
    "libgthread-2.0.so.0",
    "libz.so.1",
    "libdbus-1.so.3",
)
"""Linux: libraries taken from the user's system, never from the build machine (with the ones only they need:
libpng and expat, systemd's client library and libgcrypt: ``elf_files.without_orphaned_libraries``). PySide6's own wheel
does not carry them either: it expects them from the system, as a ``pip install`` of briefgen does. Every desktop
Linux has them, and they must match the system rather than the build machine:

- the C++ runtime: the system's OpenGL drivers may need a newer libstdc++ than a bundled copy;
- X11, fontconfig and FreeType: fontconfig reads the system's font configuration, whose format follows the
  system's fontconfig (the AppImage project leaves these out of AppImages for that reason);
- GLib, zlib and D-Bus: GLib and zlib are on the list of system libraries manylinux wheels may link; Qt talks to
  the desktop (portal dialogs and colour scheme, input methods, accessibility) over the system's D-Bus.

Only the desktop app loads them, except zlib (Python's zlib module), which every Linux system has."""

REPORTLAB_FONTS_KEPT: tuple[str, ...] = (
    "Vera.ttf",
    "VeraBd.ttf",
    "VeraIt.ttf",
    "VeraBI.ttf",
    "bitstream-vera-license.txt",
)
"""Of reportlab's ``fonts`` folder only its last-resort TrueType font (Bitstream Vera): its Type 1 fonts (for
bitmaps) and demo fonts are 1.5 MB the PDF renderer never reads (the standard fonts' metrics are built in)."""


TEST_DATA_LEFT_OUT: tuple[str, ...] = ("nltk/test", "tld/tests")
"""Test files collected with libraries' data (nltk's doctests, tld's test resources: 1 MB), never read."""


def app_languages(folder: Path = RESOURCES_DIR / APP_TRANSLATIONS_FOLDER) -> frozenset[str]:
    """Languages the app has a translation file for (``briefgen_de.qm`` or ``.ts`` -> ``de``), the English template
    included."""
    if not folder.is_dir():
        return frozenset()
    return frozenset(
        path.stem.removeprefix("briefgen_")
        for path in folder.iterdir()
        if path.stem.startswith("briefgen_") and path.suffix in (".qm", ".ts")
    )


def _qt_translation_kept(name: str, languages: frozenset[str]) -> bool:
    catalogue, _, language = name.removesuffix(".qm").partition("_")
    return name.endswith(".qm") and catalogue in QT_TRANSLATION_CATALOGUES and language in languages


def bundle_file_kept(dest: str, languages: frozenset[str] | None = None) -> bool:
    """Whether a file PyInstaller collected (by its path in the bundle) belongs in the app: drops Qt's
    translations but ``qtbase`` in the app's languages (*languages*, default :func:`app_languages`), the app's
    translation sources, the Qt plugins the app does not use, foreign babel locales and the C++ runtime (Linux)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if len(parts) == 1 and parts[0] in SYSTEM_LIBRARIES_LEFT_OUT:
        return False
    if len(parts) >= 3 and parts[0] == "babel" and parts[1] == "locale-data":
        locale = parts[-1].split(".", 1)[0]
        return locale.split("_", 1)[0] in BABEL_LOCALES_KEPT
    if parts[:2] == ("resources", APP_TRANSLATIONS_FOLDER):
        return parts[-1].endswith(".qm")
    if parts[:2] == ("reportlab", "fonts"):
        return parts[-1] in REPORTLAB_FONTS_KEPT
    if "/".join(parts[:2]) in TEST_DATA_LEFT_OUT:
        return False
    if not parts or parts[0] != "PySide6":
        return True
    if "translations" in parts:
        return _qt_translation_kept(parts[-1], app_languages() if languages is None else languages)
    if parts[-1].lower() in QT_LIBRARIES_LEFT_OUT:
        return False
    if "plugins" in parts:
        rest = parts[parts.index("plugins") + 1 :]
        if not rest or rest[0] not in QT_PLUGIN_FOLDERS:
            return False
        if len(rest) >= 2:
            stem = rest[-1].split(".", 1)[0].removeprefix("lib")
            if f"{rest[0]}/{stem}" in QT_PLUGINS_LEFT_OUT:
                return False
    return True


# --- helpers for the spec ---------------------------------------------------------------------------------------


def read_version(init_file: Path = REPO_ROOT / "briefgen" / "__init__.py") -> str:
    """``briefgen.__version__`` read from the source (the one place the version is written)."""
    tree = ast.parse(init_file.read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise ValueError(f"no __version__ = '...' in {init_file}")


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0rc1"`` -> ``(0, 1, 0, 0)`` for Windows version resources and macOS bundle versions."""
    numbers: list[int] = []
    for piece in version.split(".")[:4]:
        digits = ""
        for ch in piece:
            if not ch.isdigit():
                break
            digits += ch
        numbers.append(int(digits or 0))
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def resource_folders_in_repo() -> list[str]:
    return sorted(p.name for p in RESOURCES_DIR.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def resource_datas() -> list[tuple[str, str]]:
    """``(source folder, folder in the bundle)`` for every listed resource folder; a clear error if the list and
    ``resources/`` disagree, so a new folder is never silently left out of the app."""
    unlisted = sorted(set(resource_folders_in_repo()) - set(RESOURCE_FOLDERS))
    if unlisted:
        raise SystemExit(f"resources/ has folders not listed in packaging/bundle_data.py RESOURCE_FOLDERS: {unlisted}")
    missing = [name for name in RESOURCE_FOLDERS if not (RESOURCES_DIR / name).is_dir()]
    if missing:
        raise SystemExit(f"RESOURCE_FOLDERS lists folders missing from resources/: {missing}")
    return [(str(RESOURCES_DIR / name), f"resources/{name}") for name in RESOURCE_FOLDERS]


def _font_search_dirs() -> list[Path]:
    dirs = [Path(p) for p in os.environ.get("BRIEFGEN_BUNDLE_FONT_DIRS", "").split(os.pathsep) if p]
    if sys.platform.startswith("linux"):
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    return dirs


def find_bundle_fonts(search: Iterable[Path] | None = None) -> list[Path]:
    """The build machine's copies of :data:`BUNDLED_FONT_FILES` (all of them, or none: a partial family would
    make the PDF renderer mix fonts)."""
    wanted = {name.lower(): name for name in BUNDLED_FONT_FILES}
    found: dict[str, Path] = {}
    for folder in _font_search_dirs() if search is None else search:
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower() in wanted:
                    found.setdefault(name.lower(), Path(root) / name)
    if len(found) != len(wanted):
        return []
    return [found[key] for key in wanted]


def font_datas(staging: Path) -> list[tuple[str, str]]:
    """The fonts (and their licence, copied into *staging* under a plain name) for ``resources/fonts``."""
    fonts = find_bundle_fonts()
    if not fonts:
        return []
    datas = [(str(path), "resources/fonts") for path in fonts]
    licence = next((Path(p) for p in FONT_LICENCE_FILES if Path(p).is_file()), None)
    if licence is not None:
        staging.mkdir(parents=True, exist_ok=True)
        copy = staging / "DejaVu-LICENCE.txt"
        copy.write_bytes(licence.read_bytes())
        datas.append((str(copy), "resources/fonts"))
    return datas


def icon_file(platform: str = sys.platform) -> str:
    """The executable's icon: ``.ico`` on Windows, ``.icns`` on macOS, a PNG elsewhere (only used by the desktop
    file there)."""
    if platform == "win32":
        return str(ICONS_DIR / "briefgen.ico")
    if platform == "darwin":
        return str(ICONS_DIR / "briefgen.icns")
    return str(ICONS_DIR / "png" / "briefgen-256.png")


if __name__ == "__main__":
    if sys.argv[1:] == ["version"]:
        print(read_version())
    elif sys.argv[1:] == ["app-id"]:
        print(APP_ID)
    else:
        raise SystemExit("usage: bundle_data.py version|app-id")
