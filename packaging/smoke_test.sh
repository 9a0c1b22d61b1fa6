#!/usr/bin/env bash
# Smoke test of the frozen one-folder app, run with no Python anywhere on PATH and a clean environment:
#
#   packaging/smoke_test.sh dist/briefgen
#
# Checks the command line (version, templates, inspect of HTML/Word/PDF, build to PDF and Word from the bundled
# samples, a bad file giving exit 2), the bundled Unicode fonts (a PDF built with the system's fonts hidden, when
# a mount namespace can be made), and that the desktop app starts offscreen.
set -euo pipefail

APP_DIR=$(cd "${1:?usage: smoke_test.sh DIST_APP_FOLDER}" && pwd)
APP="$APP_DIR/briefgen"
HERE=$(cd "$(dirname "$0")" && pwd)
SMOKE_HTML="$HERE/smoke/harbour-article.html"
GUI_SECONDS=${SMOKE_GUI_SECONDS:-15}
TIMEOUT=$(command -v timeout)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/briefgen-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/bin" "$WORK/home" "$WORK/out"
PASSED=0

fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }
pass() { PASSED=$((PASSED + 1)); echo "  ok  $*"; }

# The frozen app runs with this environment only: an empty PATH folder, a throw-away home, no PYTHON* variables.
run_app() {
    env -i PATH="$WORK/bin" HOME="$WORK/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
        XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
        XDG_STATE_HOME="$WORK/home/.local/state" XDG_CACHE_HOME="$WORK/home/.cache" \
        XDG_RUNTIME_DIR="$WORK/home/run" QT_QPA_PLATFORM=offscreen "$@"
}

[ -x "$APP" ] || fail "no executable at $APP"
mkdir -p "$WORK/home/run" && chmod 700 "$WORK/home/run"
if run_app /bin/sh -c 'command -v python3 || command -v python' >/dev/null 2>&1; then
    fail "a python is reachable on the smoke-test PATH"
fi
pass "no python on PATH, no PYTHONPATH/VIRTUAL_ENV in the environment"
cd "$WORK"

SAMPLES="$APP_DIR/_internal/resources/samples"
[ -d "$SAMPLES" ] || SAMPLES="$APP_DIR/resources/samples"
[ -d "$SAMPLES" ] || fail "the bundled samples are missing"

version=$(run_app "$APP" --version)
[[ "$version" == briefgen\ * ]] || fail "--version printed '$version'"
pass "$version"

run_app "$APP" templates list >"$WORK/templates.txt" 2>&1 || fail "templates list: $(cat "$WORK/templates.txt")"
grep -q "policy-brief" "$WORK/templates.txt" || fail "built-in templates not listed: $(cat "$WORK/templates.txt")"
pass "templates list shows the built-in templates"

run_app "$APP" inspect "$SMOKE_HTML" >"$WORK/inspect-html.txt" 2>&1 || fail "inspect HTML: $(cat "$WORK/inspect-html.txt")"
grep -q "Harbour wall works begin" "$WORK/inspect-html.txt" || fail "HTML title not read: $(cat "$WORK/inspect-html.txt")"
grep -q "author: Ana Costa" "$WORK/inspect-html.txt" || fail "HTML metadata not read: $(cat "$WORK/inspect-html.txt")"
pass "inspect reads a web page (trafilatura, lxml, htmldate, courlan)"

for fmt in pdf docx; do
    out="$WORK/out/sample-brief.$fmt"
    run_app "$APP" build "$SAMPLES" -o "$out" >"$WORK/build-$fmt.txt" 2>&1 || fail "build $fmt: $(cat "$WORK/build-$fmt.txt")"
    [ -s "$out" ] || fail "build $fmt wrote nothing"
    pass "build on the bundled samples -> $(basename "$out") ($(stat -c %s "$out") bytes)"
done
head -c 5 "$WORK/out/sample-brief.pdf" | grep -q "%PDF-" || fail "the PDF does not start with %PDF-"
head -c 2 "$WORK/out/sample-brief.docx" | grep -q "PK" || fail "the Word file is not a zip"

run_app "$APP" inspect "$WORK/out/sample-brief.docx" "$WORK/out/sample-brief.pdf" >"$WORK/inspect-out.txt" 2>&1 \
    || fail "inspect of the built briefs: $(cat "$WORK/inspect-out.txt")"
grep -q "\[docx" "$WORK/inspect-out.txt" && grep -q "\[pdf" "$WORK/inspect-out.txt" \
    || fail "the built briefs were not read back: $(cat "$WORK/inspect-out.txt")"
pass "inspect reads the Word and PDF briefs back (python-docx, pypdf)"

run_app "$APP" build "$SMOKE_HTML" -o "$WORK/out/article.md" >"$WORK/build-md.txt" 2>&1 \
    || fail "build md: $(cat "$WORK/build-md.txt")"
grep -q "Papadopoulou\|Petrov\|harbour" "$WORK/out/article.md" || fail "the Markdown brief lacks the article's text"
pass "build of a web page to Markdown"

set +e
run_app "$APP" inspect "$WORK/no-such-file.txt" >"$WORK/bad.txt" 2>&1
status=$?
set -e
[ "$status" -eq 2 ] || fail "a missing file gave exit $status, not 2: $(cat "$WORK/bad.txt")"
grep -q "no-such-file.txt" "$WORK/bad.txt" || fail "the error does not name the file: $(cat "$WORK/bad.txt")"
! grep -q "Traceback" "$WORK/bad.txt" || fail "a traceback reached the user"
pass "a missing file: one line naming it, exit 2"

