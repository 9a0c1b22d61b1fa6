#!/usr/bin/env bash
# Build the Linux desktop app from a fresh clone, smoke-test it, and pack it as a tarball.
#
#   packaging/build.sh          (or: make package)
#
# Output: dist/briefgen/ (the one-folder app with its desktop files and install.sh) and
#         dist/briefgen-VERSION-linux-ARCH.tar.gz (that folder, as briefgen-VERSION/).
# Environment: PYTHON        the Python to build with (default .venv/bin/python; the venv is made if missing)
#              COMPRESS=xz   a .tar.xz instead (about 25% smaller; takes minutes on two cores): for releases
#              SKIP_SMOKE=1  skip the smoke test (not for releases)
#              NUMPY_BLAS=wheel  bundle the installed numpy with its OpenBLAS (27 MB more: over the size target,
#                            so also raise SMOKE_SIZE_LIMIT_MB) instead of numpy built without BLAS (the default:
#                            built once from numpy's source release into build/wheels-noblas, which needs a C and
#                            C++ compiler and Python's headers, and takes about 12 minutes of CPU)
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
START=$(date +%s)
SIZE_TARGET_MB=150

PYTHON=${PYTHON:-.venv/bin/python}
if [ ! -x "$PYTHON" ]; then
    echo "== creating .venv"
    python3 -m venv .venv
    PYTHON=.venv/bin/python
    "$PYTHON" -m pip install --quiet --upgrade pip
fi
echo "== installing briefgen and PyInstaller into $(dirname "$(dirname "$PYTHON")")"
"$PYTHON" -m pip install --quiet -e ".[package]"

VERSION=$("$PYTHON" packaging/bundle_data.py version)
APP_ID=$("$PYTHON" packaging/bundle_data.py app-id)
ARCH=$(uname -m)
APP_DIR=dist/briefgen
COMPRESS=${COMPRESS:-gz}
case "$COMPRESS" in
    gz) COMPRESSOR=(gzip -6) ;;
    xz) COMPRESSOR=(xz -T0 -6) ;;
    *) echo "COMPRESS must be gz or xz" >&2; exit 2 ;;
esac
TARBALL=dist/briefgen-$VERSION-linux-$ARCH.tar.$COMPRESS

# numpy without BLAS: briefgen's summariser uses numpy's sparse, element-wise and sorting routines, never BLAS or
# LAPACK, so the app bundles a numpy built without them instead of the wheel's OpenBLAS (see docs/packaging.md).
NUMPY_BLAS=${NUMPY_BLAS:-none}
NUMPY_PATH=""
case "$NUMPY_BLAS" in
    none)
        numpy_version=$("$PYTHON" -c "import importlib.metadata as m; print(m.version('numpy'))")
        python_tag=$("$PYTHON" -c "import sys; print(f'cp{sys.version_info[0]}{sys.version_info[1]}')")
        wheels=build/wheels-noblas
        find_wheel() { find "$wheels" -maxdepth 1 -name "numpy-$numpy_version-$python_tag-*.whl" 2>/dev/null | head -n 1; }
        wheel=$(find_wheel)
        if [ -z "$wheel" ]; then
            if ! command -v cc >/dev/null || ! command -v c++ >/dev/null; then
                echo "building numpy without BLAS needs a C and C++ compiler (cc, c++); install them, or build with" \
                    "NUMPY_BLAS=wheel SMOKE_SIZE_LIMIT_MB=180 (numpy's OpenBLAS, 27 MB more)" >&2
                exit 2
            fi
            echo "== numpy $numpy_version without BLAS: building it from source once (about 12 minutes of CPU)"
            if ! "$PYTHON" -m pip wheel --quiet --no-deps --no-binary numpy "numpy==$numpy_version" -w "$wheels" \
                -Csetup-args=-Dblas=none -Csetup-args=-Dlapack=none -Csetup-args=-Dallow-noblas=true; then
                echo "building numpy $numpy_version without BLAS failed (above); NUMPY_BLAS=wheel" \
                    "SMOKE_SIZE_LIMIT_MB=180 bundles the installed numpy instead" >&2
                exit 1
            fi
            wheel=$(find_wheel)
        fi
        echo "== numpy without BLAS: $wheel"
        rm -rf build/numpy-noblas
        "$PYTHON" -m pip install --quiet --no-deps --target build/numpy-noblas "$wheel"
        NUMPY_PATH="$REPO/build/numpy-noblas"
        ;;
    wheel) echo "   note: bundling the installed numpy with its OpenBLAS (NUMPY_BLAS=wheel): 27 MB more" ;;
    *) echo "NUMPY_BLAS must be none or wheel" >&2; exit 2 ;;
