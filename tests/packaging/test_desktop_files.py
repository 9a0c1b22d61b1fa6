"""The desktop integration files agree with each other, with packaging/bundle_data.py and with the app."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from briefgen.project.format import PROJECT_SUFFIX
from tests.packaging.test_spec_resources import REPO, bd

LINUX = REPO / "packaging" / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(LINUX / f"{bd.APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_project_suffix_matches_the_app() -> None:
    assert bd.PROJECT_SUFFIX == PROJECT_SUFFIX


def test_desktop_entry_opens_projects_in_the_app() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Icon"] == bd.APP_ID
    assert bd.PROJECT_MIME_TYPE in entry["MimeType"].split(";")
    # files must follow the gui subcommand: "briefgen FILE" would be read as a subcommand name
    assert entry["Exec"] == f"{bd.APP_NAME} gui %F"
    assert entry["TryExec"] == bd.APP_NAME


def test_mime_type_claims_the_project_suffix() -> None:
    root = ET.parse(LINUX / f"{bd.APP_ID}.xml").getroot()
    types = root.findall(f"{MIME_NS}mime-type")
    assert [t.get("type") for t in types] == [bd.PROJECT_MIME_TYPE]
    globs = [g.get("pattern") for g in types[0].findall(f"{MIME_NS}glob")]
    assert globs == [f"*{PROJECT_SUFFIX}"]


def test_appstream_metadata_names_the_desktop_file_and_type() -> None:
    root = ET.parse(LINUX / f"{bd.APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == bd.APP_ID
    assert root.findtext("launchable") == f"{bd.APP_ID}.desktop"
    assert root.findtext("provides/binary") == bd.APP_NAME
    assert root.findtext("provides/mediatype") == bd.PROJECT_MIME_TYPE
    assert root.find("releases") is None, "the build adds <releases> from __version__; do not write one by hand"


def test_icons_exist_for_every_platform() -> None:
    for platform in ("linux", "win32", "darwin"):
        assert Path(bd.icon_file(platform)).is_file(), platform
    sizes = sorted(int(p.stem.split("-")[1]) for p in (bd.ICONS_DIR / "png").glob("briefgen-*.png"))
    assert {16, 32, 48, 64, 128, 256, 512} <= set(sizes)
    assert (bd.ICONS_DIR / "briefgen.svg").read_bytes().lstrip().startswith(b"<?xml")


def test_windows_installer_associates_the_project_suffix() -> None:
    script = (REPO / "packaging" / "windows" / "briefgen.iss").read_text(encoding="utf-8")
    assert f'#define ProjectExt "{PROJECT_SUFFIX}"' in script
    assert f'#define ProjectMime "{bd.PROJECT_MIME_TYPE}"' in script
    assert f'#define AppExe "{bd.APP_NAME}.exe"' in script
    assert f'#define CliExe "{bd.CLI_NAME}.exe"' in script
    assert 'gui ""%1"""' in script
    assert "ChangesAssociations=yes" in script


def test_macos_bundle_declares_the_project_type() -> None:
    spec = (REPO / "packaging" / "briefgen.spec").read_text(encoding="utf-8")
    for key in ("bundle_identifier=bd.APP_ID", "CFBundleDocumentTypes", "UTExportedTypeDeclarations", "bd.PROJECT_UTI"):
        assert key in spec
    assert bd.PROJECT_UTI.startswith(bd.APP_ID)
