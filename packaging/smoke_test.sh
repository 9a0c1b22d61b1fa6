#!/usr/bin/env bash
# Smoke test of the frozen one-folder app, run with no Python anywhere on PATH and a clean environment:
#
#   packaging/smoke_test.sh dist/briefgen
#
# Checks the folder's size (at most 150 MB), the command line (version, templates, inspect of HTML/Word/PDF, build
# to PDF and Word from the bundled samples, a bad file giving exit 2), the bundled fonts (PDFs built with the
# system's fonts hidden, when a mount namespace can be made: DejaVu for Greek and Cyrillic, the Noto subsets for
# Hangul, Arabic and emoji, the same fonts and text as the source tree gives), and that the desktop app starts
# offscreen.
set -euo pipefail

APP_DIR=$(cd "${1:?usage: smoke_test.sh DIST_APP_FOLDER}" && pwd)
APP="$APP_DIR/briefgen"
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SMOKE_HTML="$HERE/smoke/harbour-article.html"
SMOKE_SCRIPTS="$HERE/smoke/multiscript-notes.md"
CHECK_PYTHON="$REPO/.venv/bin/python"  # reads PDFs for the checks when pdffonts is missing; never runs the app
GUI_SECONDS=${SMOKE_GUI_SECONDS:-15}
SIZE_LIMIT_MB=${SMOKE_SIZE_LIMIT_MB:-150}
TIMEOUT=$(command -v timeout)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/briefgen-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/bin" "$WORK/home" "$WORK/out"
PASSED=0

fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }
pass() { PASSED=$((PASSED + 1)); echo "  ok  $*"; }

# The frozen app runs with this environment only: an empty PATH folder, a throw-away home, no PYTHON* variables.
APP_ENV=(PATH="$WORK/bin" HOME="$WORK/home" LANG=C.UTF-8 LC_ALL=C.UTF-8
    XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"
    XDG_STATE_HOME="$WORK/home/.local/state" XDG_CACHE_HOME="$WORK/home/.cache"
    XDG_RUNTIME_DIR="$WORK/home/run" QT_QPA_PLATFORM=offscreen)
run_app() {
    env -i "${APP_ENV[@]}" "$@"
}

# The same, with the system's font folders hidden in a private mount namespace (where one can be made), so that
# a PDF can only use the fonts bundled with the app.
FONTS_NS=""
if unshare --mount true 2>/dev/null; then FONTS_NS="unshare --mount"
elif unshare --mount --map-root-user true 2>/dev/null; then FONTS_NS="unshare --mount --map-root-user"
fi
HIDE_FONTS=""
for d in /usr/share/fonts /usr/local/share/fonts; do [ -d "$d" ] && HIDE_FONTS="$HIDE_FONTS mount -t tmpfs none $d;"; done
run_app_without_system_fonts() {
    if [ -n "$FONTS_NS" ]; then
        $FONTS_NS /bin/sh -c "$HIDE_FONTS exec \"\$0\" \"\$@\"" env -i "${APP_ENV[@]}" "$@"
    else
        run_app "$@"
    fi
}

# The fonts a PDF embeds, one a line, without the subset prefix (pdffonts, else pypdf from the source tree's .venv).
pdf_fonts() {
    if command -v pdffonts >/dev/null; then
        pdffonts "$1" | awk 'NR > 2 && $(NF-4) == "yes" {sub(/^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/, "", $1); print $1}' \
            | sort -u
    elif [ -x "$CHECK_PYTHON" ]; then
        "$CHECK_PYTHON" "$HERE/smoke/pdf_fonts.py" "$1"
    else
        return 3
    fi
}

[ -x "$APP" ] || fail "no executable at $APP"
mkdir -p "$WORK/home/run" && chmod 700 "$WORK/home/run"
if run_app /bin/sh -c 'command -v python3 || command -v python' >/dev/null 2>&1; then
    fail "a python is reachable on the smoke-test PATH"
fi
pass "no python on PATH, no PYTHONPATH/VIRTUAL_ENV in the environment"
cd "$WORK"

# The size target (issue 17): the whole folder, as du counts it (MiB).
size_mb=$(du -sm --apparent-size "$APP_DIR" | cut -f1)
[ "$size_mb" -le "$SIZE_LIMIT_MB" ] || fail "the app folder is $size_mb MB, over the $SIZE_LIMIT_MB MB target"
pass "the app folder is $size_mb MB (target at most $SIZE_LIMIT_MB MB)"

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

