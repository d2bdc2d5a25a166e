#!/usr/bin/env bash
# Schema v6 keeps every time as an integer (models/storage/TIMES_V6.md §6.6). SQLite's date
# functions read an integer as a Julian day or as nothing, and '' is no longer "no time" (the
# migration made it NULL): so no SQL text in models/ may call julianday(), strftime(),
# datetime(), date(), time() or unixepoch(), shift by a '+8 hours' modifier, or test a time
# column against ''. Usage: check-time-sql.sh SOURCE_DIR
set -u
root=${1:?source dir}
bad=0
pattern="(^|[^_A-Za-z0-9])(julianday|strftime|datetime|date|time|unixepoch)\(|'[+-][0-9]+ (hours|days|minutes|seconds)'|(_at|_on|_date|_since|day|_start|expected_close|intent_next_meeting)[[:space:]]*(=|<>|!=)[[:space:]]*''"
# Lines that could hold such SQL, then only the string literals on them (not code, not comments).
while IFS= read -r hit; do
    file=${hit%%:*}
    rest=${hit#*:}
    line=${rest#*:}
    case "$line" in [[:space:]]*//* | //*) continue ;; esac
    if printf '%s\n' "$line" | grep -o '"[^"]*"' | grep -Eq "$pattern"; then
        echo "time SQL on integer times: $hit"
        bad=1
    fi
done < <(grep -rnE "(julianday|strftime|datetime|date|time|unixepoch)\(|hours'|days'|''" "$root/models" --include='*.cpp')
[ "$bad" = 0 ] && echo "no SQL date function or '' time test in models/"
exit "$bad"
