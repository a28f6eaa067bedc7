#!/bin/sh
# Runs bench.py on every backend and prints the best of REPS runs of each measurement
# (docs/multiprocessing.md). Usage, from the repository root:
#   tests/multiprocessing/bench.sh [GILLAB] [COUNT] [REPS]
# Defaults: target/release/gillab, 32,000,000 countdown steps, 3 runs.
G=${1:-target/release/gillab}
C=${2:-32000000}
R=${3:-3}
B=tests/multiprocessing/bench.py
best() {
    # best <command...>: the smallest number printed before " s" / " ms" / " us" over R runs.
    i=0; out=""
    while [ $i -lt "$R" ]; do
        line=$("$@")
        v=$(echo "$line" | sed -n 's/.*: \([0-9.]*\) \(s\|ms\|us\).*/\1/p')
        out="$out $v"
        i=$((i + 1))
    done
    echo "$out" | tr ' ' '\n' | grep -v '^$' | sort -g | head -1
}
echo "worker start-up (ms, best of $R): gil $(best $G run -b gil $B startup 20)"
echo "empty job round trip (us, best of $R): gil $(best $G run -b gil $B roundtrip 2000)"
for n in 1 2 4; do
    for b in gil objlock atomic biased shard; do
        echo "countdown $C over $n threads, $b: $(best $G run -b $b $B threads $n $C) s"
    done
    echo "countdown $C over Pool($n), gil: $(best $G run -b gil $B pool $n $C) s"
done
