#!/usr/bin/env python3
"""Ranks one `newsearch query --batch --json` output three ways and writes a run file for each.

usage: orders.py RAW.jsonl RECORD_IDS.tsv OUT_PREFIX

- relevance:  the order newsearch prints (partial matches among the full ones by score);
- full-first: every full match before any partial one, each part by score;
- drop-last:  Meilisearch's "last" matching strategy: full matches, then the articles with
              the query's words but the last, then with all but the last two, and so on,
              each bucket by score.

The reordering works on the hits newsearch returned (run it with a deep --limit, e.g. 100),
so the three files hold the same articles and only their order differs.
"""
import json
import sys


def read_ids(path):
    ids = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                ids[parts[0]] = parts[1]
    return ids


def words_dropped(hit, words):
    """How many words from the query's end Meilisearch drops before this hit matches."""
    if hit["match"] == "full":
        return 0
    missing = {w.lower() for w in hit["missing"]}
    positions = [i for i, w in enumerate(words) if w.lower() in missing]
    return len(words) - min(positions) if positions else len(words)


def main():
    raw, ids_path, prefix = sys.argv[1:4]
    ids = read_ids(ids_path)
    orders = {
        "relevance": lambda hit, words: 0,
        "full-first": lambda hit, words: 0 if hit["match"] == "full" else 1,
        "drop-last": words_dropped,
    }
    outs = {name: open(f"{prefix}-{name}.jsonl", "w", encoding="utf-8") for name in orders}
    with open(raw, encoding="utf-8") as f:
        for line in f:
            result = json.loads(line)
            qid, words = result["qid"], result["query"].split()
            hits = result.get("hits", [])
            for name, bucket in orders.items():
                # sorted() is stable: within a bucket, newsearch's relevance order stays.
                ranked = sorted(hits, key=lambda hit: bucket(hit, words))
                run = [ids.get(hit["id"], hit["id"]) for hit in ranked]
                outs[name].write(json.dumps({"qid": qid, "hits": run}) + "\n")
    for out in outs.values():
        out.close()


if __name__ == "__main__":
    main()
