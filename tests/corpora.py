"""Sets of fictional report files the tests load together."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# three Core Case reports (percentages only), three ratings reports and a 2012-2017
# inspection (areas of work judged with words): several reports of every scoring kind
MIXED_SEVEN = [
    DATA / "wessex-vale-yot-2011.txt",
    DATA / "variants" / "stockbridge-on-wear-yot-2011.txt",
    DATA / "variants" / "vale-of-ashdown-yot-2010.txt",
    DATA / "formats" / "ratings-harrowfield-2021.txt",
    DATA / "formats" / "ratings-markdown-penmarrow-2024.txt",
    DATA / "formats" / "ratings-missing-standard-lowmoor-2021.txt",
    DATA / "formats" / "inspection-2012-eastmere-2014.txt",
]
