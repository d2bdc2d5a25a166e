#!/usr/bin/env python3
# The schema v3 size experiment (models/storage/SCHEMA_V3.md): a measurement, not product
# code, and not run by CI. Reshapes a v2 demo file as v3 would store it (integer keys and
# foreign keys, one uuid per row, integer epoch times, the same indexes) so the design can
# be sized before it is written.
#   python3 v3-shape-experiment.py V2.db OUT.db blob|text
import sqlite3, re, sys, uuid, datetime, os
src, dst, uuidmode = sys.argv[1], sys.argv[2], sys.argv[3]  # uuidmode: blob|text
if os.path.exists(dst): os.remove(dst)
s = sqlite3.connect(src); d = sqlite3.connect(dst)
d.execute("PRAGMA journal_mode=OFF"); d.execute("PRAGMA synchronous=OFF")
tables = [r[0] for r in s.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
iso = re.compile(r'^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d(\.\d+)?Z)?$')
maps = {}
for t in tables:
    cols = [c[1] for c in s.execute(f'PRAGMA table_info("{t}")')]
    if 'id' in cols:
        maps[t] = {r[0]: i+1 for i, r in enumerate(s.execute(f'SELECT id FROM "{t}" ORDER BY rowid'))}
def epoch(v):
    if len(v) == 10:
        return int(datetime.datetime.strptime(v, '%Y-%m-%d').replace(tzinfo=datetime.timezone.utc).timestamp()) // 86400
    return int(datetime.datetime.fromisoformat(v.replace('Z', '+00:00')).timestamp())
for t in tables:
    info = list(s.execute(f'PRAGMA table_info("{t}")'))
    fks = {r[3]: r[2] for r in s.execute(f'PRAGMA foreign_key_list("{t}")')}
    cols = [c[1] for c in info]
    sample = s.execute(f'SELECT * FROM "{t}" LIMIT 200').fetchall()
    kinds = []
    for i, c in enumerate(info):
        name = c[1]
        vals = [r[i] for r in sample if r[i] is not None]
        if name == 'id' and t in maps: kinds.append('pk')
        elif name in fks and fks[name] in maps: kinds.append(('fk', fks[name]))
        elif name.endswith('_id') and vals and all(isinstance(v, str) and len(v) == 36 for v in vals):
            # an untyped reference: find the table holding these ids
            ref = next((u for u, m in maps.items() if vals[0] in m), None)
            kinds.append(('fk', ref) if ref else 'copy')
        elif vals and all(isinstance(v, str) and iso.match(v) for v in vals): kinds.append('time')
        else: kinds.append('copy')
    defs = []
    for c, k in zip(info, kinds):
        if k == 'pk': defs.append('id INTEGER PRIMARY KEY')
        elif k in ('time',) or isinstance(k, tuple): defs.append(f'"{c[1]}" INTEGER')
        else: defs.append(f'"{c[1]}" {c[2]}')
    if 'pk' in kinds: defs.append('uuid BLOB UNIQUE' if uuidmode == 'blob' else 'uuid TEXT UNIQUE')
    d.execute(f'CREATE TABLE "{t}" ({", ".join(defs)})')
    ncols = len(cols) + (1 if 'pk' in kinds else 0)
    rows = []
    for r in s.execute(f'SELECT * FROM "{t}"'):
        out = []
        for v, k in zip(r, kinds):
            if v is None: out.append(None)
            elif k == 'pk': out.append(maps[t][v])
            elif isinstance(k, tuple): out.append(maps[k[1]].get(v))
            elif k == 'time':
                try: out.append(epoch(v))
                except Exception: out.append(v)
            else: out.append(v)
        if 'pk' in kinds:
            u = r[cols.index('id')]
            try: out.append(uuid.UUID(u).bytes if uuidmode == 'blob' else u)
            except Exception: out.append(u.encode() if uuidmode == 'blob' else u)
        rows.append(out)
        if len(rows) >= 50000:
            d.executemany(f'INSERT INTO "{t}" VALUES ({",".join("?"*ncols)})', rows); rows = []
    if rows: d.executemany(f'INSERT INTO "{t}" VALUES ({",".join("?"*ncols)})', rows)
d.commit()
for (sql,) in s.execute("SELECT sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"):
    try: d.execute(sql)
    except Exception as e: print('index skipped:', e, sql[:80])
d.commit(); d.execute('VACUUM'); d.close()
print(dst, os.path.getsize(dst) / 1048576, 'MB')
