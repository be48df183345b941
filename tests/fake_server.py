"""`python -m tests.fake_server STORE PORT [TOKEN]`: the real web app in its own process, on
a cheap embedder (the model would make hostile-file tests minutes long). Like the model,
whose work runs outside the GIL, it costs the server's other threads nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import uvicorn
from langchain_core.embeddings import Embeddings

from assistant.core import Findings
from assistant.settings import Settings
from web.app import create_app


class QuickEmbedder(Embeddings):
    """One hash per text: a vector that depends on the text, at almost no cost."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed_query(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        h = hash(text)
        return [1.0 + ((h >> k) & 1) for k in range(16)]


if __name__ == "__main__":
    store, port = Path(sys.argv[1]), int(sys.argv[2])
    token = sys.argv[3] if len(sys.argv) > 3 else None
    core = Findings(
        Settings(store=store, auto_ingest_sample=False, api_token=token), embedder=QuickEmbedder()
    )
    uvicorn.run(create_app(core), host="127.0.0.1", port=port, log_level="warning")
