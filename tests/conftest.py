"""Shared fixtures: the real sample report, the fictional second report, no network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from browser_fixtures import browser, page  # noqa: F401 (fixtures for the browser tests)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "reports" / "sefton-yot-2009.txt"
FICTIONAL = ROOT / "tests" / "data" / "wessex-vale-yot-2011.txt"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Refuse every outbound connection except loopback: nothing may reach the internet."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and (
            host in ("localhost", "::1") or host.startswith("127.") or self.family == socket.AF_UNIX
        ):
            return real_connect(self, address)
        raise OSError(f"network access blocked in tests: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(
        socket.socket,
        "connect_ex",
        lambda self, address: guarded(self, address) or 0,
    )


@pytest.fixture(autouse=True)
def _isolated_store(tmp_path, monkeypatch):
    """Every test gets its own FINDINGS_STORE, and settings are rebuilt from it."""
    monkeypatch.setenv("FINDINGS_STORE", str(tmp_path / "store"))
    monkeypatch.delenv("FINDINGS_CHROMA_URL", raising=False)
    monkeypatch.delenv("FINDINGS_DATABASE_URL", raising=False)
    monkeypatch.delenv("FINDINGS_LLM", raising=False)
    from assistant.settings import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fictional_text() -> str:
    return FICTIONAL.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_report(sample_text):
    from ingest.parse import parse_report

    return parse_report(sample_text, source_path=str(SAMPLE))


@pytest.fixture(scope="session")
def fictional_report(fictional_text):
    from ingest.parse import parse_report

    return parse_report(fictional_text, source_path=str(FICTIONAL))


@pytest.fixture(autouse=True, scope="module")
def _release_chroma():
    """Stop the embedded Chroma systems a test module opened once its fixtures are gone.

    Chroma keeps each store's system (its SQLite file and index files open) for the life of
    the process; over the whole suite that passes a thousand open files, and a file number
    above 1023 breaks every later call to select(). The stores shared by every web test
    module (webapp_fixtures) are kept."""
    yield
    import sys

    if "chromadb" not in sys.modules:
        return
    from chromadb.api.shared_system_client import SharedSystemClient
    from webapp_fixtures import shared_chroma_paths

    keep = shared_chroma_paths()
    for ident in list(SharedSystemClient._identifier_to_system):
        if ident in keep:
            continue
        system = SharedSystemClient._identifier_to_system.pop(ident, None)
        SharedSystemClient._identifier_to_refcount.pop(ident, None)
        if system is not None:
            system.stop()
