"""An adversarial corpus of report files, generated: inputs that must each end in a clean
ingest or a one-line reason, in bounded time, without stalling anything else.

All report text is fictional (the test reports in tests/data, mutated)."""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from tests.test_load import make_pdf

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "data" / "wessex-vale-yot-2011.txt"
VARIANTS = sorted((ROOT / "tests" / "data" / "variants").glob("*.txt"))
LINE = 200_000  # "one huge line": 200 KB
INJECTION = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def base_text() -> str:
    return BASE.read_text(encoding="utf-8")


def _head() -> str:
    """A whole report before the flood, so the flood reaches the parts that read it (a
    report's start alone is refused before any glossary or list is parsed)."""
    return base_text() + "\n\n"


def _glossary(body: str) -> str:
    return _head() + "\nAppendix 3: Glossary\n\n" + body + "\n"


# --- PDFs built by hand: the malformed ones no PDF library would write --------------------


def _stream(data: bytes, compress: bool = True) -> bytes:
    packed = zlib.compress(data, 9) if compress else data
    flt = " /Filter /FlateDecode" if compress else ""
    return f"<< /Length {len(packed)}{flt} >>\nstream\n".encode() + packed + b"\nendstream"


def _pdf(content: bytes, pages: int) -> bytes:
    """A PDF whose ``pages`` pages all draw the one content stream object ``content``."""
    page_ids = [5 + k for k in range(pages)]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        (
            "<< /Type /Pages /Kids ["
            + " ".join(f"{i} 0 R" for i in page_ids)
            + f"] /Count {pages} >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        content,
    ] + [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    ] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _text_ops(lines: int, width: int = 90) -> bytes:
    row = b"(" + b"Lorem ipsum dolor sit amet " * (width // 27) + b") Tj T* "
    return b"BT /F1 10 Tf 12 TL 40 750 Td " + row * lines + b"ET"


def pdf_bomb() -> bytes:
    """A FlateDecode stream that inflates 400 KB into 400 MB."""
    squeeze = zlib.compressobj(9)
    packed = squeeze.compress(b"BT /F1 10 Tf 40 750 Td (") + b"".join(
        squeeze.compress(b" " * (1 << 20)) for _ in range(400)
    )
    packed += squeeze.compress(b") Tj ET") + squeeze.flush()
    stream = f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
    return _pdf(stream + packed + b"\nendstream", 1)


def pdf_shared_stream() -> bytes:
    """400 pages that all reuse one content stream of 12,000 lines of text."""
    return _pdf(_stream(_text_ops(12_000)), 400)


def pdf_many_pages() -> bytes:
    return _pdf(_stream(b"BT /F1 10 Tf 40 750 Td (page) Tj ET"), 2000)


def zip_as_pdf() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("report.txt", base_text())
    return buf.getvalue()


def pdf_of_report() -> bytes:
    text = base_text()
    return make_pdf([text[i : i + 3000] for i in range(0, len(text), 3000)])


# --- text ------------------------------------------------------------------------------

_UNITS = [
    ".",
    "…",
    ". ",
    "a ",
    "A",
    "(",
    "(1) ",
    "% ",
    "42% ",
    "1.1 ",
    "- ",
    "• ",
    " / ",
    "“",
    "Score: ",
    "youth offending work in ",
    "Appendix 1 ",
    "x/ y",
]


def _huge_lines() -> dict[str, Callable[[], bytes]]:
    out: dict[str, Callable[[], bytes]] = {}
    for k, unit in enumerate(_UNITS):
        line = (unit * (LINE // len(unit) + 1))[:LINE]
        out[f"line-{k:02d}.txt"] = lambda line=line: (line + "\n").encode()
        out[f"line-in-glossary-{k:02d}.txt"] = lambda line=line: _glossary(line).encode()
    return out


def _floods() -> dict[str, Callable[[], str]]:
    return {
        "dots-lines.txt": lambda: "\n".join("." * 80 for _ in range(20_000)),
        "ellipsis-lines.txt": lambda: "\n".join("…" * 80 for _ in range(20_000)),
        "contents-flood.txt": lambda: (
            _head() + "\n".join(f"Section {i} {'.' * 40} {i % 999}" for i in range(20_000))
        ),
        "glossary-terms-defs.txt": lambda: _glossary(
            "\n".join(f"Term{i}" for i in range(5000))
            + "\n\n"
            + "\n".join(f"Definition number {i} of a thing." for i in range(5000))
        ),
        "glossary-terms-long-defs.txt": lambda: _glossary(
            "\n".join(f"Term{i}" for i in range(5000))
            + "\n\n"
            + "\n".join(f"Definition number {i} of a\nthing that runs on." for i in range(5000))
        ),
        "glossary-acronyms.txt": lambda: _glossary(
            "\n".join(f"ABC{i}" for i in range(5000))
            + "\n\n"
            + "\n".join(f"Always Be Careful {i}" for i in range(7000))
        ),
        "glossary-entries-20k.txt": lambda: _glossary(
            "\n".join(f"RoSH{i} Risk of Serious Harm number {i}" for i in range(20_000))
        ),
        "glossary-quotes.txt": lambda: _glossary("\n".join(f"“Term {i}" for i in range(20_000))),
        "glossary-bare-terms.txt": lambda: _glossary("\n".join(f"Term{i}" for i in range(20_000))),
        "blank-lines.txt": lambda: _head() + "\n" * 500_000 + "end",
        "criteria-flood.txt": lambda: (
            _head()
            + "\n".join(
                f"1.{i % 99} Risk of harm {i}:\nScore 42% SUBSTANTIAL improvement required\n"
                "Strengths\n(1) Good"
                for i in range(5000)
            )
        ),
        "scores-flood.txt": lambda: _head() + "42% DRASTIC improvement required\n" * 20_000,
        "numbers-flood.txt": lambda: _head() + " ".join(f"{i}%" for i in range(60_000)),
        "one-long-word.txt": lambda: "Report" + "x" * 1_000_000,
    }


def _nesting() -> dict[str, Callable[[], str]]:
    return {
        "nested-parens.txt": lambda: _head() + "(" * 100_000 + ")" * 100_000,
        "nested-brackets.txt": lambda: _head() + "[" * 50_000 + "]" * 50_000,
        "nested-quotes-md.md": lambda: _head() + "\n".join("> " * k + "quote" for k in range(2000)),
        "nested-headings.md": lambda: "\n".join(
            "#" * (k % 7 + 1) + " Heading" for k in range(50_000)
        ),
        "nested-bullets.md": lambda: _head() + "\n".join("  " * k + "- item" for k in range(3000)),
        "nested-html.txt": lambda: _head() + "<div>" * 50_000 + "</div>" * 50_000,
    }


def _encodings() -> dict[str, Callable[[], bytes]]:
    text = base_text()
    return {
        "utf16-bom.txt": lambda: text.encode("utf-16"),
        "utf16-no-bom.txt": lambda: text.encode("utf-16-le"),
        "utf8-bom.txt": lambda: b"\xef\xbb\xbf" + text.encode(),
        "cp1252.txt": lambda: text.encode("cp1252", "replace"),
        "latin1.txt": lambda: text.encode("latin-1", "replace"),
        "mixed-utf8-cp1252.txt": lambda: (
            text[: len(text) // 2].encode() + text[len(text) // 2 :].encode("cp1252", "replace")
        ),
        "invalid-utf8.txt": lambda: text.encode().replace(b"e", b"\xc3", 50),
        "utf32.txt": lambda: text.encode("utf-32"),
    }


def _controls() -> dict[str, Callable[[], bytes]]:
    text = base_text()
    return {
        "nul-bytes.txt": lambda: text.encode().replace(b" ", b"\x00", 20),
        "bell-sprinkled.txt": lambda: text.replace(". ", ".\x07 ").encode(),
        "controls-heavy.txt": lambda: "".join(c + "\x01\x02" for c in text).encode(),
        "ansi-escapes.txt": lambda: text.replace("\n", "\x1b[31m\n\x1b[0m").encode(),
        "bidi-overrides.txt": lambda: text.replace(" ", " \u202e", 200).encode(),
        "zero-width.txt": lambda: text.replace("e", "e\u200b").encode(),
        "form-feeds.txt": lambda: text.replace("\n\n", "\n\f\n").encode(),
        "cr-only.txt": lambda: text.replace("\n", "\r").encode(),
        "crlf.txt": lambda: text.replace("\n", "\r\n").encode(),
        "lone-surrogate-escapes.txt": lambda: text.encode() + b"\xed\xa0\x80",
    }


def _injected() -> dict[str, Callable[[], str]]:
    def everywhere() -> str:
        # every word that starts a line: headings, area, labels, items, glossary terms
        lines = base_text().splitlines()
        return "\n".join(f"{ln} {INJECTION}" if ln.strip() else ln for ln in lines)

    return {
        "script-everywhere.txt": everywhere,
        "script-everywhere.md": everywhere,
        "script-in-area.txt": lambda: base_text().replace("Wessex Vale", f"Wessex{INJECTION}Vale"),
        "script-in-numbers.txt": lambda: base_text().replace("%", f"%{INJECTION}"),
    }


def _misc() -> dict[str, Callable[[], bytes]]:
    return {
        "empty.txt": lambda: b"",
        "whitespace.txt": lambda: b" \n\t\n" * 1000,
        "one-char.txt": lambda: b"x",
        "random-binary.txt": lambda: random.Random(1).randbytes(50_000),
        "random-binary.pdf": lambda: random.Random(2).randbytes(50_000),
        "truncated.pdf": lambda: pdf_of_report()[:3000],
        "header-only.pdf": lambda: b"%PDF-1.7\n",
        "zip-renamed.pdf": zip_as_pdf,
        "pdf-bomb.pdf": pdf_bomb,
        "pdf-shared-stream.pdf": pdf_shared_stream,
        "pdf-2000-pages.pdf": pdf_many_pages,
        "pdf-no-text.pdf": lambda: _pdf(_stream(b"0 0 m 100 100 l S"), 2),
        "report.pdf": pdf_of_report,
        "unsupported.docx": lambda: zip_as_pdf(),
        "no-extension": lambda: base_text().encode(),
        "over-size-limit.txt": lambda: b"a" * (21 * 1024 * 1024),
    }


def _mutants(count: int = 20) -> dict[str, Callable[[], bytes]]:
    """Seeded byte-level damage to a real-looking report: cut, duplicated, shuffled."""

    def mutant(seed: int) -> bytes:
        rng = random.Random(seed)
        data = bytearray(base_text().encode())
        for _ in range(rng.randint(1, 40)):
            at = rng.randrange(len(data))
            op = rng.randrange(4)
            if op == 0:
                del data[at : at + rng.randint(1, 2000)]
            elif op == 1:
                data[at:at] = data[at : at + rng.randint(1, 5000)] * rng.randint(1, 20)
            elif op == 2:
                data[at] = rng.randrange(256)
            else:
                lines = bytes(data).split(b"\n")
                rng.shuffle(lines)
                data = bytearray(b"\n".join(lines))
        return bytes(data)

    return {f"mutant-{s:02d}.txt": (lambda s=s: mutant(s)) for s in range(count)}


def _valid() -> dict[str, Callable[[], bytes]]:
    return {f"valid-{p.name}": (lambda p=p: p.read_bytes()) for p in [BASE, *VARIANTS]}


def corpus() -> dict[str, Callable[[], bytes | str]]:
    """File name -> maker of its content (made on demand: some are large)."""
    out: dict[str, Callable[[], bytes | str]] = {}
    for part in (
        _huge_lines(),
        _floods(),
        _nesting(),
        _encodings(),
        _controls(),
        _injected(),
        _misc(),
        _mutants(),
        _valid(),
    ):
        out.update(part)
    return out


def write(folder: Path, name: str) -> Path:
    data = corpus()[name]()
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path
