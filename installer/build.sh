#!/usr/bin/env bash
# Build the PyInstaller folder (dist/dps-wizard) from installer/dps-wizard.spec, then compile the NSIS installer
# script against it with Debian's makensis, and print the sizes.
#
#   installer/build.sh [--out DIR] [--work DIR] [--no-installer] [--fast-installer]
#
# On Linux the folder is a Linux build (the Windows one needs Windows: installer/build.ps1 and the GitHub
# workflow); compiling the installer here proves the script and its payload layout, and gives the size of an
# installer around this payload. --fast-installer stores the files uncompressed (seconds instead of ~2 minutes).
# Needs PyInstaller (pip install pyinstaller==6.22.3), binutils (objcopy, strip) and nsis (makensis).
# Environment: PYTHON (default .venv/bin/python, else python3).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/dist
work=$root/build
installer=1
fast=
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --work) work=$(realpath -m "$2"); shift 2 ;;
    --no-installer) installer=; shift ;;
    --fast-installer) fast=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
if [ -z "${PYTHON:-}" ]; then
  if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
version=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
version4=$("$PYTHON" -c 'import re, sys; n = re.findall(r"\d+", sys.argv[1].split("+")[0])[:4]; print(".".join(n + ["0"] * (4 - len(n))))' "$version")
bundle=$out/dps-wizard
elapsed() { awk -v what="$1" -v a="$2" -v b="$EPOCHREALTIME" 'BEGIN { printf "   %s in %.1f s\n", what, b - a }'; }

echo "== PyInstaller: $bundle (version $version)"
start=$EPOCHREALTIME
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$out" --workpath "$work" installer/dps-wizard.spec
elapsed "built" "$start"
[ -x "$bundle/dps-wizard" ] && [ -x "$bundle/dps-wizard-cli" ] || { echo "the bundle lacks its executables" >&2; exit 1; }

if [ -n "$installer" ]; then
  setup=$out/dps-wizard-$version-setup.exe
  echo "== makensis: $setup${fast:+ (uncompressed)}"
  start=$EPOCHREALTIME
  makensis -V2 -WX ${fast:+-DFAST} -DVERSION="$version" -DVERSION4="$version4" -DSRCDIR="$bundle" \
    -DOUTFILE="$setup" "$root/installer/dps-wizard.nsi"
  elapsed "compiled" "$start"
fi

echo "== sizes"
echo "   bundle:    $(du -sm "$bundle" | cut -f1) MB in $(find "$bundle" -type f | wc -l) files ($bundle)"
echo "   Qt:        $(du -sm "$bundle/_internal/PySide6" | cut -f1) MB"
if [ -n "$installer" ]; then
  echo "   installer: $(( $(stat -c %s "$setup") / 1024 / 1024 )) MB ($setup)"
fi
