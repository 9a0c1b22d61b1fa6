#!/usr/bin/env bash
# Build dist/briefgen.app and a disk image on macOS (11 or later), from the repository root or anywhere:
#
#   packaging/macos/build.sh
#
# Environment: PYTHON (default .venv/bin/python; the venv is made with python3 if missing)
#              CODESIGN_IDENTITY  "Developer ID Application: …" to sign the app (unsigned without it)
#              BRIEFGEN_BUNDLE_FONT_DIRS  a folder holding the DejaVu TTFs to bundle (e.g. ~/Library/Fonts)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO"

PYTHON=${PYTHON:-.venv/bin/python}
if [ ! -x "$PYTHON" ]; then python3 -m venv .venv; PYTHON=.venv/bin/python; fi
"$PYTHON" -m pip install --quiet --upgrade pip
"$PYTHON" -m pip install --quiet -e ".[package]"
VERSION=$("$PYTHON" packaging/bundle_data.py version)

rm -rf dist/briefgen dist/briefgen.app build/pyinstaller
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/briefgen.spec

echo "== smoke test"
CLI=dist/briefgen.app/Contents/MacOS/briefgen-cli
SAMPLES=dist/briefgen.app/Contents/Resources/resources/samples
SMOKE=$(mktemp -d)
trap 'rm -rf "$SMOKE"' EXIT
env -i PATH=/usr/bin:/bin HOME="$SMOKE" "$CLI" --version
env -i PATH=/usr/bin:/bin HOME="$SMOKE" "$CLI" inspect packaging/smoke/harbour-article.html
env -i PATH=/usr/bin:/bin HOME="$SMOKE" "$CLI" build "$SAMPLES" -o "$SMOKE/sample-brief.pdf"
env -i PATH=/usr/bin:/bin HOME="$SMOKE" "$CLI" build "$SAMPLES" -o "$SMOKE/sample-brief.docx"
env -i PATH=/usr/bin:/bin HOME="$SMOKE" QT_QPA_PLATFORM=offscreen dist/briefgen.app/Contents/MacOS/briefgen &
GUI=$!
sleep 15
kill -0 "$GUI" || { echo "the desktop app exited early" >&2; exit 1; }
kill "$GUI"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" dist/briefgen.app
    codesign --verify --deep --strict dist/briefgen.app
fi

DMG=dist/briefgen-$VERSION-macos-$(uname -m).dmg
rm -f "$DMG"
hdiutil create -volname "briefgen $VERSION" -srcfolder dist/briefgen.app -ov -format UDZO "$DMG"
echo "app:  dist/briefgen.app ($(du -sm dist/briefgen.app | cut -f1) MB)"
echo "disk image: $DMG ($(du -m "$DMG" | cut -f1) MB)"
