#!/usr/bin/env bash
# How schema-v7-micro.db.qz was made (issue 14, when schema v8 added targets.correction_reason):
# the micro demo (seed 42, as of 2026-11-22) as the schema-v7 build wrote it, the build of
# main at a7be3eb (the commit before v8). Run once, with that build; a later build writes a
# later schema (the script checks user_version 7). Its targets carry non-zero corrections with
# nowhere to keep a reason, which the v8 step must leave as they are, with reason ''.
# Same format as make-frozen-schemas.sh (Qt's qCompress). Usage: make-frozen-schema-v7.sh BUILD_DIR
set -euo pipefail
BUILD=${1:?build dir of a schema-v7 build}
HERE=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BUILD/app/sales-cockpit" demo --scale micro --seed 42 --as-of 2026-11-22 --out "$tmp/gen.db" >/dev/null 2>&1
sqlite3 "$tmp/gen.db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM INTO '$tmp/v7.db';"
test "$(sqlite3 "$tmp/v7.db" 'PRAGMA user_version')" = 7
test "$(sqlite3 "$tmp/v7.db" 'SELECT COUNT(*) FROM targets WHERE correction_bp <> 0')" -gt 0

python3 - "$tmp" "$HERE" <<'PY'
import struct, sys, zlib
tmp, here = sys.argv[1], sys.argv[2]
data = open(f"{tmp}/v7.db", "rb").read()
open(f"{here}/schema-v7-micro.db.qz", "wb").write(struct.pack(">I", len(data)) + zlib.compress(data, 9))
print(f"schema-v7-micro.db.qz: {len(data)} bytes, compressed")
PY
ls -l "$HERE"/schema-v7-micro.db.qz
