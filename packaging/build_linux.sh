#!/usr/bin/env bash
# Build the Linux one-folder bundle with PyInstaller, then smoke-test it.
#
#   packaging/build_linux.sh [--clean] [--keep-debug] [--archive] [--no-test]
#
# Environment:
#   PYTHON     a Python that has PyInstaller and Annotator's dependencies; default: a build
#              venv at $BUILD_DIR/venv, made and filled with `pip install -e '.[package]'`
#   BUILD_DIR  PyInstaller's work folder and the build venv (default: build/, git-ignored)
#   DIST_DIR   where the bundle goes (default: dist/, git-ignored) -> $DIST_DIR/annotator/
#
# --clean       drop PyInstaller's cache first (a full rebuild)
# --keep-debug  keep debug sections (by default `strip --strip-debug` removes them from the
#               libraries that have them: a source-built Python's, some wheels'; -30 MB here)
# --archive     also write $DIST_DIR/annotator-<version>-linux-<arch>.tar.gz
# --no-test     skip packaging/smoke_test.py
#
# The bundle runs on Linux systems with the build machine's glibc or newer: build on the
# oldest distribution you support. See packaging/README.md.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$(realpath -m "${BUILD_DIR:-$repo/build}")"
dist_dir="$(realpath -m "${DIST_DIR:-$repo/dist}")"
clean=() archive=0 smoke=1 strip_debug=1
for arg in "$@"; do
  case "$arg" in
    --clean) clean=(--clean) ;;
    --keep-debug) strip_debug=0 ;;
    --archive) archive=1 ;;
    --no-test) smoke=0 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done

python="${PYTHON:-}"
if [[ -z "$python" ]]; then
  python="$build_dir/venv/bin/python"
  if [[ ! -x "$python" ]]; then
    echo "== making the build venv $build_dir/venv"
    python3 -m venv "$build_dir/venv"
  fi
  "$python" -m pip install --quiet --upgrade pip
  "$python" -m pip install --quiet -e "$repo[package]"
fi
if ! "$python" -m PyInstaller --version >/dev/null 2>&1; then
  echo "error: $python has no PyInstaller (pip install -e '.[package]')" >&2
  exit 2
fi

version="$("$python" -c 'import re,sys; print(re.search(r"__version__ = \"(.+)\"", open(sys.argv[1]).read())[1])' "$repo/annotator/__init__.py")"
echo "== building Annotator $version with PyInstaller $("$python" -m PyInstaller --version)"
started=$SECONDS
"$python" "$repo/scripts/update_translations.py" --qm-only  # the spec bundles .qm, not .ts
"$python" -m PyInstaller --noconfirm "${clean[@]}" --log-level WARN \
  --workpath "$build_dir/pyinstaller" --distpath "$dist_dir" "$repo/packaging/annotator.spec"
bundle="$dist_dir/annotator"
if [[ "$strip_debug" == 1 ]] && command -v strip >/dev/null && command -v readelf >/dev/null; then
  # Debug sections only: symbols stay, and nothing is rewritten in libraries without them.
  while IFS= read -r -d '' library; do
    if readelf -S "$library" 2>/dev/null | grep -q '\.debug_info'; then
      strip --strip-debug "$library"
    fi
  done < <(find "$bundle" -type f \( -name '*.so' -o -name '*.so.*' \) -print0)
fi
seconds=$((SECONDS - started))
echo "== built $bundle in ${seconds} s: $(du -sh "$bundle" | cut -f1)" \
  "($(find "$bundle" -type f | wc -l) files)"

if [[ "$archive" == 1 ]]; then
  tarball="$dist_dir/annotator-$version-linux-$(uname -m).tar.gz"
  tar -C "$dist_dir" -czf "$tarball" annotator
  echo "== archived $tarball: $(du -sh "$tarball" | cut -f1)"
fi

if [[ "$smoke" == 1 ]]; then
  echo "== smoke test"
  "$python" "$repo/packaging/smoke_test.py" "$bundle"
fi
