#!/usr/bin/env bash
# Runs inside a fresh Debian 12 root that has nothing but the base system (.ci/run): installs
# the .deb with apt, pulling only its runtime dependencies, uses the installed program as a
# person would, removes it and checks that none of its files is left behind.
set -euo pipefail
DEB=$1
export DEBIAN_FRONTEND=noninteractive
fail() { echo "FAIL: $*" >&2; exit 1; }
apt_quiet() { apt-get -o Dpkg::Use-Pty=0 "$@" >/tmp/apt.log 2>&1 || { tail -n 40 /tmp/apt.log; return 1; }; }

apt_quiet update
before=$(dpkg-query -W -f='${Package}\n' | wc -l)
apt_quiet install -y --no-install-recommends "$DEB"
after=$(dpkg-query -W -f='${Package}\n' | wc -l)
echo "installed sales-cockpit and $((after - before - 1)) runtime packages"

sales-cockpit --version
sales-cockpit --version | grep -q '^sales-cockpit [0-9]' || fail "--version"
[ -s /usr/share/man/man1/sales-cockpit.1.gz ] || fail "no man page"

work=$(mktemp -d)
cd "$work"
sales-cockpit demo --scale tiny --out "$work/tiny.db" 2>/dev/null | tail -n 3
sales-cockpit check --db "$work/tiny.db" | grep -q 'integrity: ok' || fail "check of the demo"

shot() { # PLATFORM-COMMAND... : a Chinese screenshot of the cockpit, its log in $work/log
    "$@" sales-cockpit --db "$work/tiny.db" --screenshot cockpit --lang zh_CN --out "$work/cockpit.png" \
        >"$work/log" 2>&1 || { cat "$work/log"; fail "screenshot: $*"; }
    grep -q 'interface language zh_CN from /usr/share/sales-cockpit/translations/cockpit_zh_CN.qm' "$work/log" \
        || { cat "$work/log"; fail "the Chinese translation was not loaded from /usr/share"; }
    grep -q 'screenshot of the window 销售驾驶舱' "$work/log" || { cat "$work/log"; fail "the window title is not Chinese"; }
    [ "$(head -c 8 "$work/cockpit.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "no PNG written"
    rm -f "$work/cockpit.png"
}
# First with no X at all, before any test tool is installed: the runtime dependencies alone
# must be enough to start the GUI.
shot env QT_QPA_PLATFORM=offscreen
echo "offscreen: cockpit in Chinese rendered"
# Then on a real X server (test tooling, not a dependency of the package).
apt_quiet install -y --no-install-recommends xvfb xauth
shot xvfb-run -a
echo "xvfb-run: cockpit in Chinese rendered, window title 销售驾驶舱"

files=$(dpkg-query -L sales-cockpit)
apt_quiet remove -y sales-cockpit
left=()
while read -r f; do
    [ -n "$f" ] || continue
    # Shared folders (/usr/share/icons/hicolor/…) stay for other packages; ours must go.
    if [ -d "$f" ]; then
        case "$f" in */sales-cockpit | */sales-cockpit/*) left+=("$f") ;; esac
    elif [ -e "$f" ] || [ -L "$f" ]; then
        left+=("$f")
    fi
done <<<"$files"
[ ${#left[@]} -eq 0 ] || fail "left behind after apt-get remove: ${left[*]}"
echo "apt-get remove: $(echo "$files" | wc -l) paths of the package gone"
