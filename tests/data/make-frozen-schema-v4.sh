#!/usr/bin/env bash
# How schema-v4-micro.db.qz was made (issue 10 §1): the micro demo (seed 42, as of 2026-11-22)
# as the schema-v4 build wrote it (the commit that added this file): the v4 activity indexes
# (idx_activities_by_lead, idx_activities_customer_words), log chain included. Run once, with a
# schema-v4 build; never again: a later build writes a later schema. Same format as
# make-frozen-schemas.sh (Qt's qCompress). Usage: make-frozen-schema-v4.sh BUILD_DIR
set -euo pipefail
BUILD=${1:?build dir}
HERE=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BUILD/app/sales-cockpit" demo --scale micro --seed 42 --as-of 2026-11-22 --out "$tmp/gen.db" >/dev/null 2>&1
sqlite3 "$tmp/gen.db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM INTO '$tmp/v4.db';"
test "$(sqlite3 "$tmp/v4.db" 'PRAGMA user_version')" = 4

python3 - "$tmp" "$HERE" <<'PY'
import struct, sys, zlib
tmp, here = sys.argv[1], sys.argv[2]
data = open(f"{tmp}/v4.db", "rb").read()
open(f"{here}/schema-v4-micro.db.qz", "wb").write(struct.pack(">I", len(data)) + zlib.compress(data, 9))
print(f"schema-v4-micro.db.qz: {len(data)} bytes, compressed")
PY
ls -l "$HERE"/schema-v4-micro.db.qz
