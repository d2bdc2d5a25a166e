#!/usr/bin/env bash
# How schema-v5-micro.db.qz was made (issue 10 §1): the micro demo (seed 42, as of 2026-11-22)
# as the schema-v5 build wrote it (the commit that added this file): integer keys and one
# 16-byte uuid per row, times still ISO text, log chain included. Run once, with a
# schema-v5 build; never again: a later build writes a later schema. Same format as
# make-frozen-schemas.sh (Qt's qCompress). Usage: make-frozen-schema-v5.sh BUILD_DIR
set -euo pipefail
BUILD=${1:?build dir}
HERE=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BUILD/app/sales-cockpit" demo --scale micro --seed 42 --as-of 2026-11-22 --out "$tmp/gen.db" >/dev/null 2>&1
sqlite3 "$tmp/gen.db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM INTO '$tmp/v5.db';"
test "$(sqlite3 "$tmp/v5.db" 'PRAGMA user_version')" = 5

python3 - "$tmp" "$HERE" <<'PY'
import struct, sys, zlib
tmp, here = sys.argv[1], sys.argv[2]
data = open(f"{tmp}/v5.db", "rb").read()
open(f"{here}/schema-v5-micro.db.qz", "wb").write(struct.pack(">I", len(data)) + zlib.compress(data, 9))
print(f"schema-v5-micro.db.qz: {len(data)} bytes, compressed")
PY
ls -l "$HERE"/schema-v5-micro.db.qz
