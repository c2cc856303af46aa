"""Analysis tests run offline: nltk downloads and non-loopback sockets raise."""

import ipaddress
import socket

import nltk
import pytest


def _loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str):
        return True  # Unix sockets and the like never leave the machine
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_download(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("nltk.download attempted")

    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> None:
        if not _loopback(address):
            raise AssertionError(f"network access attempted: {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(nltk, "download", no_download)
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