# Bundled fonts: hide the system's font folders in a private mount namespace and build a PDF with Greek and
# Cyrillic names; the renderer must find the bundled DejaVu fonts and not fall back to Vera.
if [ -d "$APP_DIR/_internal/resources/fonts" ]; then
    ns=""
    if unshare --mount true 2>/dev/null; then ns="unshare --mount"
    elif unshare --mount --map-root-user true 2>/dev/null; then ns="unshare --mount --map-root-user"
    fi
    if [ -n "$ns" ]; then
        hide=""
        for d in /usr/share/fonts /usr/local/share/fonts; do [ -d "$d" ] && hide="$hide mount -t tmpfs none $d;"; done
        $ns /bin/sh -c "$hide \"\$0\" \"\$@\"" env -i PATH="$WORK/bin" HOME="$WORK/home" LANG=C.UTF-8 \
            XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
            XDG_STATE_HOME="$WORK/home/.local/state" \
            "$APP" build "$SMOKE_HTML" -o "$WORK/out/no-system-fonts.pdf" >"$WORK/fonts.txt" 2>&1 \
            || fail "build without system fonts: $(cat "$WORK/fonts.txt")"
        ! grep -qi "no TrueType font" "$WORK/fonts.txt" || fail "bundled fonts not used: $(cat "$WORK/fonts.txt")"
        grep -aq "DejaVu" "$WORK/out/no-system-fonts.pdf" || fail "the PDF does not embed the bundled DejaVu fonts"
        pass "PDF with the system fonts hidden uses the bundled DejaVu fonts"
    else
        echo "  --  bundled fonts not checked: cannot make a mount namespace here (unshare)"
    fi
else
    echo "  --  no fonts bundled (none found at build time); PDFs use the system's fonts"
fi

# install.sh (shipped in the tarball): install into a scratch prefix, run the installed command, uninstall.
if [ -f "$APP_DIR/install.sh" ]; then
    prefix="$WORK/prefix"
    sh "$APP_DIR/install.sh" --prefix "$prefix" >"$WORK/install.txt" 2>&1 || fail "install.sh: $(cat "$WORK/install.txt")"
    installed=$(run_app "$prefix/bin/briefgen" --version) || fail "the installed command does not run"
    [ "$installed" = "$version" ] || fail "the installed command printed '$installed'"
    desktop=$(find "$prefix/share/applications" -name "*.desktop" | head -n 1)
    [ -n "$desktop" ] || fail "install.sh installed no desktop file"
    grep -q "^Exec=\"$prefix/lib/briefgen/briefgen\" gui %F\$" "$desktop" || fail "desktop Exec line: $(grep ^Exec "$desktop")"
    if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop" || fail "installed desktop file"; fi
    if command -v update-mime-database >/dev/null; then
        grep -q "briefgen" "$prefix/share/mime/globs2" || fail "the .briefgen type is not in the installed MIME database"
    fi
    ls "$prefix"/share/icons/hicolor/*/apps/* >/dev/null 2>&1 || fail "no icons installed"
    sh "$APP_DIR/install.sh" --uninstall --prefix "$prefix" >"$WORK/uninstall.txt" 2>&1 || fail "uninstall failed"
    [ ! -e "$prefix/lib/briefgen" ] && [ ! -e "$prefix/bin/briefgen" ] && [ ! -e "$desktop" ] \
        || fail "uninstall left files behind"
    pass "install.sh installs (command, menu entry, icons, MIME type) and uninstalls"
fi

# The desktop app, offscreen. With a --smoke-test option it must start and quit by itself with status 0;
# without one, it must still be running after GUI_SECONDS (it is then stopped) with nothing on stderr that
# says it failed.
if run_app "$APP" gui --help 2>/dev/null | grep -q -- "--smoke-test"; then
    run_app "$TIMEOUT" 60 "$APP" gui --smoke-test >"$WORK/gui.txt" 2>&1 || fail "gui --smoke-test: $(cat "$WORK/gui.txt")"
    pass "the desktop app started offscreen and closed cleanly (gui --smoke-test)"
else
    set +e
    run_app "$TIMEOUT" "$GUI_SECONDS" "$APP" gui >"$WORK/gui.txt" 2>&1
    status=$?
    set -e
    [ "$status" -eq 124 ] || fail "the desktop app exited early with status $status: $(cat "$WORK/gui.txt")"
    if grep -E -i "traceback|internal error|cannot start|could not load the qt platform plugin" "$WORK/gui.txt"; then
        fail "the desktop app reported an error"
    fi
    log="$WORK/home/.local/state/briefgen/log/briefgen.log"
    grep -q "starting" "$log" 2>/dev/null || fail "the desktop app did not log its start-up"
    ! grep -q "ERROR" "$log" || fail "the desktop app logged an error: $(grep ERROR "$log")"
    pass "the desktop app started offscreen and ran ${GUI_SECONDS}s without errors (stopped by timeout: no" \
        "--smoke-test option to close it cleanly yet)"
fi

echo "smoke test passed ($PASSED checks)"
