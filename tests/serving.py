"""A quiet static file server for the tests and the benchmark, with the types the site needs."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from os import PathLike
from pathlib import Path
from typing import Any

__all__ = ["QuietHandler", "free_port", "serve"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# What static hosts send for the site's module scripts, WebAssembly and wheels.
TYPES = {".mjs": "text/javascript", ".wasm": "application/wasm", ".whl": "application/zip"}


class QuietHandler(SimpleHTTPRequestHandler):
    def guess_type(self, path: str | PathLike[str]) -> str:
        suffix = Path(path).suffix
        return TYPES.get(suffix) or super().guess_type(path)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(folder: Callable[[], Path], port: int) -> ThreadingHTTPServer:
    """Serve whatever folder() names at each request, on 127.0.0.1:port, from a daemon thread."""

    class Handler(QuietHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder()), **kwargs)

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
