#!/usr/bin/env bash
# Sales Cockpit developer entry point. Installs what is missing (Debian 12 packages),
# builds, and then runs, tests or benchmarks.
#   packaging/dev.sh run [APP ARGS]   install, build, start the app (demo company on first start)
#   packaging/dev.sh test             install, build, run every test (what CI runs)
#   packaging/dev.sh bench            install, build, print the performance figures
#   packaging/dev.sh deps | build     just that step
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${COCKPIT_BUILD_DIR:-$ROOT/build}

# Each package is justified in README.md ("Dependencies").
PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-charts-dev libqt6opengl6-dev
    libqt6sql6-sqlite libsqlite3-dev sqlite3 libssl-dev
    unicode-data bzip2
    fonts-noto-cjk
    xvfb xauth dbus-x11 gnome-keyring
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

build() {
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$BUILD" -j"$(nproc)"
}

run() {
    deps
    build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "No display found: starting under xvfb-run (the window is invisible; use --screenshot to look)."
        exec xvfb-run -a "$BUILD/app/sales-cockpit" "$@"
    fi
    exec "$BUILD/app/sales-cockpit" "$@"
}

test_all() {
    deps
    build
    cd "$BUILD"
    # A secret service and a display for the tests that need them (keychain, real windows).
    dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; \
        exec xvfb-run -a ctest --output-on-failure --timeout 900 -j2'
}

bench() {
    deps
    build
    "$ROOT/tests/bench/run-bench.sh" "$BUILD"
}

case "${1:-}" in
    run) shift; run "$@" ;;
    test) test_all ;;
    bench) bench ;;
    deps) deps ;;
    build) deps; build ;;
    *) echo "usage: $0 run|test|bench|deps|build" >&2; exit 2 ;;
esac
