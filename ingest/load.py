"""Read report files (.txt, .md, .pdf) into text, keeping PDF page boundaries.

Every problem with an input file becomes a ``LoadError`` carrying a short human reason, so
callers can report bad files and carry on with the good ones.
"""

from __future__ import annotations

import hashlib
import io
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf")

# Above this share of control characters a "text" file is taken to be binary. Real text,
# even poor OCR, has almost none; random bytes decoded as latin-1 have about a quarter.
_MAX_CONTROL_SHARE = 0.05
# Control characters that are ordinary in text (form feed separates pages in OCR output).
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_MB = 1024 * 1024


@dataclass
class LoadedText:
    """A file's text; ``page_starts`` are the offsets in ``text`` where each PDF page begins."""

    path: Path
    text: str
    page_starts: list[int]  # empty for .txt and .md
    sha256: str  # of the file's bytes


class LoadError(Exception):
    """A file that cannot be ingested, with a reason fit to show a user."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class PdfLimits:
    """Bounds on what a PDF may expand to: a small file can hold a decompression bomb, or
    one huge content stream that every page reuses."""

    pages: int = 500
    chars: int = 5_000_000  # extracted characters, all pages together


def load_file(path: Path, max_bytes: int, pdf_limits: PdfLimits | None = None) -> LoadedText:
    """Read one report file; raise ``LoadError`` for anything that is not usable report text."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise LoadError(path, "no such file")
    if path.is_dir():
        raise LoadError(path, "is a folder, not a file")
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "(no extension)"
        raise LoadError(path, f"unsupported file type {shown} (use .txt, .md or .pdf)")
    data = _read_bytes(path, max_bytes)
    if not data:
        raise LoadError(path, "file is empty")
    digest = hashlib.sha256(data).hexdigest()
    if suffix == ".pdf":
        text, page_starts = _pdf_text(path, data, pdf_limits or PdfLimits())
    else:
        text, page_starts = _plain_text(path, data), []
    return LoadedText(path=path, text=text, page_starts=page_starts, sha256=digest)


def find_report_files(paths: list[Path]) -> tuple[list[Path], list[LoadError]]:
    """Expand folders into the report files under them; explicit files are kept as given."""
    found: list[Path] = []
    errors: list[LoadError] = []
    seen: set[Path] = set()

    def add(candidate: Path) -> None:
        key = candidate.resolve()
        if key not in seen:
            seen.add(key)
            found.append(candidate)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in _walk_reports(path, errors):
                add(candidate)
        elif path.exists():
            add(path)
        else:
            errors.append(LoadError(path, "no such file"))
    return found, errors


def _walk_reports(root: Path, errors: list[LoadError]) -> list[Path]:
    files: list[Path] = []

    def on_error(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        errors.append(LoadError(where, f"cannot read folder ({exc.strerror or exc})"))

    # os.walk does not follow symlinked folders, so a link loop cannot recurse forever.
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                candidate = Path(dirpath) / name
                if candidate.is_file():
                    files.append(candidate)
    return sorted(files)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(path, _too_big(size, max_bytes))
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise LoadError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise LoadError(path, _too_big(len(data), max_bytes))
    return data


def _too_big(size: int, max_bytes: int) -> str:
    return f"file is {_human_size(size)}, over the {_human_size(max_bytes)} limit"


def _human_size(n: int) -> str:
    for unit, scale in (("MB", _MB), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def _plain_text(path: Path, data: bytes) -> str:
    text = _decode(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LoadError(path, "file has no text (only whitespace)")
    return text


def _decode(path: Path, data: bytes) -> str:
    # Windows "Unicode" files are UTF-16 with a BOM; their NUL bytes are not binary content.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LoadError(path, "not a text file (invalid UTF-16)") from exc
    elif b"\x00" in data:
        raise LoadError(path, "not a text file (binary content)")
    else:
        text = _decode_8bit(data)
    text = text.removeprefix("\ufeff")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise LoadError(path, "not a text file (binary content)")
    return text


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Legacy OCR output is often Windows-1252 (curly quotes as 0x91-0x94).
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # latin-1 never fails; bytes cp1252 leaves undefined become C1 controls, which
        # the control-share check then counts against the file.
        return data.decode("latin-1")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(
        1 for ch in text if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return controls / len(text)


def _pdf_text(path: Path, data: bytes, limits: PdfLimits) -> tuple[str, list[int]]:
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, LimitReachedError

    # pypdf raises many exception types on malformed input (not only PdfReadError), and a
    # bad upload must never surface as a traceback, hence the broad catches below.
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise LoadError(path, "PDF is encrypted")
        count = len(reader.pages)
        if count > limits.pages:
            raise LoadError(
                path, f"too large: PDF has {count} pages, over the {limits.pages} limit"
            )
        pages: list[str] = []
        total = 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            total += len(pages[-1])
            if total > limits.chars:
                raise LoadError(
                    path, f"too large: PDF text is over the {limits.chars:,} character limit"
                )
    except LoadError:
        raise
    except LimitReachedError as exc:
        raise LoadError(
            path, "too large: a PDF stream expands past the decompression limit"
        ) from exc
    except DependencyError as exc:
        raise LoadError(
            path, "PDF is encrypted with AES; reading it needs the 'cryptography' package"
        ) from exc
    except Exception as exc:
        raise LoadError(path, f"PDF is damaged or unreadable: {_short(exc)}") from exc
    if not pages:
        raise LoadError(path, "PDF has no pages")
    pages = [p.replace("\r\n", "\n").replace("\r", "\n") for p in pages]
    if not any(p.strip() for p in pages):
        raise LoadError(path, "PDF has no text layer (scanned image?)")
    page_starts: list[int] = []
    offset = 0
    for page in pages:
        page_starts.append(offset)
        offset += len(page) + 1  # the "\n" that joins pages
    return "\n".join(pages), page_starts


def _short(exc: Exception, limit: int = 120) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if len(message) <= limit else message[: limit - 1] + "…"
