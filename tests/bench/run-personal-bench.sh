#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# "personal" tuned to each catalog (issue 12, point 5): for catalogs of several shapes, the
# fixed model it used before (EASE, λ = 500) against the model `train` now chooses on a validation
# split, both scored by `evaluate` on the same test split, and the time `train` takes for each.
# One JSON object per line.
# Usage: tests/bench/run-personal-bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
cli="$PWD/${1:-build}/app/vitrine-cli"
work=$(mktemp -d /tmp/vitrine-personal.XXXXXX)
trap 'rm -rf "$work"' EXIT

seconds() { /usr/bin/python3 -c 'import sys, json; print(json.load(sys.stdin)["trained"][0]["seconds"])'; }
ndcg() { /usr/bin/python3 -c 'import sys, json; print(json.load(sys.stdin)["metrics"]["ndcg@10"])'; }

run() {
    local shape=$1 db=$2
    local before after fixed tuned choice
    cp "$db" "$work/before.vitrine"
    cp "$db" "$work/after.vitrine"
    before=$("$cli" --db "$work/before.vitrine" -q --json train --models ease | seconds)
    after=$("$cli" --db "$work/after.vitrine" -q --json train --models personal | seconds)
    choice=$("$cli" --db "$work/after.vitrine" -q --json train --models personal \
        | /usr/bin/python3 -c 'import sys, json; c = json.load(sys.stdin).get("personal_choice", {}); print(json.dumps(c))')
    fixed=$("$cli" --db "$db" -q --json evaluate --strategy ease --params '{"lambda": 500}' | ndcg)
    tuned=$("$cli" --db "$db" -q --json evaluate --strategy personal | ndcg)
    /usr/bin/python3 - "$shape" "$before" "$after" "$fixed" "$tuned" "$choice" <<'EOF'
import json, sys
shape, before, after, fixed, tuned, choice = sys.argv[1:]
c = json.loads(choice)
winner = ("EASE lambda=%g" % c["lambda"]) if c.get("kind") == "ease" else "iALS"
print(json.dumps({"benchmark": "personal_tuned", "catalog": shape,
                  "ndcg10_ease500": round(float(fixed), 4), "ndcg10_personal": round(float(tuned), 4),
                  "chosen_on_whole_catalog": winner,
                  "train_s_ease500": round(float(before), 2), "train_s_personal": round(float(after), 2),
                  "train_ratio": round(float(after) / float(before), 2)}))
EOF
}

# The demo shop, a shop with few items and many people, a sparse one.
"$cli" --db "$work/demo.vitrine" -q demo --end 2026-11-30
run "demo 20k people, 5k items, 1M events" "$work/demo.vitrine"
"$cli" --db "$work/few.vitrine" -q demo --users 60000 --items 400 --events 1000000 --end 2026-11-30
run "few items: 60k people, 400 items, 1M events" "$work/few.vitrine"
"$cli" --db "$work/sparse.vitrine" -q demo --users 20000 --items 5000 --events 150000 --end 2026-11-30
run "sparse: 20k people, 5k items, 150k events" "$work/sparse.vitrine"

# Ratings only: the demo's events as a generic user,item,time file (every event one kind).
"$cli" --db "$work/demo.vitrine" -q export events --out "$work/events.csv"
/usr/bin/python3 - "$work/events.csv" "$work/ratings.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], newline="") as src, open(sys.argv[2], "w", newline="") as out:
    reader = csv.DictReader(src)
    writer = csv.writer(out)
    writer.writerow(["user_id", "item_id", "ts"])
    for row in reader:
        writer.writerow([row["user_id"], row["item_id"], row["ts"]])
EOF
"$cli" --db "$work/ratings.vitrine" -q import events "$work/ratings.csv" --create-missing --type rating > /dev/null
run "ratings only: the demo's events as user,item,time" "$work/ratings.vitrine"
