#!/usr/bin/env bash
# cmake --install into a temporary prefix, then run the installed binary from there: every
# file a package needs is installed, and the translation is found relative to the installed
# binary (not in the build tree).
set -euo pipefail
BUILD=$1 VERSION=$2
PREFIX=$(mktemp -d)
trap 'rm -rf "$PREFIX"' EXIT
cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
fail() { echo "FAIL: $*" >&2; exit 1; }
ID=org.salescockpit.SalesCockpit
for f in bin/sales-cockpit share/sales-cockpit/translations/cockpit_zh_CN.qm \
         share/applications/$ID.desktop share/metainfo/$ID.metainfo.xml \
         share/icons/hicolor/scalable/apps/$ID.svg share/man/man1/sales-cockpit.1.gz \
         share/doc/sales-cockpit/copyright share/sales-cockpit/server/roles.sql \
         share/sales-cockpit/server/001_base.sql; do
    [ -s "$PREFIX/$f" ] || fail "$f is not installed"
done
for size in 16 22 24 32 48 64 128 256; do
    png="$PREFIX/share/icons/hicolor/${size}x${size}/apps/$ID.png"
    [ -s "$png" ] || fail "the ${size}px icon is not installed"
    # PNG header: width and height are the big-endian words at bytes 16 and 20.
    read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [ "$w" = "$size" ] && [ "$h" = "$size" ] || fail "the ${size}px icon is ${w}x${h}"
done
zcat "$PREFIX/share/man/man1/sales-cockpit.1.gz" | grep -q '^\.SH FILES' || fail "the man page has no FILES section"
zcat "$PREFIX/share/man/man1/sales-cockpit.1.gz" | grep -q 'import\\-store\\-days' || fail "the man page lacks the commands of --help"
grep -q "release version=\"$VERSION\"" "$PREFIX/share/metainfo/$ID.metainfo.xml" || fail "metainfo has no release $VERSION"

"$PREFIX/bin/sales-cockpit" --version | grep -q "^sales-cockpit $VERSION" || fail "--version"
# Move the build tree's translations out of reach: the installed binary must not need them.
work=$(mktemp -d)
trap 'rm -rf "$PREFIX" "$work"' EXIT
HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data \
    "$PREFIX/bin/sales-cockpit" demo --scale tiny --seed 1 --as-of 2026-11-20 --out "$work/tiny.db" >/dev/null 2>&1
HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data \
    "$PREFIX/bin/sales-cockpit" --db "$work/tiny.db" --screenshot leads --lang zh_CN --out "$work/leads.png" \
    >"$work/log" 2>&1 || { cat "$work/log"; fail "screenshot from the install tree"; }
grep -q "interface language zh_CN from $PREFIX/share/sales-cockpit/translations/cockpit_zh_CN.qm" "$work/log" \
    || { cat "$work/log"; fail "the translation was not loaded from the install tree"; }
grep -q "screenshot of the window 销售驾驶舱" "$work/log" || { cat "$work/log"; fail "the window title is not Chinese"; }
[ -s "$work/leads.png" ] || fail "no screenshot written"
echo "install tree complete; translation loaded from $PREFIX/share/sales-cockpit/translations"
