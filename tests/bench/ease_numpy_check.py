#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Plain NumPy EASE on the evaluation split of an exported catalog; prints its metrics as JSON.

The reference for `vitrine-cli evaluate --strategy ease`: both must agree to 3 decimals of
NDCG@10 on the same catalog. It reads `vitrine-cli export events` (and, better, `export items`)
and follows the split of docs/DESIGN ("evaluate"):

  * each person's distinct items, each at the time of its first interaction (any event type),
    sorted by (time, item);
  * a person with n >= 5 distinct items holds out the last max(1, floor(0.2 n)) as test, the rest
    is train; people with fewer are train-only and not evaluated;
  * EASE is trained on every person's train items (binary X, the same lambda):
    G = X.T X + lambda I, P = inv(G), B = -P / diag(P), diag(B) = 0; scores x_u B;
  * items in a person's train set are never recommended; the top K by score, ties by item;
  * Recall@K = hits / test size, NDCG@K with binary gains and the ideal over min(K, test size),
    HitRate@K = share of people with a hit, coverage@K = share of catalog items recommended to
    anyone; all but coverage are means over the evaluated people.

"Ties by item" must mean what it means in Vitrine: the snapshot's item index, which is the
catalog id order. The items export is written in id order, so with --items the row order of
that file is the item order (and its row count the catalog size for coverage). Without it the
skus are sorted as text, which is the same order when they are zero-padded and were given ids
in sku order, as the demo catalog's "SKU-00001"... are; coverage then counts only items that
have events.

    ease_numpy_check.py --events events.csv [--items items.csv] [--lambda 500] [--k 10]
"""
import argparse
import csv
import datetime
import json
import sys

import numpy as np


def parse_time(text):
    """Unix seconds from the export's ISO 8601 ("2026-03-01T10:20:30Z") or plain seconds."""
    text = text.strip()
    if text.lstrip("-").isdigit():
        return int(text)
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    moment = datetime.datetime.fromisoformat(text.replace(" ", "T"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return int(moment.timestamp())


def read_items(path):
    with open(path, newline="", encoding="utf-8") as file:
        return [row["sku"] for row in csv.DictReader(file)]


def read_first_interactions(path, item_index):
    """{person: {item index: time of first interaction}}; unknown skus are an error."""
    first = {}
    with open(path, newline="", encoding="utf-8") as file:
        for line, row in enumerate(csv.DictReader(file), start=2):
            item = item_index.get(row["item_id"])
            if item is None:
                sys.exit(f"{path}:{line}: item_id {row['item_id']!r} is not in the items")
            t = parse_time(row["ts"])
            items = first.setdefault(row["user_id"], {})
            if item not in items or t < items[item]:
                items[item] = t
    return first


def split(first):
    """[(train items, test items or None)] per person, in the export's person order."""
    people = []
    for items in first.values():
        ordered = [item for item, _ in sorted(items.items(), key=lambda pair: (pair[1], pair[0]))]
        n = len(ordered)
        if n >= 5:
            held = max(1, n // 5)
            people.append((ordered[: n - held], ordered[n - held :]))
        else:
            people.append((ordered, None))
    return people


def train_ease(people, item_count, lam):
    x = np.zeros((len(people), item_count), dtype=np.float64)
    for row, (train, _) in enumerate(people):
        x[row, train] = 1.0
    g = x.T @ x
    g[np.diag_indices_from(g)] += lam
    p = np.linalg.inv(g)
    b = p / (-np.diag(p))
    b[np.diag_indices_from(b)] = 0.0
    return x, b


def top_k(scores, k):
    """Indexes of the k best finite scores, best first, equal scores by lower item index."""
    finite = np.isfinite(scores)
    count = min(k, int(finite.sum()))
    if count == 0:
        return np.empty(0, dtype=np.int64)
    kth = np.partition(np.where(finite, -scores, np.inf), count - 1)[count - 1]
    candidates = np.nonzero(finite & (scores >= -kth))[0]
    order = np.lexsort((candidates, -scores[candidates]))
    return candidates[order[:count]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", required=True, help="vitrine-cli export events --out FILE.csv")
    parser.add_argument("--items", help="vitrine-cli export items --out FILE.csv (item order, catalog size)")
    parser.add_argument("--lambda", dest="lam", type=float, default=500.0)
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()

    if args.items:
        skus = read_items(args.items)
    else:
        with open(args.events, newline="", encoding="utf-8") as file:
            skus = sorted({row["item_id"] for row in csv.DictReader(file)})
    item_index = {sku: index for index, sku in enumerate(skus)}
    people = split(read_first_interactions(args.events, item_index))
    x, b = train_ease(people, len(skus), args.lam)

    k = args.k
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    evaluated = [row for row, (_, test) in enumerate(people) if test is not None]
    recall = ndcg = hits_any = 0.0
    recommended = set()
    for start in range(0, len(evaluated), 2048):
        rows = evaluated[start : start + 2048]
        scores = x[rows] @ b
        scores[x[rows] > 0] = -np.inf  # train items are never recommended
        for offset, row in enumerate(rows):
            top = top_k(scores[offset], k)
            recommended.update(top.tolist())
            test = set(people[row][1])
            gains = np.array([1.0 if item in test else 0.0 for item in top])
            hits = gains.sum()
            recall += hits / len(test)
            ideal = discounts[: min(k, len(test))].sum()
            ndcg += float((gains * discounts[: len(gains)]).sum()) / ideal
            hits_any += 1.0 if hits > 0 else 0.0

    count = max(1, len(evaluated))
    print(json.dumps({
        "check": "ease_numpy",
        "numpy": np.__version__,
        "lambda": args.lam,
        "k": k,
        "items": len(skus),
        "people": len(people),
        "evaluated": len(evaluated),
        "test_items": sum(len(people[row][1]) for row in evaluated),
        f"ndcg@{k}": round(ndcg / count, 6),
        f"recall@{k}": round(recall / count, 6),
        f"hitrate@{k}": round(hits_any / count, 6),
        f"coverage@{k}": round(len(recommended) / max(1, len(skus)), 6),
    }))


if __name__ == "__main__":
    main()
