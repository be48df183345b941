"""File loading: text encodings, PDF pages, and every kind of bad input as a LoadError."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from fpdf import FPDF

from ingest.load import LoadedText, LoadError, find_report_files, load_file

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "reports" / "sefton-yot-2009.txt"
LIMIT = 20 * 1024 * 1024
MB = 1024 * 1024

# fpdf2's core fonts are latin-1 only; the OCR text uses typographic punctuation.
_LATIN1 = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "…": "..."})


def _latin1(text: str) -> str:
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


def make_pdf(pages: list[str], owner_password: str | None = None, user_password: str = "") -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for page in pages:
        pdf.add_page()
        pdf.multi_cell(0, 5, _latin1(page))
    if owner_password is not None:
        pdf.set_encryption(owner_password=owner_password, user_password=user_password)
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def sample_pages() -> list[str]:
    """Three pages of consecutive non-blank lines from the sample report."""
    lines = [ln.strip() for ln in SAMPLE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return ["\n".join(lines[i : i + 8]) for i in (0, 8, 16)]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def reason_of(path: Path, max_bytes: int = LIMIT) -> str:
    with pytest.raises(LoadError) as info:
        load_file(path, max_bytes)
    err = info.value
    assert err.path == path
    assert str(err) == f"{path}: {err.reason}"
    return err.reason


# --- text files -------------------------------------------------------------------------


def test_sample_report_loads_unchanged(sample_text):
    loaded = load_file(SAMPLE, LIMIT)
    assert isinstance(loaded, LoadedText)
    assert loaded.text == sample_text
    assert loaded.page_starts == []
    assert loaded.sha256 == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("utf8.txt", "individual’s – 38%\n".encode(), "individual’s – 38%\n"),
        ("upper.TXT", b"RoSH\n", "RoSH\n"),
        ("notes.md", b"# Findings\n\n- RoH\n", "# Findings\n\n- RoH\n"),
        ("bom-crlf.txt", b"\xef\xbb\xbfline one\r\nline two\r\n", "line one\nline two\n"),
        ("old-mac.txt", b"line one\rline two\r", "line one\nline two\n"),
        (
            "cp1252.txt",
            b"each individual\x92s Risk of Harm \x96 \x93good\x94, \xa3500, caf\xe9\n",
            "each individual’s Risk of Harm – “good”, £500, café\n",
        ),
        ("utf16.txt", "Risk of Harm’s score\r\n".encode("utf-16"), "Risk of Harm’s score\n"),
        ("formfeed.txt", b"page one\n\x0cpage two\n", "page one\n\x0cpage two\n"),
    ],
)
def test_text_decoding(tmp_path, name, data, expected):
    path = write(tmp_path, name, data)
    loaded = load_file(path, LIMIT)
    assert loaded.text == expected
    assert loaded.page_starts == []
    assert loaded.sha256 == hashlib.sha256(data).hexdigest()


def _random_bytes(n: int, *, nul: bool) -> bytes:
    rng = random.Random(2009)
    data = bytes(rng.randrange(256) for _ in range(n))
    return data if nul else data.replace(b"\x00", b"\x01")


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("empty.txt", b"", "file is empty"),
        ("empty.md", b"", "file is empty"),
        ("empty.pdf", b"", "file is empty"),
        ("blank.txt", b"  \r\n\t\n", "file has no text (only whitespace)"),
        ("bom-only.txt", b"\xef\xbb\xbf", "file has no text (only whitespace)"),
        ("random.txt", _random_bytes(4096, nul=True), "not a text file (binary content)"),
        ("no-nul.txt", _random_bytes(4096, nul=False), "not a text file (binary content)"),
        ("one-nul.md", b"Safeguarding\x00 38%\n", "not a text file (binary content)"),
        ("controls.txt", b"ab\x01\x02\x03\x04cdefgh\n", "not a text file (binary content)"),
        ("report.docx", b"PK\x03\x04", "unsupported file type '.docx' (use .txt, .md or .pdf)"),
        ("report.rtf", b"{\\rtf1 x}", "unsupported file type '.rtf' (use .txt, .md or .pdf)"),
        ("README", b"text", "unsupported file type (no extension) (use .txt, .md or .pdf)"),
    ],
)
def test_bad_files(tmp_path, name, data, expected):
    assert reason_of(write(tmp_path, name, data)) == expected


def test_missing_file_and_folder(tmp_path):
    assert reason_of(tmp_path / "nowhere.txt") == "no such file"
    (tmp_path / "reports.txt").mkdir()
    assert reason_of(tmp_path / "reports.txt") == "is a folder, not a file"


# --- size limit ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "max_bytes", "expected"),
    [
        (100, 10, "file is 100 bytes, over the 10 bytes limit"),
        (3 * 1024, 2048, "file is 3 KB, over the 2 KB limit"),
        (int(25.3 * MB), 20 * MB, "file is 25.3 MB, over the 20 MB limit"),
    ],
)
def test_over_size_limit_is_refused_before_reading(
    tmp_path, monkeypatch, size, max_bytes, expected
):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(size)  # sparse: no need to write 25 MB

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened before its size was checked")

    monkeypatch.setattr(Path, "open", no_open)
    assert reason_of(path, max_bytes) == expected


def test_file_exactly_at_limit_loads(tmp_path):
    path = write(tmp_path, "exact.txt", b"0123456789")
    assert load_file(path, 10).text == "0123456789"


# --- PDF ----------------------------------------------------------------------------------


def test_pdf_keeps_page_starts(tmp_path, sample_pages):
    data = make_pdf(sample_pages)
    path = write(tmp_path, "sefton.pdf", data)
    loaded = load_file(path, LIMIT)

    assert loaded.sha256 == hashlib.sha256(data).hexdigest()
    assert len(loaded.page_starts) == 3
    assert loaded.page_starts[0] == 0
    assert loaded.page_starts == sorted(set(loaded.page_starts))
    bounds = [*loaded.page_starts, len(loaded.text) + 1]
    for number, page in enumerate(sample_pages):
        first_line = _latin1(page.splitlines()[0])
        last_line = _latin1(page.splitlines()[-1])
        segment = loaded.text[bounds[number] : bounds[number + 1]]
        assert segment.startswith(first_line), (number, segment[:80])
        assert last_line in segment
        others = [p for i, p in enumerate(sample_pages) if i != number]
        assert not any(_latin1(o.splitlines()[0]) in segment for o in others)


def test_pdf_page_starts_in_uppercase_suffix(tmp_path):
    path = write(tmp_path, "REPORT.PDF", make_pdf(["Alpha page", "Beta page"]))
    loaded = load_file(path, LIMIT)
    assert loaded.text[loaded.page_starts[1] :].startswith("Beta page")
    assert loaded.text[: loaded.page_starts[1]].strip() == "Alpha page"


def test_pdf_with_owner_password_only_opens(tmp_path):
    # Restricting permissions (no user password) is common in official PDFs: it must load.
    path = write(tmp_path, "restricted.pdf", make_pdf(["Risk of Harm 36%"], owner_password="own"))
    assert "Risk of Harm 36%" in load_file(path, LIMIT).text


def test_encrypted_pdf_is_refused(tmp_path):
    data = make_pdf(["Risk of Harm 36%"], owner_password="own", user_password="secret")
    assert reason_of(write(tmp_path, "locked.pdf", data)) == "PDF is encrypted"


def _valid_pdf() -> bytes:
    return make_pdf(["First page", "Second page"])


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_valid_pdf()[: len(_valid_pdf()) // 2], id="truncated-half"),
        pytest.param(_valid_pdf()[:40], id="truncated-header"),
        pytest.param(b"%PDF-1.4\n", id="header-only"),
        pytest.param(b"this is not a pdf at all\n", id="text-named-pdf"),
        pytest.param(_random_bytes(2048, nul=True), id="random-bytes"),
    ],
)
def test_broken_pdf_is_refused(tmp_path, data):
    reason = reason_of(write(tmp_path, "broken.pdf", data))
    assert reason.startswith("PDF is damaged or unreadable: ")
    assert len(reason) < 160 and "\n" not in reason


def test_pdf_without_text_layer_is_refused(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 140)  # a drawing only, as a scanned page has an image only
    path = write(tmp_path, "scan.pdf", bytes(pdf.output()))
    assert reason_of(path) == "PDF has no text layer (scanned image?)"


# --- finding files ------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path) -> Path:
    root = tmp_path / "reports"
    for name in (
        "b.md",
        "a.txt",
        "sub/c.pdf",
        "sub/deeper/d.TXT",
        ".hidden.txt",
        ".git/e.txt",
        "sub/.cache/f.md",
        "notes.docx",
        "sub/image.png",
    ):
        write(root, name, b"text")
    return root


def test_folder_recursion_is_sorted_and_skips_hidden_and_other_types(tree):
    found, errors = find_report_files([tree])
    assert errors == []
    assert [p.relative_to(tree).as_posix() for p in found] == [
        "a.txt",
        "b.md",
        "sub/c.pdf",
        "sub/deeper/d.TXT",
    ]


def test_explicit_files_kept_missing_become_errors_and_duplicates_dropped(tree, tmp_path):
    missing = tmp_path / "gone.pdf"
    explicit = [tree / "notes.docx", tree / ".hidden.txt"]
    found, errors = find_report_files([*explicit, missing, tree, tree / "a.txt"])

    assert found[:2] == explicit  # kept as given: load_file judges their type
    assert found[2:] == [
        tree / "a.txt",
        tree / "b.md",
        tree / "sub/c.pdf",
        tree / "sub/deeper/d.TXT",
    ]
    assert [(e.path, e.reason) for e in errors] == [(missing, "no such file")]
    assert reason_of(tree / "notes.docx").startswith("unsupported file type '.docx'")
    assert load_file(tree / ".hidden.txt", LIMIT).text == "text"


def test_empty_input_and_empty_folder(tmp_path):
    assert find_report_files([]) == ([], [])
    (tmp_path / "empty").mkdir()
    assert find_report_files([tmp_path / "empty"]) == ([], [])
