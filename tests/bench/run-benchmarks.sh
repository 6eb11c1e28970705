#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Foundation benchmarks; prints one JSON object per measurement on stdout.
#  - demo: generating the default demo catalog (20k people, 5k items, 1M events): wall time, peak RSS
#  - import: importing a 1,000,000-row events CSV into a catalog (validating, resolving ids,
#    indexing) side by side with SQLite's own `.import --csv` into a bare table, same file, same run.
# Usage: tests/bench/run-benchmarks.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-3}
cli="$PWD/$build/app/vitrine-cli"
work=$(mktemp -d /tmp/vitrine-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Runs a command under /usr/bin/time; prints "seconds max_rss_kib".
measure() {
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    cat "$work/time"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# 1. Demo generation.
demo_times=(); demo_rss=0
for i in $(seq "$runs"); do
    rm -f "$work/demo.vitrine"
    read -r s rss < <(measure "$cli" -q --db "$work/demo.vitrine" demo --seed 1 --end 2026-11-01)
    demo_times+=("$s"); [ "$rss" -gt "$demo_rss" ] && demo_rss=$rss
done
demo_median=$(printf '%s\n' "${demo_times[@]}" | median)
printf '{"benchmark":"demo_default","runs":%d,"median_s":%s,"all_s":[%s],"peak_rss_mib":%.1f}\n' \
    "$runs" "$demo_median" "$(IFS=,; echo "${demo_times[*]}")" "$(echo "$demo_rss / 1024" | bc -l)"

# 2. Events import against sqlite3 .import.
"$cli" -q --db "$work/demo.vitrine" export items --out "$work/items.csv" >/dev/null
"$cli" -q --db "$work/demo.vitrine" export users --out "$work/users.csv" >/dev/null
"$cli" -q --db "$work/demo.vitrine" export events --out "$work/events.csv" >/dev/null
rows=$(($(wc -l < "$work/events.csv") - 1))
"$cli" -q --db "$work/base.vitrine" import items "$work/items.csv" >/dev/null
"$cli" -q --db "$work/base.vitrine" import users "$work/users.csv" >/dev/null

vit_times=(); vit_rss=0; sql_times=(); sql_rss=0
for i in $(seq "$runs"); do
    cp "$work/base.vitrine" "$work/target.vitrine"
    sync
    read -r s rss < <(measure "$cli" -q --db "$work/target.vitrine" import events "$work/events.csv")
    vit_times+=("$s"); [ "$rss" -gt "$vit_rss" ] && vit_rss=$rss
    rm -f "$work/raw.db"
    sync
    read -r s rss < <(measure sqlite3 "$work/raw.db" ".import --csv $work/events.csv raw")
    sql_times+=("$s"); [ "$rss" -gt "$sql_rss" ] && sql_rss=$rss
done
imported=$(sqlite3 "$work/target.vitrine" "SELECT count(*) FROM events")
raw=$(sqlite3 "$work/raw.db" "SELECT count(*) FROM raw")
vit_median=$(printf '%s\n' "${vit_times[@]}" | median)
sql_median=$(printf '%s\n' "${sql_times[@]}" | median)
printf '{"benchmark":"import_events","rows":%d,"runs":%d,"vitrine_median_s":%s,"vitrine_all_s":[%s],"vitrine_rows":%d,"vitrine_peak_rss_mib":%.1f,"sqlite3_median_s":%s,"sqlite3_all_s":[%s],"sqlite3_rows":%d,"sqlite3_peak_rss_mib":%.1f,"ratio":%.2f,"sqlite3_version":"%s"}\n' \
    "$rows" "$runs" "$vit_median" "$(IFS=,; echo "${vit_times[*]}")" "$imported" "$(echo "$vit_rss / 1024" | bc -l)" \
    "$sql_median" "$(IFS=,; echo "${sql_times[*]}")" "$raw" "$(echo "$sql_rss / 1024" | bc -l)" \
    "$(echo "$vit_median / $sql_median" | bc -l)" "$(sqlite3 --version | cut -d' ' -f1)"
