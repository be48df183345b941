"""The embedding model under ONNX Runtime gives the vectors sentence-transformers gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.embeddings import _load, model_path
from assistant.onnx_embedder import exported_path, onnx_embedder

TEXTS = [
    "What does RoSH mean?",
    "Safeguarding work was done well enough in 38% of cases.",
    "Risk of Serious Harm",
    "x",
]


@pytest.fixture(scope="module")
def onnx():
    embedder = onnx_embedder(Path(model_path()))
    if embedder is None:
        pytest.skip("ONNX Runtime or the exporter is not installed")
    return embedder


def _cosine(a, b) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_onnx_vectors_equal_the_pytorch_ones(onnx):
    torch_model = _load(model_path())
    expected = torch_model.embed_documents(TEXTS)
    got = onnx.embed_documents(TEXTS)
    assert len(got) == len(expected) and len(got[0]) == len(expected[0])
    for a, b in zip(got, expected, strict=True):
        assert _cosine(a, b) == pytest.approx(1.0, abs=1e-5)
    assert _cosine(onnx.embed_query(TEXTS[0]), expected[0]) == pytest.approx(1.0, abs=1e-5)


def test_vectors_are_normalised_and_tell_texts_apart(onnx):
    a, b, c = onnx.embed_documents(
        [
            "The inspectors found the safeguarding work poor.",
            "Safeguarding was judged inadequate by the inspection.",
            "A recipe for pancakes with lemon.",
        ]
    )
    assert _cosine(a, a) == pytest.approx(1.0, abs=1e-6)
    assert _cosine(a, b) > _cosine(a, c) + 0.2


def test_the_export_is_kept_once_per_model(onnx):
    path = exported_path(Path(model_path()))
    assert path.exists() and path.suffix == ".onnx"
    assert onnx_embedder(Path(model_path()), export_missing=False) is not None
