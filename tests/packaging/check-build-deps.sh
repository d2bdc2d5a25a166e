#!/usr/bin/env bash
# Every file the build used (headers compiled, libraries linked, programs run, CMake package
# configs loaded) must come from a package that packaging/dev.sh installs, or that one of those
# depends on (Depends/PreDepends, not Recommends: dev.sh installs with --no-install-recommends).
# On a development machine with packages installed by hand, this catches a missing entry
# before CI does: Qt6Charts' config loading Qt6OpenGL from libqt6opengl6-dev was such a slip.
set -euo pipefail
BUILD=$1 SRC=$2
command -v dpkg-query >/dev/null && command -v apt-cache >/dev/null || { echo "not a Debian system"; exit 1; }
mapfile -t wanted < <(bash "$SRC/packaging/dev.sh" packages)
closure=$(apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts \
              --no-breaks --no-replaces --no-enhances "${wanted[@]}" | grep -v '^ ' | sed 's/:.*//' | sort -u)
list=$(mktemp)
trap 'rm -f "$list" "$list".*' EXIT
{
    # Package configs CMake loaded, and the programs it found.
    grep -E '^[A-Za-z0-9_]+_DIR:PATH=/usr/|^COCKPIT_[A-Z0-9_]+:FILEPATH=/usr/|^CMAKE_(CXX_COMPILER|MAKE_PROGRAM):FILEPATH=' \
        "$BUILD/CMakeCache.txt" | sed 's/^[^=]*=//'
    # Every header a compile read.
    ninja -C "$BUILD" -t deps | sed -n 's|^ *\(/usr/[^ ]*\)$|\1|p'
    # Libraries linked and programs run by the build rules.
    grep -ohE '/usr/(lib|bin|libexec)/[^ :;"]+' "$BUILD/build.ninja" "$BUILD"/CMakeFiles/rules.ninja 2>/dev/null || true
} | sort -u | xargs -r -d '\n' readlink -e | sort -u >"$list"
# Who owns each file; dpkg may record the path before the /usr merge (/bin/bzcat).
xargs -r -d '\n' dpkg-query -S <"$list" 2>/dev/null >"$list.owned" || true
sed 's/^.*: //' "$list.owned" | sort -u >"$list.found"
comm -23 "$list" "$list.found" | sed 's|^/usr||' | xargs -r -d '\n' dpkg-query -S 2>/dev/null >>"$list.owned" || true
# "pkg1, pkg2: /path" — a path many packages share (a folder) says nothing about one of them.
missing=0
checked=$(grep -vc ', ' "$list.owned" || true)
while IFS= read -r line; do
    pkg=${line%%: *}
    pkg=${pkg%%:*}
    case "$pkg" in *", "*) continue ;; esac
    if ! grep -qxF "$pkg" <<<"$closure"; then
        echo "the build used ${line#*: } from package $pkg, which packaging/dev.sh does not install (add it to PACKAGES)"
        missing=1
    fi
done < <(sort -t: -k1,1 -u "$list.owned")
[ "$checked" -gt 100 ] || { echo "only $checked files could be checked: is $BUILD a built build folder?"; exit 1; }
[ "$missing" -eq 0 ] && echo "$checked files the build used all come from packages dev.sh installs"
exit "$missing"
