"""The frozen app carries every resource folder the code loads, and nothing the code imports is left out.

Fast checks of packaging/briefgen.spec and the lists it builds from (packaging/bundle_data.py); no build.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from tests.load_script import load_script

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "briefgen"
SPEC_FILE = REPO / "packaging" / "briefgen.spec"
RESOURCE_FUNCTIONS = {"resource_path", "read_resource_text"}


def load_bundle_data() -> ModuleType:
    # loaded by path: a top-level "packaging" name would be the PyPI package of that name
    return load_script(REPO / "packaging" / "bundle_data.py", "briefgen_bundle_data")


bd = load_bundle_data()


def _packaging_module(name: str) -> ModuleType:
    """A module of packaging/ imported by name, as briefgen.spec imports it (they import each other)."""
    if str(REPO / "packaging") not in sys.path:
        sys.path.append(str(REPO / "packaging"))
    return importlib.import_module(name)


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@functools.cache
def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class ResourceUse:
    where: str
    parts: tuple[str, ...] | None
    """The literal path parts under resources/; None when the code builds them in a way this test cannot read."""


def _string_tuple(value: ast.expr | None) -> tuple[str, ...] | None:
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return (value.value,)
    if isinstance(value, ast.Tuple):
        items = [e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if len(items) == len(value.elts):
            return tuple(items)
    return None


def _module_constants(tree: ast.Module) -> dict[str, tuple[str, ...]]:
    """Module-level ``NAME = ("a", "b")`` / ``NAME = "a"`` constants."""
    constants: dict[str, tuple[str, ...]] = {}
    for node in tree.body:
        value: ast.expr | None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.value
        else:
            continue
        parts = _string_tuple(value)
        for target in targets:
            if isinstance(target, ast.Name) and parts is not None:
                constants[target.id] = parts
    return constants


def _literal_parts(args: list[ast.expr], constants: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    parts: list[str] = []
    for arg in args:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            parts.append(arg.value)
        elif isinstance(arg, ast.Starred) and isinstance(arg.value, ast.Name) and arg.value.id in constants:
            parts.extend(constants[arg.value.id])
        elif isinstance(arg, ast.Name) and arg.id in constants and len(constants[arg.id]) == 1:
            parts.append(constants[arg.id][0])
        else:
            return tuple(parts) if parts else None  # later parts are file names; the folder is what matters
    return tuple(parts) if parts else None


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def resource_uses() -> Iterator[ResourceUse]:
    """Every ``resource_path(...)``, ``read_resource_text(...)``, ``resources_dir() / "x"`` and
    ``resources_dir().joinpath(...)`` in the package."""
    for path in python_files():
        if path == PACKAGE / "resources.py":
            continue
        tree = parsed(path)
        constants = _module_constants(tree)
        rel = path.relative_to(REPO)
        for node in ast.walk(tree):
            where = f"{rel}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Call) and _called_name(node) in RESOURCE_FUNCTIONS:
                yield ResourceUse(where, _literal_parts(list(node.args), constants))
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
                left = node.left
                if isinstance(left, ast.Call) and _called_name(left) == "resources_dir":
                    yield ResourceUse(where, _literal_parts([node.right], constants))
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "joinpath"
                and isinstance(node.func.value, ast.Call)
                and _called_name(node.func.value) == "resources_dir"
            ):
                yield ResourceUse(where, _literal_parts(list(node.args), constants))


def test_every_resources_subfolder_is_listed_for_the_bundle() -> None:
    folders = {p.name for p in (REPO / "resources").iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    assert folders, "resources/ has no subfolders"
    unlisted = folders - set(bd.RESOURCE_FOLDERS)
    assert not unlisted, f"add {sorted(unlisted)} to RESOURCE_FOLDERS in packaging/bundle_data.py"
    missing = set(bd.RESOURCE_FOLDERS) - folders
    assert not missing, f"RESOURCE_FOLDERS lists folders that resources/ lacks: {sorted(missing)}"


def test_every_resource_the_code_loads_is_in_a_bundled_folder() -> None:
    uses = list(resource_uses())
    assert uses, "no resource_path()/resources_dir() use found: the scan is broken"
    bundled = set(bd.RESOURCE_FOLDERS) | set(bd.BUILD_TIME_RESOURCE_FOLDERS)
    unreadable = [u.where for u in uses if u.parts is None]
    assert not unreadable, (
        "name the resource with string literals or a module-level tuple constant so packaging can check it: "
        + ", ".join(unreadable)
    )
    for use in uses:
        assert use.parts is not None
        folder = use.parts[0]
        assert folder in bundled, f"{use.where} loads resources/{folder}, which the bundle does not carry"
        if folder in bd.RESOURCE_FOLDERS:
            target = REPO / "resources" / Path(*use.parts)
            assert target.exists(), f"{use.where} loads resources/{'/'.join(use.parts)}, which does not exist"


def test_the_known_resource_folders_are_found_by_the_scan() -> None:
    folders = {u.parts[0] for u in resource_uses() if u.parts}
    assert {"nlp", "templates", "samples"} <= folders


def test_resource_datas_copy_each_listed_folder_to_resources_in_the_bundle() -> None:
    datas = bd.resource_datas()
    assert sorted(dest for _src, dest in datas) == sorted(f"resources/{name}" for name in bd.RESOURCE_FOLDERS)
    for src, dest in datas:
        assert Path(src).is_dir()
        assert Path(src).name == dest.split("/", 1)[1]


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC_FILE.read_text(encoding="utf-8"))


def _attribute_uses(tree: ast.Module, owner: str) -> set[str]:
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == owner
    }


def test_spec_takes_its_data_and_lists_from_bundle_data() -> None:
    tree = _spec_tree()
    imports = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert "bundle_data" in imports
    used = _attribute_uses(tree, "bd")
    for name in (
        "resource_datas",
        "font_datas",
        "DATA_PACKAGES",
        "METADATA_PACKAGES",
        "HIDDEN_IMPORT_PACKAGES",
        "EXCLUDED_MODULES",
        "bundle_file_kept",
        "read_version",
    ):
        assert name in used, f"briefgen.spec does not use bundle_data.{name}"
    assert {"elf_files", "icu_data"} <= imports
    assert {"strippable", "needed_libraries", "without_orphaned_libraries"} <= _attribute_uses(tree, "elf_files")
    assert {"rebuild_library", "check_with_qt", "KEPT_ITEMS"} <= _attribute_uses(tree, "icu_data")
    calls = {_called_name(n) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE", "collect_submodules", "collect_data_files"} <= calls


def test_spec_runtime_hooks_and_entry_script_exist() -> None:
    text = SPEC_FILE.read_text(encoding="utf-8")
    for name in re.findall(r'PACKAGING_DIR / "([^"]+)"', text):
        assert (REPO / "packaging" / name).is_file(), f"briefgen.spec refers to packaging/{name}, which is missing"
    assert "launch_briefgen.py" in text and "rthook_fonts.py" in text


def _dynamic_module_refs() -> Iterator[tuple[str, str]]:
    """``"briefgen.x.y:function"`` strings: modules the code imports by name (readers, renderers, algorithms)."""
    pattern = re.compile(r"^(briefgen(?:\.\w+)+):\w+$")
    for path in python_files():
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                match = pattern.match(node.value)
                if match:
                    yield f"{path.relative_to(REPO)}:{node.lineno}", match.group(1)


def test_modules_imported_by_name_are_collected_as_hidden_imports() -> None:
    from briefgen.cli.main import COMMANDS

    refs = list(_dynamic_module_refs()) + [("briefgen/cli/main.py", f"briefgen.cli.{c}_cmd") for c in COMMANDS]
    assert len(refs) > len(COMMANDS), "no reader/renderer references found: the scan is broken"
    for where, module in refs:
        assert module.split(".")[0] in bd.HIDDEN_IMPORT_PACKAGES, f"{where}: {module} is not collected"
        assert importlib.util.find_spec(module) is not None, f"{where}: {module} does not exist"


def _imported_modules() -> Iterator[tuple[str, str]]:
    for path in python_files():
        for node in ast.walk(parsed(path)):
            where = f"{path.relative_to(REPO)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield where, alias.name
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield where, node.module
                for alias in node.names:
                    yield where, f"{node.module}.{alias.name}"


def test_nothing_briefgen_imports_is_excluded_from_the_bundle() -> None:
    excluded = set(bd.EXCLUDED_MODULES)
    imported = list(_imported_modules())
    assert any(name.startswith("PySide6.") for _where, name in imported), "the scan found no Qt imports"
    optional = set(bd.OPTIONAL_EXTRA_MODULES)
    for where, name in imported:
        pieces = name.split(".")
        if pieces[0] in optional:  # an optional extra: only the batch command may import it
            assert "briefgen/batch/" in str(where).replace("\\", "/"), f"{where} imports the optional {name}"
            continue
        prefixes = {".".join(pieces[: i + 1]) for i in range(len(pieces))}
        hit = prefixes & excluded
        assert not hit, f"{where} imports {name}, but packaging/bundle_data.py excludes {sorted(hit)}"


def test_packages_named_for_data_files_exist() -> None:
    for name in (*bd.DATA_PACKAGES, *bd.METADATA_PACKAGES, *bd.HIDDEN_IMPORT_PACKAGES, *bd.MODULE_COLLECTION_MODE):
        assert importlib.util.find_spec(name) is not None, f"bundle_data.py names {name!r}, which is not installed"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6\\plugins\\imageformats\\qtiff.dll", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libdmabuf-server.so", False),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so", True),
        ("resources/translations/briefgen_en.ts", False),
        ("resources/translations/briefgen_de.qm", True),
        ("reportlab/fonts/Vera.ttf", True),
        ("reportlab/fonts/DarkGarden.sfd", False),
        ("reportlab/fonts/_a______.pfb", False),
        ("nltk/test/tokenize.doctest", False),
        ("tld/tests/res/effective_tld_names.dat.txt", False),
        ("tld/res/effective_tld_names.dat.txt", True),
        ("libX11.so.6", False),
        ("libfontconfig.so.1", False),
        ("libglib-2.0.so.0", False),
        ("libdbus-1.so.3", False),
        ("libxcb-cursor.so.0", True),
        ("libcrypto.so.3", True),
        ("PySide6/Qt/lib/libQt6Gui.so.6", True),
        ("PySide6/Qt/lib/libQt6DBus.so.6", True),
        ("babel/locale-data/en_GB.dat", True),
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/de.dat", False),
        ("babel/global.dat", True),
        ("resources/nlp/punkt_en.json", True),
        ("numpy.libs/libscipy_openblas64_.so", True),
        ("libstdc++.so.6", False),
        ("PySide6\\opengl32sw.dll", False),
        ("PySide6\\Qt6Widgets.dll", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_bundle_file_filter(dest: str, kept: bool) -> None:
    assert bd.bundle_file_kept(dest, languages=frozenset({"en"})) is kept


def test_qt_translations_are_kept_for_the_apps_languages_only() -> None:
    languages = frozenset({"en", "de", "pt_BR"})
    names = ("qtbase_de.qm", "qtbase_pt_BR.qm", "qtbase_fr.qm", "qt_de.qm", "qtmultimedia_de.qm", "qtbase_pt.qm")
    kept = [name for name in names if bd.bundle_file_kept(f"PySide6/Qt/translations/{name}", languages=languages)]
    assert kept == ["qtbase_de.qm", "qtbase_pt_BR.qm"]
    assert bd.bundle_file_kept("PySide6\\translations\\qtbase_de.qm", languages=languages)


def test_app_languages_come_from_the_translation_files(tmp_path: Path) -> None:
    for name in ("briefgen_en.ts", "briefgen_de.ts", "briefgen_de.qm", "briefgen_pt_BR.qm", "notes.txt", "other_fr.qm"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert bd.app_languages(tmp_path) == {"en", "de", "pt_BR"}
    assert bd.app_languages(tmp_path / "missing") == frozenset()
    assert "en" in bd.app_languages()  # the template the app's translations start from


def test_libraries_only_left_out_files_needed_go_too() -> None:
    links = {
        "/usr/lib/libfreetype.so.6": ["libpng16.so.16", "libz.so.1"],
        "/usr/lib/libpng16.so.16": ["libz.so.1"],
        "/site/PySide6/Qt/lib/libQt6Gui.so.6": ["libfreetype.so.6", "libz.so.1"],
        "/site/PySide6/Qt/lib/libQt6Svg.so.6": ["libz.so.1"],
    }
    before = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/site/PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Svg.so.6", "/site/PySide6/Qt/lib/libQt6Svg.so.6", "BINARY"),
        ("libfreetype.so.6", "/usr/lib/libfreetype.so.6", "BINARY"),
        ("libpng16.so.16", "/usr/lib/libpng16.so.16", "BINARY"),
        ("libz.so.1", "/usr/lib/libz.so.1", "BINARY"),
        ("libloadedbyctypes.so.1", "/usr/lib/libloadedbyctypes.so.1", "BINARY"),
    ]
    after = [entry for entry in before if entry[0] != "libfreetype.so.6"]
    elf_files = _packaging_module("elf_files")
    kept = elf_files.without_orphaned_libraries(before, after, lambda src: links.get(src, []))
    assert [dest for dest, _src, _kind in kept] == [
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "libz.so.1",  # still linked by Qt
        "libloadedbyctypes.so.1",  # nothing linked it even before: loaded at run time, kept
    ]


def test_every_qt_module_briefgen_does_not_import_is_excluded() -> None:
    import PySide6

    installed = {
        path.name.split(".", 1)[0]
        for path in Path(PySide6.__file__).parent.iterdir()
        if path.name.startswith("Qt") and path.suffix in (".so", ".pyd")
    }
    imported = {name.split(".")[1] for _where, name in _imported_modules() if name.startswith("PySide6.Qt")}
    assert imported == {"QtCore", "QtGui", "QtWidgets"}, "briefgen imports other Qt modules: update bundle_data.py"
    excluded = {name.removeprefix("PySide6.") for name in bd.EXCLUDED_MODULES if name.startswith("PySide6.")}
    assert installed - imported, "no Qt modules found in the PySide6 package"
    assert installed - imported <= excluded, f"not excluded: {sorted(installed - imported - excluded)}"


def test_version_comes_from_the_package() -> None:
    import briefgen

    assert bd.read_version() == briefgen.__version__
    assert bd.numeric_version("1.2.3") == (1, 2, 3, 0)
    assert bd.numeric_version("0.10rc1") == (0, 10, 0, 0)
