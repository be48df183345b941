"""Where a server may listen: loopback is private to this machine, anything else is not."""

from __future__ import annotations

import ipaddress


def is_loopback(host: str) -> bool:
    """``localhost``, ``127.x.x.x`` or ``::1`` (brackets and a port allowed)."""
    name = host.strip().lower()
    if name.startswith("["):  # [::1]:8000
        name = name[1:].split("]", 1)[0]
    elif name.count(":") == 1:  # 127.0.0.1:8000, localhost:8000
        name = name.split(":", 1)[0]
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def serve_refusal(host: str, api_token: str | None, read_only: bool) -> str | None:
    """Why ``findings serve --host host`` must not start, or None when it may."""
    if is_loopback(host) or api_token or read_only:
        return None
    return (
        f"refusing to serve on {host}: it is reachable from other machines and "
        "FINDINGS_API_TOKEN is not set; set the token, or add --read-only"
    )
