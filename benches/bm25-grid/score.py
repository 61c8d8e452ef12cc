"""Scores the grid's runs: PIAF nDCG@10 and its difference from newsearch's chain and
parameters (snowball-f1, k1 1.2, b 0.75) with a paired bootstrap 95% interval; news-dev
nDCG@10, unjudged articles in the top 10, and the condensed nDCG@10 (unjudged articles
dropped before the cut, Sakai 2007). Then, for each chain at k1 1.2, b 0.75, where PIAF's
relevant passage lands.

usage: score.py EVAL_DIR WORK_DIR VARIANT...   (runs WORK_DIR/runs/{piaf,news}-VARIANT-K1-B.jsonl)
Uses ../shared/bench/eval.py's measures.
"""
import os
import random
import sys

K1S = ["0.6", "0.9", "1.2", "1.5", "2.0"]
BS = ["0.3", "0.5", "0.75", "0.9", "1.0"]
REFERENCE = ("snowball-f1", "1.2", "0.75")


def bootstrap_interval(differences, draws=1000):
    """95% interval of the mean of paired per-query differences (fixed seed)."""
    rng = random.Random(1)
    n = len(differences)
    means = sorted(sum(rng.choices(differences, k=n)) / n for _ in range(draws))
    return means[draws // 40], means[draws - draws // 40 - 1]


def article(passage_id):
    """PIAF passage ids are ARTICLE-pNN."""
    return passage_id.rsplit("-p", 1)[0]


def main(eval_dir, work, variants):
    sys.path.insert(0, os.path.join(eval_dir, "..", "bench"))
    import eval as measures

    piaf = measures.read_qrels(os.path.join(eval_dir, "piaf", "qrels.tsv"))
    news = measures.read_qrels(os.path.join(eval_dir, "news-dev", "qrels.tsv"))

    def read(name, variant, k1, b):
        path = os.path.join(work, "runs", f"{name}-{variant}-{k1}-{b}.jsonl")
        return measures.read_run(path) if os.path.exists(path) else None

    def ndcg(qrels, run):
        return measures.evaluate(qrels, run)[0]["nDCG@10"]

    def per_query(run):
        return {qid: m["nDCG@10"] for qid, m in measures.evaluate(piaf, run)[1].items()}

    reference_run = read("piaf", *REFERENCE)
    reference = per_query(reference_run) if reference_run else None
    for variant in variants:
        print(f"\n{variant}\n")
        print("| k1 | b | PIAF | PIAF − snowball-f1 1.2/0.75 (95%) | news-dev | unjudged in top 10 | news-dev condensed |")
        print("|---|---|---|---|---|---|---|")
        for k1 in K1S:
            for b in BS:
                piaf_run, news_run = read("piaf", variant, k1, b), read("news", variant, k1, b)
                difference = ""
                if reference:
                    scores = per_query(piaf_run)
                    differences = [scores[qid] - reference[qid] for qid in reference]
                    low, high = bootstrap_interval(differences)
                    difference = f"{sum(differences) / len(differences):+.4f} ({low:+.4f}, {high:+.4f})"
                unjudged = sum(1 for qid, rels in news.items() for doc in news_run.get(qid, [])[:10] if doc not in rels)
                judged = {qid: [doc for doc in hits if doc in news.get(qid, {})] for qid, hits in news_run.items()}
                print(f"| {k1} | {b} | {ndcg(piaf, piaf_run):.4f} | {difference} | {ndcg(news, news_run):.4f} "
                      f"| {unjudged} | {ndcg(news, judged):.4f} |")

    print("\nPIAF, k1 1.2, b 0.75: rank of the relevant passage; who is first when it is not\n")
    print("| chain | first | 2nd–10th | below 10th | not first: a passage of the same article is first |")
    print("|---|---|---|---|---|")
    for variant in variants:
        run = read("piaf", variant, "1.2", "0.75")
        first = top10 = same_article = total = 0
        for qid, rels in piaf.items():
            relevant = [doc for doc, rel in rels.items() if rel > 0]
            if not relevant:
                continue
            total += 1
            hits = run.get(qid, [])[:10]
            if hits[:1] == relevant[:1]:
                first += 1
                continue
            top10 += relevant[0] in hits
            same_article += bool(hits) and article(hits[0]) == article(relevant[0])
        below = total - first - top10
        print(f"| {variant} | {first / total:.3f} | {top10 / total:.3f} | {below / total:.3f} "
              f"| {same_article / (total - first):.3f} |")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
