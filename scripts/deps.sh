# SPDX-License-Identifier: GPL-3.0-or-later
# Debian 12 packages REALM needs, sourced by the other scripts.
# shellcheck shell=bash

# qt6-websockets-dev: Qt HttpServer's CMake package needs it, though
# Debian's qt6-httpserver-dev does not depend on it.
# qt6-translations-l10n: Qt's own German (standard buttons, file dialog).
# extra-cmake-modules: builds the bundled KSyntaxHighlighting
# (third_party/syntax-highlighting) when no Qt 6 copy is installed.
# libsodium-dev: argon2id password hashes on the team server.
# libqt6sql6-psql: the team server's PostgreSQL backend.
# libcurl4-openssl-dev: the team server's mail over SMTP.
# liboath-dev: TOTP second factor (RFC 6238) on the team server.
REALM_BUILD_PACKAGES=(
  g++ cmake ninja-build pkg-config ccache git
  qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools
  qt6-qpa-plugins qt6-translations-l10n libqt6sql6-sqlite libsqlite3-dev
  qtkeychain-qt6-dev libmd4c-dev libmd4c-html0-dev libarchive-dev libgit2-dev
  libssl-dev universal-ctags libkainjow-mustache-dev extra-cmake-modules
  libsodium-dev libqt6sql6-psql libpq-dev libcurl4-openssl-dev liboath-dev
)
# postgresql: the team server's tests run on SQLite and on a throwaway
# PostgreSQL cluster (tests/support/postgrescluster.cpp).
REALM_TEST_PACKAGES=(
  xvfb xauth dbus gnome-keyring libsecret-1-0 poppler-utils
  desktop-file-utils appstream postgresql
)

# Installs whichever of the given packages are missing; skips apt entirely
# when everything is present.
realm_install_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing missing Debian packages: ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      echo "error: these packages are missing and I am not root (and sudo is not available): ${missing[*]}" >&2
      echo "Install them as root, then run this again." >&2
      return 1
    fi
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

realm_build() {
  local top=$1
  local build=${REALM_BUILD_DIR:-$top/build}
  if [ ! -f "$build/build.ninja" ]; then
    # REALM_CMAKE_ARGS: more configure options (scripts/test --sanitize).
    # shellcheck disable=SC2086
    cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${REALM_CMAKE_ARGS:-}
  fi
  cmake --build "$build"
}
