#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# EASE training against NumPy on OpenBLAS, same matrix, same run; one JSON object per line:
#  1. bench_ease (sparse Gram where X is sparse, then LAPACK Cholesky inverse via OpenBLAS),
#  2. bench_ease forced to a dense BLAS syrk Gram (the same Gram work NumPy does),
#  3. ease_numpy.py (dense X.T @ X, numpy.linalg.inv), which also checks B against Vitrine's,
#  then the ratio of medians (Vitrine / NumPy; below 1 means Vitrine is faster).
# Usage: tests/bench/run-ease-bench.sh [BUILD_DIR] [RUNS] [ITEMS] [USERS]
# Needs Debian's python3-numpy; it runs under /usr/bin/python3 so that NumPy is the one found.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-3}
items=${3:-5000}
users=${4:-20000}
bench="$PWD/$build/tests/bench/bench_ease"
work=$(mktemp -d /tmp/vitrine-ease.XXXXXX)
trap 'rm -rf "$work"' EXIT

vitrine=$("$bench" --items "$items" --users "$users" --runs "$runs" --export-rows "$work/rows.bin" --save-model "$work/model.bin")
echo "$vitrine"
"$bench" --items "$items" --users "$users" --runs "$runs" --gram dense
numpy=$(/usr/bin/python3 tests/bench/ease_numpy.py --rows "$work/rows.bin" --items "$items" --runs "$runs" --compare "$work/model.bin")
echo "$numpy"
/usr/bin/python3 - "$vitrine" "$numpy" <<'EOF'
import json, sys
v, n = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(json.dumps({"benchmark": "ease_vs_numpy", "items": v["items"], "vitrine_median_s": v["median_s"],
                  "numpy_median_s": n["median_s"], "ratio": round(v["median_s"] / n["median_s"], 3),
                  "inverse_ratio": round(v["inverse_s"] / n["inverse_s"], 3),
                  "max_abs_diff": n["max_abs_diff_vs_vitrine"]}))
EOF
