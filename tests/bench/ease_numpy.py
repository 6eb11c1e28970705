#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times the straightforward NumPy EASE on the matrix bench_ease exported, and prints JSON.

    G = X.T @ X + lambda I;  P = inv(G);  B = -P / diag(P);  diag(B) = 0

X is the dense binary person x item matrix in float64, as a plain NumPy EASE has it (NumPy
alone has no sparse matrices). Gram, inverse and weights are timed separately so the figures
line up with bench_ease's stages. With --compare MODEL (bench_ease --save-model), also prints
the largest difference between NumPy's B and Vitrine's.

Run it with Debian's interpreter (/usr/bin/python3, python3-numpy), whose NumPy calls the BLAS
and LAPACK that update-alternatives selects (OpenBLAS from libopenblas0-pthread); the JSON says
which libraries the process actually loaded.

    ease_numpy.py --rows ROWS.bin --items N [--lambda 500] [--runs 3] [--compare MODEL.bin]
"""
import argparse
import json
import os
import struct
import sys
import time

import numpy as np


def loaded_linear_algebra():
    """The BLAS/LAPACK shared objects mapped into this process."""
    libraries = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1] if len(line.split()) >= 6 else ""
            name = os.path.basename(path)
            if any(key in name for key in ("blas", "lapack", "mkl", "blis")):
                libraries.add(os.path.realpath(path))
    return sorted(libraries)


def read_model(path):
    """EaseModel::serialize(): 'VEAS', u32 version, i32 n, f64 lambda, u8 binary, n*n f32, little-endian."""
    with open(path, "rb") as file:
        data = file.read()
    if data[:4] != b"VEAS":
        sys.exit(f"{path}: not an EASE model")
    version, n, lam, binary = struct.unpack_from("<IidB", data, 4)
    weights = np.frombuffer(data, dtype="<f4", offset=21)
    if version != 1 or weights.size != n * n:
        sys.exit(f"{path}: unsupported or damaged EASE model")
    return weights.reshape(n, n), lam, bool(binary)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", required=True, help="int32 little-endian (person, item) pairs")
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--lambda", dest="lam", type=float, default=500.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", help="a model written by bench_ease --save-model")
    args = parser.parse_args()

    pairs = np.fromfile(args.rows, dtype="<i4").reshape(-1, 2)
    users = int(pairs[:, 0].max()) + 1 if len(pairs) else 0
    x = np.zeros((users, args.items), dtype=np.float64)
    x[pairs[:, 0], pairs[:, 1]] = 1.0

    stages = {"gram_s": [], "inverse_s": [], "weights_s": []}
    totals = []
    for _ in range(max(1, args.runs)):
        t0 = time.perf_counter()
        g = x.T @ x
        t1 = time.perf_counter()
        g[np.diag_indices_from(g)] += args.lam
        p = np.linalg.inv(g)
        t2 = time.perf_counter()
        b = p / (-np.diag(p))
        b[np.diag_indices_from(b)] = 0.0
        t3 = time.perf_counter()
        stages["gram_s"].append(t1 - t0)
        stages["inverse_s"].append(t2 - t1)
        stages["weights_s"].append(t3 - t2)
        totals.append(t3 - t0)
        del g, p

    result = {
        "benchmark": "ease_train",
        "implementation": "numpy (dense X, X.T @ X, numpy.linalg.inv, float64)",
        "numpy": np.__version__,
        "blas_lapack_loaded": loaded_linear_algebra(),
        "items": args.items,
        "users": users,
        "nnz": int(len(pairs)),
        "lambda": args.lam,
        "runs": len(totals),
        "median_s": round(float(np.median(totals)), 3),
        "all_s": [round(t, 3) for t in totals],
    }
    for name, values in stages.items():
        result[name] = round(float(np.median(values)), 3)
    if args.compare:
        theirs, lam, binary = read_model(args.compare)
        if theirs.shape != b.shape or lam != args.lam or not binary:
            sys.exit(f"{args.compare}: trained on another matrix or with other settings")
        result["max_abs_diff_vs_vitrine"] = float(np.abs(theirs.astype(np.float64) - b).max())
        result["max_abs_weight"] = float(np.abs(b).max())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
