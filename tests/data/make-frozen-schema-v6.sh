#!/usr/bin/env bash
# How schema-v6-micro.db.qz was made (issue 11, when schema v7 came): the micro demo (seed 42,
# as of 2026-11-22) written by the v7 build, with what v7 adds taken out again (its tables,
# columns and indexes, schema_v7.sql / indexes_v7.sql) and user_version 6. v7 only adds, and
# the generator wrote the same rows before it, so this is the file the v6 build wrote; making
# it this way spared a second build of the whole app at the v6 commit. Same format as
# make-frozen-schemas.sh (Qt's qCompress). Usage: make-frozen-schema-v6.sh BUILD_DIR
set -euo pipefail
BUILD=${1:?build dir}
HERE=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BUILD/app/sales-cockpit" demo --scale micro --seed 42 --as-of 2026-11-22 --out "$tmp/gen.db" >/dev/null 2>&1
sqlite3 "$tmp/gen.db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM INTO '$tmp/v6.db';"
test "$(sqlite3 "$tmp/v6.db" 'PRAGMA user_version')" = 7
sqlite3 "$tmp/v6.db" "
    DROP INDEX idx_leads_product; DROP INDEX idx_import_changes_run; DROP INDEX idx_import_keys_run;
    DROP TABLE import_changes; DROP TABLE import_keys; DROP TABLE import_runs;
    ALTER TABLE leads DROP COLUMN product_id;
    ALTER TABLE customers DROP COLUMN parent_id; ALTER TABLE customers DROP COLUMN location;
    ALTER TABLE customers DROP COLUMN employees; ALTER TABLE customers DROP COLUMN annual_revenue_cents;
    ALTER TABLE customers DROP COLUMN established_year;
    DROP TABLE products;
    PRAGMA user_version = 6; VACUUM;"

python3 - "$tmp" "$HERE" <<'PY'
import struct, sys, zlib
tmp, here = sys.argv[1], sys.argv[2]
data = open(f"{tmp}/v6.db", "rb").read()
open(f"{here}/schema-v6-micro.db.qz", "wb").write(struct.pack(">I", len(data)) + zlib.compress(data, 9))
print(f"schema-v6-micro.db.qz: {len(data)} bytes, compressed")
PY
ls -l "$HERE"/schema-v6-micro.db.qz
