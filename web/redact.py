"""Nothing the web app returns names a place on the server: paths become their file names."""

from __future__ import annotations

import re
from pathlib import PurePath

# An absolute POSIX or Windows path: /a/b/c.txt, C:\a\b.pdf (up to a quote, space or bracket).
_PATH = re.compile(r"(?:[A-Za-z]:\\|/)(?:[^\s'\"<>()\[\]]+[/\\])+([^\s'\"<>()\[\]/\\]*)")


def file_name(path: str | None) -> str | None:
    """``/srv/reports/sefton.txt`` -> ``sefton.txt``."""
    return PurePath(path.replace("\\", "/")).name if path else path


def without_paths(text: str | None) -> str | None:
    """``text`` with every absolute path replaced by its last part."""
    return _PATH.sub(lambda m: m.group(1) or "…", text) if text else text
