#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs each libFuzzer target for a set time: `make fuzz` calls this after building the fuzz preset.
#   tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS [TARGET ...]
# Each target starts from a copy of its seed corpus (tests/fuzz/corpus/TARGET) in
# BUILD_DIR/fuzz-work/TARGET, so what it discovers stays out of the source tree; findings go to
# BUILD_DIR/fuzz-work/TARGET/findings. Copy a finding into tests/fuzz/regressions/TARGET/ once it
# is fixed: ctest replays those under the sanitizers from then on.
set -uo pipefail
cd "$(dirname "$0")/../.."

build=${1:?usage: run-fuzzers.sh BUILD_DIR SECONDS [TARGET ...]}
seconds=${2:-60}
shift 2 || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_csvimport fuzz_slotjson fuzz_segmentrule fuzz_layoutjson fuzz_emailtemplate
    fuzz_configimport fuzz_emailrender)

work="$build/fuzz-work"
mkdir -p "$work"
summary="$work/summary.txt"
printf '%-18s %8s %12s %10s %9s %8s\n' target seconds executions exec/s corpus findings | tee "$summary"
status=0
for target in "${targets[@]}"; do
    binary="$build/tests/fuzz/$target"
    if [ ! -x "$binary" ]; then
        echo "$target: not built ($binary)" >&2
        status=1
        continue
    fi
    dir="$work/$target"
    rm -rf "$dir"
    mkdir -p "$dir/corpus" "$dir/findings"
    cp tests/fuzz/corpus/"$target"/* "$dir/corpus/"
    dict=()
    [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
    # -timeout: one input taking 10 s is a finding (a hang) too.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
        "$binary" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 "${dict[@]}" \
        -artifact_prefix="$dir/findings/" "$dir/corpus" > "$dir/log.txt" 2>&1
    code=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log.txt" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log.txt" | tail -1)
    corpus=$(find "$dir/corpus" -type f | wc -l)
    findings=$(find "$dir/findings" -type f | wc -l)
    printf '%-18s %8s %12s %10s %9s %8s\n' "$target" "$seconds" "${executions:-?}" "${rate:-?}" "$corpus" "$findings" | tee -a "$summary"
    if [ "$code" -ne 0 ] || [ "$findings" -ne 0 ]; then
        echo "$target: FINDING (exit $code) — see $dir/log.txt and $dir/findings/" >&2
        grep -m1 -E 'ERROR: |runtime error|fuzz_[a-z]+: ' "$dir/log.txt" >&2
        status=1
    fi
done
exit $status
