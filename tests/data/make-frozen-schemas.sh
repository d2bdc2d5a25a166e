#!/usr/bin/env bash
# How the frozen schema fixtures in this folder were made (issue 10 §1). Run once, with the
# build of the schema version being frozen; never again: a later build writes a later schema.
#
#   schema-v2-micro.db.qz  the micro demo (seed 42, as of 2026-11-22) as the schema-v2 build
#                          wrote it (the commit that added this file), log chain included
#   schema-v1-micro.db.qz  the same company in a schema-v1 file: the v1 tables and indexes
#                          (models/storage/schema_v1.sql, indexes_v1.sql), the v1 columns of
#                          every row, user_version 1, no log chain (v1 had none)
#
# (schema-v3-micro.db.qz: make-frozen-schema-v3.sh, with the v3 build.)
# .qz is Qt's qCompress format (4-byte big-endian length, then zlib), so the tests read it
# with qUncompress and need nothing beyond Qt. Usage: make-frozen-schemas.sh BUILD_DIR
set -euo pipefail
BUILD=${1:?build dir}
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BUILD/app/sales-cockpit" demo --scale micro --seed 42 --as-of 2026-11-22 --out "$tmp/gen.db" >/dev/null 2>&1
sqlite3 "$tmp/gen.db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM INTO '$tmp/v2.db';"
test "$(sqlite3 "$tmp/v2.db" 'PRAGMA user_version')" = 2

# Schema v1: its tables and indexes, then the v1 columns of every row.
{
    echo "PRAGMA application_id = 1396919120;"
    cat "$SRC/models/storage/schema_v1.sql" "$SRC/models/storage/indexes_v1.sql"
    echo "PRAGMA user_version = 1;"
} | sqlite3 "$tmp/v1.db"
copy=""
for t in $(sqlite3 "$tmp/v1.db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"); do
    cols=$(sqlite3 "$tmp/v1.db" "SELECT group_concat(name, ', ') FROM pragma_table_info('$t')")
    copy+="INSERT INTO main.$t ($cols) SELECT $cols FROM src.$t; "
done
sqlite3 "$tmp/v1.db" "PRAGMA foreign_keys = OFF; ATTACH '$tmp/v2.db' AS src; BEGIN; $copy
    DELETE FROM main.settings WHERE key IN ('log_head_seq', 'log_head_hash'); COMMIT; VACUUM;"

python3 - "$tmp" "$HERE" <<'PY'
import struct, sys, zlib
tmp, here = sys.argv[1], sys.argv[2]
for v in ("v1", "v2"):
    data = open(f"{tmp}/{v}.db", "rb").read()
    open(f"{here}/schema-{v}-micro.db.qz", "wb").write(struct.pack(">I", len(data)) + zlib.compress(data, 9))
    print(f"schema-{v}-micro.db.qz: {len(data)} bytes, compressed")
PY
ls -l "$HERE"/*.qz
