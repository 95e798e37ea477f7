#!/bin/sh
# The browsers the demo (`npm start`) and the end-to-end tests (`npm test`) drive, Debian's chromium and
# firefox-esr, and the fonts that give the popup's screenshots their Arabic glyphs: installed with apt-get, as
# root directly, otherwise through sudo (which may ask your password). Says what it installs before it starts;
# installs nothing that is there already. Where there is no apt-get it says so and leaves the rest to you
# (CHROMIUM_PATH / FIREFOX_PATH), exit 0: the build does not need a browser.
set -eu

need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v firefox-esr >/dev/null 2>&1 || need="$need firefox-esr"
dpkg -s fonts-noto-core >/dev/null 2>&1 || need="$need fonts-noto-core"
[ -n "$need" ] || { echo "setup-browsers: chromium, firefox-esr and fonts-noto-core are installed already."; exit 0; }

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browsers: no apt-get here, so nothing installed: for the demo and the tests install Chromium and Firefox ESR and set CHROMIUM_PATH and FIREFOX_PATH to their executables." >&2
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  as_root=""
  how="as root"
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
  how="through sudo, which may ask your password"
else
  echo "setup-browsers: installing$need needs root, and there is no sudo: run this script as root." >&2
  exit 1
fi

echo "setup-browsers: installing$need with apt-get ($how), for the demo and the end-to-end tests."
$as_root apt-get update -qq
# shellcheck disable=SC2086 # $need is a list of package names
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need
