#!/usr/bin/env bash
# Sales Cockpit developer entry point. Installs what is missing (Debian 12 packages),
# builds, and then runs, tests or benchmarks.
#   packaging/dev.sh run [APP ARGS]   install, build, start the app (demo company on first start)
#   packaging/dev.sh test             install, build, run every test, then the import tests
#                                     under ASan + UBSan (what CI runs)
#   packaging/dev.sh bench            install, build, print the performance figures
#   packaging/dev.sh package          install, build, write build/sales-cockpit_<version>_amd64.deb
#   packaging/dev.sh deps | build     just that step
# `test` runs on this machine, with what it has installed. CI (.ci/run) runs the same command
# in a fresh Debian 12 root, so a package missing from the list below fails there.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${COCKPIT_BUILD_DIR:-$ROOT/build}

# Each package is justified in README.md ("Dependencies"). Installed with
# --no-install-recommends: every package the build needs must be named here (qt6-charts-dev,
# for one, needs libqt6opengl6-dev and does not pull it).
PACKAGES=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-charts-dev libqt6opengl6-dev
    libqt6sql6-sqlite libsqlite3-dev sqlite3 libssl-dev
    libzip-dev libxlsxwriter-dev qtkeychain-qt6-dev
    libpq-dev postgresql
    libeigen3-dev
    unicode-data bzip2
    librsvg2-bin help2man
    fonts-noto-cjk
    xvfb xauth dbus-x11 gnome-keyring
    desktop-file-utils appstream
)
# Only for `package`: CPack's DEB generator runs dpkg-shlibdeps (dpkg-dev) and file.
PACKAGE_TOOLS=(dpkg-dev file)
# Only for `bench`: the import readers' fuzz targets (clang with libFuzzer, ASan, UBSan).
BENCH_TOOLS=(clang-14 libclang-rt-14-dev)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
    local missing=()
    for p in "${PACKAGES[@]}" "$@"; do
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
    sanitized_import_tests
}

# The import tests again, built with AddressSanitizer and UndefinedBehaviorSanitizer (g++'s;
# issue 11): readers of the files people bring are where a bad byte becomes a crash or a leak.
# A build folder of its own, only these targets (about 2 minutes on 2 cores).
sanitized_import_tests() {
    local b="$BUILD-asan" tests="tst_csvreader tst_values tst_xlsxreader tst_tablewriter tst_importstores tst_importplan"
    cmake -S "$ROOT" -B "$b" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
    # shellcheck disable=SC2086
    cmake --build "$b" -j"$(nproc)" --target $tests
    (cd "$b" && ctest --output-on-failure --timeout 900 -R "^(${tests// /|})\$")
}

bench() {
    deps "${BENCH_TOOLS[@]}"
    build
    "$ROOT/tests/bench/run-bench.sh" "$BUILD"
}

package() {
    deps "${PACKAGE_TOOLS[@]}"
    build
    rm -f "$BUILD"/sales-cockpit_*.deb
    (cd "$BUILD" && cpack -G DEB --config CPackConfig.cmake >/dev/null)
    local deb
    deb=$(ls "$BUILD"/sales-cockpit_*_amd64.deb)
    # The files as installed must validate, not only the sources.
    local x
    x=$(mktemp -d)
    dpkg-deb -x "$deb" "$x"
    desktop-file-validate "$x"/usr/share/applications/*.desktop
    appstreamcli validate --no-net "$x"/usr/share/metainfo/*.metainfo.xml >/dev/null
    rm -rf "$x"
    echo "$deb ($(du -k "$deb" | cut -f1) KiB)"
    echo "Depends: $(dpkg-deb -f "$deb" Depends)"
}

case "${1:-}" in
    run) shift; run "$@" ;;
    test) test_all ;;
    bench) bench ;;
    package) package ;;
    packages) printf '%s\n' "${PACKAGES[@]}" ;; # the list, for tests/packaging/check-build-deps.sh
    deps) deps ;;
    build) deps; build ;;
    *) echo "usage: $0 run|test|bench|package|deps|build" >&2; exit 2 ;;
esac
