"""Throwaway ports on 127.0.0.1 for the real servers the tests start (Redis, Varnish)."""

import socket


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