esac

echo "== PyInstaller: briefgen $VERSION"
rm -rf "$APP_DIR" build/pyinstaller
env ${NUMPY_PATH:+PYTHONPATH="$NUMPY_PATH"} "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/briefgen.spec
if [ -n "$NUMPY_PATH" ] && find "$APP_DIR" -name "*openblas*" | grep -q .; then
    echo "numpy's OpenBLAS is in the bundle although numpy without BLAS was asked for" >&2
    exit 1
fi

echo "== desktop integration files"
SHARE="$APP_DIR/share"
install -Dm644 "packaging/linux/$APP_ID.desktop" "$SHARE/applications/$APP_ID.desktop"
install -Dm644 "packaging/linux/$APP_ID.xml" "$SHARE/mime/packages/$APP_ID.xml"
install -Dm644 packaging/icons/briefgen.svg "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
install -Dm644 packaging/icons/briefgen.svg "$SHARE/icons/hicolor/scalable/mimetypes/application-x-briefgen-project.svg"
for png in packaging/icons/png/briefgen-*.png; do
    size=$(basename "$png" .png)
    size=${size#briefgen-}
    install -Dm644 "$png" "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    install -Dm644 "$png" "$SHARE/icons/hicolor/${size}x${size}/mimetypes/application-x-briefgen-project.png"
done
RELEASE_DATE=$(git log -1 --format=%cs 2>/dev/null || date +%F)
mkdir -p "$SHARE/metainfo"
sed "s|</component>|  <releases>\n    <release version=\"$VERSION\" date=\"$RELEASE_DATE\"/>\n  </releases>\n</component>|" \
    "packaging/linux/$APP_ID.metainfo.xml" >"$SHARE/metainfo/$APP_ID.metainfo.xml"
install -m755 packaging/linux/install.sh "$APP_DIR/install.sh"
install -m644 LICENSE "$APP_DIR/LICENSE"

if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$SHARE/applications/$APP_ID.desktop"
    echo "   desktop file valid"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$SHARE/metainfo/$APP_ID.metainfo.xml" | sed 's/^/   /'
fi
if command -v update-mime-database >/dev/null; then
    mime_check=$(mktemp -d)
    mkdir -p "$mime_check/packages"
    cp "$SHARE/mime/packages/$APP_ID.xml" "$mime_check/packages/"
    update-mime-database "$mime_check" >/dev/null 2>&1
    grep -q "application/x-briefgen-project:\*\.briefgen" "$mime_check/globs2" || { echo "MIME type not registered" >&2; exit 1; }
    rm -rf "$mime_check"
    echo "   MIME type valid"
fi

if [ "${SKIP_SMOKE:-}" = 1 ]; then
    echo "== smoke test SKIPPED (SKIP_SMOKE=1)"
else
    echo "== smoke test"
    packaging/smoke_test.sh "$APP_DIR"
fi

echo "== tarball"
rm -f dist/briefgen-*-linux-*.tar.*
tar --owner=0 --group=0 --sort=name -C dist --transform "s|^briefgen|briefgen-$VERSION|" -cf - briefgen \
    | "${COMPRESSOR[@]}" >"$TARBALL"

size_mb=$(du -sm --apparent-size "$APP_DIR" | cut -f1)
tar_mb=$(du -m --apparent-size "$TARBALL" | cut -f1)
elapsed=$(($(date +%s) - START))
echo
echo "briefgen $VERSION for Linux ($ARCH) built in ${elapsed}s"
echo "  app folder: $APP_DIR  (${size_mb} MB; target under ${SIZE_TARGET_MB} MB)"
echo "  tarball:    $TARBALL  (${tar_mb} MB)"
if [ "$size_mb" -ge "$SIZE_TARGET_MB" ]; then
    echo "  note: the app folder is over the ${SIZE_TARGET_MB} MB target; the largest parts:"
    du -sm --apparent-size "$APP_DIR"/_internal/* | sort -rn | sed -n '1,6s/^/      /p'
fi
