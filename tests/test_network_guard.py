"""The autouse guard in conftest refuses every connection that is not loopback."""

from __future__ import annotations

import socket
import threading

import pytest


def test_outbound_connection_is_refused_before_any_packet():
    # 192.0.2.1 is TEST-NET-1 (documentation only); the guard raises before connect() runs.
    with pytest.raises(OSError, match="network access blocked"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with socket.socket() as s, pytest.raises(OSError, match="network access blocked"):
        s.connect_ex(("192.0.2.1", 443))


def test_loopback_still_works():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    accepted = threading.Thread(target=lambda: server.accept()[0].close())
    accepted.start()
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pass
    accepted.join(timeout=5)
    server.close()
