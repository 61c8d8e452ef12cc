#!/usr/bin/env python3
"""newsearch's HTML extraction beside the Rust extractors made for it, on the same pages, in one run.

    python3 benches/extractors/compare.py [--bin target/release/newsearch] [--orangesum N]

Extractors: rs-trafilatura, trafilatura (trafilatura-rs) and dom_smoothie (Readability), built
from benches/extractors (its own Cargo project, release), and newsearch's `extract --json`.
Pages: the dev pages of ../shared/eval/extraction (scored by its score.py: title, date, 'with'
strings kept, 'without' strings leaked, author) and orangesum's raw HTML article pages with
their manifest (title, date and author equal to the manifest's after the same normalisation;
body: the share of the manifest's paragraphs found in the body). Speed: each extractor's
median time per page in-process; newsearch's is the `extract` process per page, start-up
included, so it is an upper bound.
"""
import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval" / "extraction"))
import score as scorer  # noqa: E402  the dev pages' own scorer


def build_extractors():
    manifest = str(ROOT / "benches" / "extractors" / "Cargo.toml")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path", manifest],
                   check=True)
    metadata = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps",
                               "--manifest-path", manifest],
                              check=True, capture_output=True, text=True).stdout
    return Path(json.loads(metadata)["target_directory"]) / "release" / "extractors"


def run_extractors(binary, files):
    """{extractor: {file: fields}} and {extractor: [micros]}."""
    fields, micros = {}, {}
    out = subprocess.run([str(binary), *map(str, files)], check=True, capture_output=True,
                         text=True).stdout
    for line in out.split("\n"):  # not splitlines: U+2028 may stand inside a JSON string
        if not line:
            continue
        row = json.loads(line)
        name = row["extractor"]
        fields.setdefault(name, {})[row["file"]] = row
        micros.setdefault(name, []).append(row["micros"])
    return fields, micros


def run_newsearch(binary, files):
    """newsearch extract --json, one process per page: {file: fields}, [micros]."""
    fields, micros = {}, []
    for path in files:
        started = time.perf_counter()
        out = subprocess.run([binary, "--color", "never", "extract", "--json", str(path)],
                             capture_output=True, text=True).stdout
        micros.append((time.perf_counter() - started) * 1e6)
        articles = json.loads(out)["files"][0]["articles"] if out.strip() else []
        fields[str(path)] = articles[0] if articles else {"error": "no article"}
    return fields, micros


def as_result(page_id, row):
    if row is None or row.get("error") or not (row.get("body") or row.get("title")):
        return {"id": page_id, "status": "skipped"}
    return {"id": page_id, "status": "found", "title": row.get("title"), "date": row.get("date"),
            "author": row.get("author"), "body": row.get("body") or ""}


def dev_pages(extractors_bin, newsearch_bin):
    rows = scorer.load("dev")
    files = [scorer.input_file(row, "html") for row in rows]
    fields, micros = run_extractors(extractors_bin, files)
    fields["newsearch"], micros["newsearch"] = run_newsearch(newsearch_bin, files)
    print(f"dev pages ({len(rows)}, ../shared/eval/extraction, html)")
    print("| extractor | pages read | title | date | with | leak | author | median ms/page |")
    print("|---|---|---|---|---|---|---|---|")
    for name in ["newsearch", "rs-trafilatura", "trafilatura-rs", "dom_smoothie"]:
        results = {row["id"]: as_result(row["id"], fields[name].get(str(path)))
                   for row, path in zip(rows, files)}
        s = scorer.score(rows, results, "html")
        rate = lambda hit, n: f"{hit / n:.3f}" if n else "n/a"  # noqa: E731
        print(f"| {name} | {s['found']}/{s['pages']} | {rate(s['title'], s['title_n'])} "
              f"| {rate(s['date'], s['date_n'])} | {rate(s['with_hit'], s['with_n'])} "
              f"| {rate(s['leak'], s['without_n'])} | {rate(s['author'], s['author_n'])} "
              f"| {statistics.median(micros[name]) / 1000:.1f} |")


def orangesum_pages(extractors_bin, newsearch_bin, how_many):
    raw = SHARED / "data" / "orangesum" / "raw"
    manifest = [json.loads(line) for line in open(raw / "html_manifest.jsonl", encoding="utf-8")]
    pages = [page for page in manifest if page["expected"]][:how_many]
    with tempfile.TemporaryDirectory(prefix="extractors-") as tmp:
        files = []
        for page in pages:
            path = Path(tmp) / f"{page['id']}.html"
            path.write_bytes(gzip.decompress((raw / page["file"]).read_bytes()))
            files.append(path)
        fields, micros = run_extractors(extractors_bin, files)
        fields["newsearch"], micros["newsearch"] = run_newsearch(newsearch_bin, files)
    same = lambda a, b: bool(a) and scorer.squash(a) == scorer.squash(b)  # noqa: E731
    print(f"\norangesum raw HTML article pages ({len(pages)}, against html_manifest.jsonl)")
    print("| extractor | pages read | title | date | author | body paragraphs | median ms/page |")
    print("|---|---|---|---|---|---|---|")
    for name in ["newsearch", "rs-trafilatura", "trafilatura-rs", "dom_smoothie"]:
        title = date = author = read = 0
        found = total = 0
        for page, path in zip(pages, files):
            row, expected = fields[name].get(str(path)) or {}, page["expected"]
            read += bool(row.get("body"))
            title += same(row.get("title"), expected["title"])
            date += (row.get("date") or "")[:10] == expected["date"]
            author += bool(expected.get("author")) and bool(row.get("author")) and \
                scorer.author_words(expected["author"]) <= scorer.author_words(row.get("author"))
            body = scorer.squash(row.get("body"))
            paragraphs = [p for p in expected["body"].split("\n") if p.strip()]
            total += len(paragraphs)
            found += sum(scorer.squash(p) in body for p in paragraphs)
        authored = sum(bool(page["expected"].get("author")) for page in pages)
        n = len(pages)
        print(f"| {name} | {read}/{n} | {title / n:.3f} | {date / n:.3f} | {author / authored:.3f} "
              f"| {found / total:.3f} | {statistics.median(micros[name]) / 1000:.1f} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=str(ROOT / "target" / "release" / "newsearch"))
    parser.add_argument("--orangesum", type=int, default=240, help="how many article pages")
    args = parser.parse_args()
    extractors = build_extractors()
    dev_pages(extractors, args.bin)
    orangesum_pages(extractors, args.bin, args.orangesum)


if __name__ == "__main__":
    main()
