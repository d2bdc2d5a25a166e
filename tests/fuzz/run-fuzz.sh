#!/usr/bin/env bash
# Builds the import readers' fuzz targets with clang, libFuzzer, ASan and UBSan, and runs each
# for RUNS inputs (default 1 000 000) from its seed corpus (tests/fuzz/corpus/*, copied: the
# corpus in the tree is not grown). A crash, a leak, undefined behaviour or a broken invariant
# stops it with the input saved in OUT_DIR. Usage: [FUZZ_ONLY=values] run-fuzz.sh OUT_DIR [RUNS]
# Needs clang-14 and libclang-rt-14-dev (packaging/dev.sh installs them for `bench`), and libzip-dev.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:?out dir}
RUNS=${2:-1000000}
mkdir -p "$OUT"
CXX=${FUZZ_CXX:-clang++-14}
# Qt's headers and library as pkg-config gives them (Qt Core is all the readers use).
read -r -a QT <<<"$(pkg-config --cflags --libs Qt6Core)"
# target:corpus folder
for entry in csvreader:csv values:values xlsxreader:xlsx; do
    target=${entry%%:*}
    seeds=${entry#*:}
    [ -z "${FUZZ_ONLY:-}" ] || [ "$FUZZ_ONLY" = "$target" ] || continue
    bin="$OUT/fuzz_$target"
    # The XLSX reader (and its harness, which zips the parts it is given) also links libzip.
    LIBS=()
    [ "$target" != xlsxreader ] || read -r -a LIBS <<<"$(pkg-config --cflags --libs libzip)"
    # The project's own Qt defines (CMakeLists.txt): QStringBuilder changes what `auto` holds, and
    # a dangling builder is what ASan found in the CMake build, not here, before they were added.
    "$CXX" -std=c++17 -O1 -g -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -DQT_NO_KEYWORDS -DQT_NO_CAST_FROM_BYTEARRAY -DQT_USE_QSTRINGBUILDER \
        -I"$ROOT/models" "$ROOT/tests/fuzz/fuzz_$target.cpp" "$ROOT/models/io/$target.cpp" "${QT[@]}" ${LIBS[@]+"${LIBS[@]}"} -o "$bin"
    corpus="$OUT/corpus-$target"
    rm -rf "$corpus"
    cp -r "$ROOT/tests/fuzz/corpus/$seeds" "$corpus"
    start=$(date +%s)
    # Inputs up to 16 KB: libFuzzer grows them slowly (3 KB after a million), so the reader's
    # 64 KB read chunks are crossed by tst_csvreader's round trip, not here.
    (cd "$OUT" && UBSAN_OPTIONS=print_stacktrace=1 "$bin" -runs="$RUNS" -max_len=16384 -print_final_stats=1 \
        "$corpus" >"$OUT/fuzz_$target.log" 2>&1) || {
        echo "fuzz_$target FAILED after $(( $(date +%s) - start )) s; the input is in $OUT (crash-*, leak-*):"
        tail -30 "$OUT/fuzz_$target.log"
        exit 1
    }
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$OUT/fuzz_$target.log" | grep -o '[0-9]*$')
    printf "fuzz_%s: %s inputs in %d s, no crash, leak or undefined behaviour (ASan + UBSan)\n" \
        "$target" "$execs" "$(( $(date +%s) - start ))"
done
