#!/usr/bin/env bash
# How schema-vN-micro.db.qz (N >= 4) was made (issue 10 §1): the micro demo (seed 42, as of
# 2026-11-22) as the schema-vN build wrote it, log chain included, so a later build's
# migration is tested against a file the vN build really wrote.
#   v4: the index audit on activities (idx_activities_by_lead, idx_activities_customer_words);
#   v5: integer keys and one 16-byte uuid per row, times still ISO text.
# Run once per version, with that version's build; never again: a later build writes a later
# schema (the script refuses). Same format as make-frozen-schemas.sh (Qt's qCompress).
# Usage: make-frozen-schema.sh VERSION BUILD_DIR
set -euo pipefail
VERSION=${1:?schema version}
BUILD=${2:?build dir}
HERE=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BUILD/app/sales-cockpit" demo --scale micro --seed 42 --as-of 2026-11-22 --out "$tmp/gen.db" >/dev/null 2>&1
sqlite3 "$tmp/gen.db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM INTO '$tmp/frozen.db';"
test "$(sqlite3 "$tmp/frozen.db" 'PRAGMA user_version')" = "$VERSION"

python3 - "$tmp" "$HERE" "$VERSION" <<'PY'
import struct, sys, zlib
tmp, here, version = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(f"{tmp}/frozen.db", "rb").read()
name = f"schema-v{version}-micro.db.qz"
open(f"{here}/{name}", "wb").write(struct.pack(">I", len(data)) + zlib.compress(data, 9))
print(f"{name}: {len(data)} bytes, compressed")
PY
ls -l "$HERE/schema-v$VERSION-micro.db.qz"
