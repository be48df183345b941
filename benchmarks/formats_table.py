"""Per-format counts and accuracies: for every format and variant in
tests/data/formats_questions.yaml, and for the PDF round trip of each, what was read
(measures, ratings, points, key questions, findings, recommendations and how many name an
owner, facts, glossary entries) and how many of its questions and claims came out right.

    python benchmarks/formats_table.py            # the packaged embedding model
    python benchmarks/formats_table.py --hash     # a hashing embedder (fast, no model)
    python benchmarks/formats_table.py --no-pdf   # the text files only

Needs fpdf2 (a test dependency) for the PDF round trip.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.format_eval import (  # noqa: E402
    FormatResult,
    evaluate_case,
    load_cases,
    table_rows,
)

# fpdf's core fonts are Latin-1: typographic quotes and dashes are written plainly
_LATIN1 = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "•": "-"})


def to_pdf(path: Path, out: Path) -> Path:
    """The text file as a PDF: a page per form feed, or where a line starts with a space
    (where the extracted text had a page break)."""
    from fpdf import FPDF

    text = path.read_text(encoding="utf-8")
    pages = text.split("\f") if "\f" in text else re.split(r"\n(?= \S)", text)
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for page in pages:
        pdf.add_page()
        latin = page.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(0, 5, latin.strip("\n"))
    target = out / f"{path.stem}.pdf"
    target.write_bytes(bytes(pdf.output()))
    return target


def _maker(use_hash: bool):
    from assistant.core import Findings
    from assistant.settings import Settings

    embedder = None
    if use_hash:
        sys.path.insert(0, str(ROOT / "tests"))
        from answer_fakes import HashEmbedder

        embedder = HashEmbedder()
    shared = {}

    def make(store: Path, files: list[Path]):
        settings = Settings(store=store, chroma_url=None, auto_ingest_sample=False)
        findings = Findings(settings, embedder=embedder or shared.get("model"))
        results = findings.ingest(files)
        if not all(r.ok for r in results):
            raise SystemExit(f"could not ingest {files}: {[r.error for r in results]}")
        if embedder is None:
            shared.setdefault("model", findings.embedder)
        return findings

    return make


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hash", action="store_true", help="a hashing embedder, not the model")
    parser.add_argument("--no-pdf", action="store_true", help="the text files only")
    parser.add_argument("--misses", action="store_true", help="list what was answered wrong")
    args = parser.parse_args(argv)
    make = _maker(args.hash)
    results: list[FormatResult] = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in load_cases():
            results.append(evaluate_case(case, make))
            if not args.no_pdf:
                pdf = evaluate_case(case, make, to_pdf(case.file, Path(tmp)))
                pdf.name = f"{case.name} (PDF)"
                results.append(pdf)
    rows = table_rows(results)
    right = sum(r.right for r in results)
    total = sum(r.total for r in results)
    held = f"{sum(r.held_right for r in results)}/{sum(r.held_total for r in results)}"
    rows.append(["all", "", *[""] * (len(rows[0]) - 4), f"{right}/{total}", held])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        if n == 0:
            print("-|-".join("-" * w for w in widths))
    if args.misses:
        for r in results:
            for miss in r.misses:
                print(f"{r.name}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
