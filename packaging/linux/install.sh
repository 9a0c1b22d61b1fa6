#!/bin/sh
# Install briefgen from this unpacked folder, with its menu entry, icons and .briefgen file type.
#
#   ./install.sh                      for you only: ~/.local/lib/briefgen, ~/.local/bin/briefgen, ~/.local/share
#   sudo ./install.sh --prefix /usr/local     for everyone
#   ./install.sh --uninstall [--prefix DIR]   remove what an install put there
set -eu

APP_ID=org.briefgen.Briefgen
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="${HOME:?}/.local"
MODE=install

usage() { sed -n '2,7s/^# \{0,1\}//p' "$0"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { usage >&2; exit 2; }; PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        --uninstall) MODE=uninstall; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
case "$PREFIX" in /*) ;; *) PREFIX="$(pwd)/$PREFIX" ;; esac

LIBDIR="$PREFIX/lib/briefgen"
BINDIR="$PREFIX/bin"
SHARE="$PREFIX/share"

refresh_caches() {
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$SHARE/mime/packages" ]; then
        update-mime-database "$SHARE/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$SHARE/applications" ]; then
        update-desktop-database -q "$SHARE/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$SHARE/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" >/dev/null 2>&1 || true
    fi
    touch "$SHARE/icons/hicolor" 2>/dev/null || true
}

remove_shared_files() {
    # every file this folder's share/ tree would install
    (cd "$HERE/share" && find . -type f) | while IFS= read -r rel; do
        rm -f "$SHARE/${rel#./}"
    done
}

if [ "$MODE" = uninstall ]; then
    remove_shared_files
    if [ -L "$BINDIR/briefgen" ] && [ "$(readlink "$BINDIR/briefgen")" = "$LIBDIR/briefgen" ]; then
        rm -f "$BINDIR/briefgen"
    fi
    rm -rf "$LIBDIR"
    refresh_caches
    echo "briefgen removed from $PREFIX"
    exit 0
fi

[ -x "$HERE/briefgen" ] && [ -d "$HERE/_internal" ] || { echo "install.sh: run it from the unpacked briefgen folder" >&2; exit 1; }

mkdir -p "$LIBDIR.new" "$BINDIR" "$SHARE"
cp -R "$HERE/briefgen" "$HERE/_internal" "$LIBDIR.new/"
rm -rf "$LIBDIR"
mv "$LIBDIR.new" "$LIBDIR"
ln -sfn "$LIBDIR/briefgen" "$BINDIR/briefgen"

(cd "$HERE/share" && find . -type f) | while IFS= read -r rel; do
    rel=${rel#./}
    mkdir -p "$(dirname "$SHARE/$rel")"
    case "$rel" in
        applications/*.desktop)
            # the menu entry starts this copy, whether or not $BINDIR is on PATH
            sed -e "s|^Exec=briefgen |Exec=\"$LIBDIR/briefgen\" |" -e "s|^TryExec=briefgen\$|TryExec=$LIBDIR/briefgen|" \
                "$HERE/share/$rel" >"$SHARE/$rel"
            ;;
        *) cp "$HERE/share/$rel" "$SHARE/$rel" ;;
    esac
done
refresh_caches

echo "briefgen installed in $LIBDIR"
echo "  command:   $BINDIR/briefgen"
echo "  menu:      $SHARE/applications/$APP_ID.desktop"
case ":$PATH:" in *":$BINDIR:"*) ;; *) echo "  note: $BINDIR is not on your PATH" ;; esac
