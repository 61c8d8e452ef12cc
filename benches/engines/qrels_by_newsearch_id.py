#!/usr/bin/env python3
"""Qrels that name JSON records by their own `id`, rewritten with the ids newsearch gives them.

    qrels_by_newsearch_id.py CORPUS.jsonl QRELS.tsv > QRELS_BY_NEWSEARCH_ID.tsv

newsearch's id for a record of a file indexed by name is the FNV-1a 64 hash of
"FILE_NAME\\nid:RECORD_ID" (src/article.rs, `ArticleKey`): the same on both engines, and
what `query --json` lists (news-dev-2 and PIAF name orangesum's and PIAF's records by
their own ids). Qrels whose document is no record of CORPUS are kept as they are. A record id given twice in the file would get
another id ("#2"): the script refuses such a corpus rather than guess.
"""
import json
import os
import sys


def fnv1a(text):
    value = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % value


def main(corpus, qrels):
    name = os.path.basename(corpus)
    ids = {}
    with open(corpus, encoding="utf-8") as records:
        for line in records:
            if not line.strip():
                continue
            record_id = str(json.loads(line).get("id") or "")
            if not record_id:
                continue
            if record_id in ids:
                sys.exit(f"{corpus}: the id {record_id} is given twice")
            ids[record_id] = fnv1a(f"{name}\nid:{record_id}")
    with open(qrels, encoding="utf-8") as judged:
        for line in judged:
            fields = line.rstrip("\n").split("\t")
            # `qid 0 doc relevance` (TREC) or `qid doc relevance`.
            if len(fields) in (3, 4):
                fields[-2] = ids.get(fields[-2], fields[-2])
            print("\t".join(fields))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