# Bundled fonts, with the system's fonts hidden: Greek and Cyrillic names must come out in the bundled DejaVu fonts
# (not reportlab's Vera); Hangul, Arabic and emoji in the bundled Noto subsets, never as the placeholder box.
if [ -d "$APP_DIR/_internal/resources/fonts" ]; then
    if [ -n "$FONTS_NS" ]; then
        hidden="with the system fonts hidden"
    else
        hidden="(system fonts not hidden: cannot make a mount namespace here)"
    fi
    if ls "$APP_DIR"/_internal/resources/fonts/DejaVu*.ttf >/dev/null 2>&1; then
        run_app_without_system_fonts "$APP" build "$SMOKE_HTML" -o "$WORK/out/no-system-fonts.pdf" >"$WORK/fonts.txt" 2>&1 \
            || fail "build without system fonts: $(cat "$WORK/fonts.txt")"
        ! grep -qi "no TrueType font" "$WORK/fonts.txt" || fail "bundled fonts not used: $(cat "$WORK/fonts.txt")"
        grep -aq "DejaVu" "$WORK/out/no-system-fonts.pdf" || fail "the PDF does not embed the bundled DejaVu fonts"
        pass "PDF $hidden uses the bundled DejaVu fonts"
    else
        echo "  --  no DejaVu fonts bundled (none found at build time); Latin, Greek and Cyrillic use the system's"
    fi

    scripts_pdf="$WORK/out/hangul-arabic-emoji.pdf"
    run_app_without_system_fonts "$APP" build "$SMOKE_SCRIPTS" --ratio 1 -o "$scripts_pdf" >"$WORK/scripts.txt" 2>&1 \
        || fail "build of the Hangul/Arabic/emoji source: $(cat "$WORK/scripts.txt")"
    ! grep -q "no available font\|drawn as" "$WORK/scripts.txt" || fail "characters without a font: $(cat "$WORK/scripts.txt")"
    if fonts=$(pdf_fonts "$scripts_pdf"); then
        for font in NotoSansCJK NotoSansArabic NotoSansSymbols2; do
            grep -q "^$font" <<<"$fonts" || fail "the PDF does not embed the bundled $font: $(echo $fonts)"
        done
        pass "Hangul, Arabic and emoji PDF $hidden embeds the bundled Noto fonts ($(grep -c Noto <<<"$fonts") of them)"
        # The same brief from the source tree (its own resources/fonts) must use the same Noto fonts and say the same.
        if [ -x "$REPO/.venv/bin/briefgen" ]; then
            (cd "$WORK" && "$REPO/.venv/bin/briefgen" build "$SMOKE_SCRIPTS" --ratio 1 -o "$WORK/out/from-source.pdf") \
                >"$WORK/from-source.txt" 2>&1 || fail "the source tree's briefgen: $(cat "$WORK/from-source.txt")"
            source_fonts=$(pdf_fonts "$WORK/out/from-source.pdf")
            [ "$(grep Noto <<<"$fonts")" = "$(grep Noto <<<"$source_fonts")" ] \
                || fail "fonts differ from the source tree's: app $(echo $fonts); source $(echo $source_fonts)"
            if command -v pdftotext >/dev/null; then
                pdftotext "$scripts_pdf" "$WORK/app.txt" && pdftotext "$WORK/out/from-source.pdf" "$WORK/source.txt"
                cmp -s "$WORK/app.txt" "$WORK/source.txt" || fail "the app's brief text differs from the source tree's"
            fi
            pass "the same brief from the source tree has the same Noto fonts$(command -v pdftotext >/dev/null && echo " and text")"
        fi
    else
        echo "  --  fonts in the PDF not listed: neither pdffonts nor $CHECK_PYTHON is available"
    fi
else
    echo "  --  no fonts bundled; PDFs use the system's fonts"
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
    # On an X server too (Xvfb, where installed): the xcb platform plugin with the system's X11, fontconfig, GLib
    # and D-Bus libraries, which the bundle leaves to the system.
    if command -v xvfb-run >/dev/null; then
        "$TIMEOUT" 120 xvfb-run -a /bin/sh -c \
            'exec env -i "$@" DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" QT_QPA_PLATFORM=xcb "$0" gui --smoke-test' \
            "$APP" "${APP_ENV[@]}" >"$WORK/gui-xcb.txt" 2>&1 || fail "gui --smoke-test on Xvfb: $(cat "$WORK/gui-xcb.txt")"
        pass "the desktop app started on an X server (Xvfb, xcb plugin) and closed cleanly"
    else
        echo "  --  not run on an X server: xvfb-run is not installed"
    fi
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
