"""The packaged sentence-transformers model run by ONNX Runtime: the same vectors as the
PyTorch model, without importing PyTorch, which costs most of a cold start.

The model package ships PyTorch weights only; they are exported to ONNX once, offline (this
needs PyTorch and the ``onnx`` package, once), into a cache folder, and every later process
loads the exported file. The tokenizer is the model's own ``tokenizer.json``; pooling
(the mean of the token vectors) and normalisation follow the model's sentence-transformers
configuration.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from langchain_core.embeddings import Embeddings

BATCH = 32


def cache_folder() -> Path:
    """Where exported models are kept: the user's cache, shared by every store."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "findings" / "onnx"


def exported_path(model_dir: Path) -> Path:
    """The exported file of the model in ``model_dir``, named by its weights' identity."""
    weights = model_dir / "model.safetensors"
    stat = weights.stat() if weights.exists() else None
    key = f"{model_dir.resolve()}:{stat.st_size if stat else 0}:{stat.st_mtime_ns if stat else 0}"
    return cache_folder() / f"{hashlib.sha256(key.encode()).hexdigest()[:16]}.onnx"


def export(model_dir: Path, target: Path) -> Path:
    """Export the model's transformer to ONNX at ``target`` (atomically: a file named
    ``target`` is always whole)."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()

    class Encoder(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    example = torch.ones((2, 8), dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    with torch.no_grad():
        torch.onnx.export(
            Encoder(model),
            (example, example, torch.zeros_like(example)),
            str(partial),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )
    partial.replace(target)
    return target


class OnnxEmbedder(Embeddings):
    """Mean-pooled, normalised sentence vectors from the exported model."""

    def __init__(self, model_dir: Path, onnx_path: Path):
        import numpy as np
        import onnxruntime
        from tokenizers import Tokenizer

        self._np = np
        config = json.loads((model_dir / "sentence_bert_config.json").read_text())
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=int(config.get("max_seq_length", 256)))
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(
            str(onnx_path), options, providers=["CPUExecutionProvider"]
        )

    def _embed(self, texts: list[str]) -> list[list[float]]:
        np = self._np
        out: list[list[float]] = []
        for start in range(0, len(texts), BATCH):
            encoded = self.tokenizer.encode_batch(texts[start : start + BATCH])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            types = np.array([e.type_ids for e in encoded], dtype=np.int64)
            (hidden,) = self.session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )
            weights = mask[:, :, None].astype(hidden.dtype)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out += (pooled / np.clip(norms, 1e-12, None)).tolist()
        return out

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._embed(list(texts))

    def embed_query(self, text: str) -> list[float]:
        return self._embed([text])[0]


def onnx_embedder(model_dir: Path, export_missing: bool = True) -> OnnxEmbedder | None:
    """The ONNX form of the model in ``model_dir``, exported first if need be; None when ONNX
    Runtime is missing or the export fails (the caller falls back to PyTorch)."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return None
    path = exported_path(model_dir)
    try:
        if not path.exists():
            if not export_missing:
                return None
            export(model_dir, path)
        return OnnxEmbedder(model_dir, path)
    except Exception:  # no exporter, a damaged file: PyTorch still works
        return None
