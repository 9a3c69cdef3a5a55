"""What the tests and the benchmark share: a strict build, a quiet static server, and Chromium."""

from __future__ import annotations

import email.utils
import fcntl
import gzip
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from os import PathLike
from pathlib import Path
from typing import Any

__all__ = [
    "CHROMIUM_ARGS",
    "DEBIAN_CHROMIUM",
    "GzipHandler",
    "QuietHandler",
    "build_site",
    "chromium_launch_args",
    "free_port",
    "serve",
]

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
# Headless as root, on a machine whose only network is the loopback: no sandbox, no GPU, and
# none of Chromium's own background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_launch_args() -> dict[str, Any]:
    """Debian's Chromium when it is installed, else Playwright's own."""
    args: dict[str, Any] = {"args": CHROMIUM_ARGS}
    if DEBIAN_CHROMIUM.exists():
        args["executable_path"] = str(DEBIAN_CHROMIUM)
    return args


def build_site(project: Path, out: Path, port: int, config: Path | None = None) -> float:
    """`mkdocs build --strict` for http://127.0.0.1:port/; returns its wall time in seconds."""
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    if config is not None:
        command += ["--config-file", str(config)]
    start = time.perf_counter()
    # One build at a time per project: the suite's two sessions (scripts/run-tests.sh) share the
    # build's caches in .cache/, which a first build fills.
    (project / ".cache").mkdir(exist_ok=True)
    with open(project / ".cache" / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = subprocess.run(
            command, cwd=project, env=env, capture_output=True, text=True, check=False
        )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stderr}")
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# What static hosts send for the site's module scripts, WebAssembly, wheels and zstd frames.
TYPES = {
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zst": "application/zstd",
}


class QuietHandler(SimpleHTTPRequestHandler):
    def guess_type(self, path: str | PathLike[str]) -> str:
        suffix = Path(path).suffix
        return TYPES.get(suffix) or super().guess_type(path)

    def log_message(self, format: str, *args: Any) -> None:
        pass


# What static hosts compress on the way (text, scripts, data, WebAssembly); a .zip, a wheel or
# an image goes as it is.
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/wasm",
    "image/svg+xml",
)
_gzipped: dict[tuple[str, float], bytes] = {}


class GzipHandler(QuietHandler):
    """Sends compressible files gzip-encoded, as real static hosts do (for the benchmark)."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(path)
        wanted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wanted and path.is_file() and kind.startswith(COMPRESSED_TYPES)):
            super().do_GET()
            return
        stamp = path.stat().st_mtime
        since = self.headers.get("If-Modified-Since")
        if since and email.utils.parsedate_to_datetime(since).timestamp() >= int(stamp):
            self.send_response(304)
            self.end_headers()
            return
        body = _gzipped.get((str(path), stamp))
        if body is None:
            body = _gzipped[(str(path), stamp)] = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stamp)))
        self.end_headers()
        self.wfile.write(body)


def serve(folder: Callable[[], Path], port: int, compress: bool = False) -> ThreadingHTTPServer:
    """Serve whatever folder() names at each request, on 127.0.0.1:port, from a daemon thread.

    With compress, compressible files go gzip-encoded, as real static hosts send them.
    """
    base = GzipHandler if compress else QuietHandler

    class Handler(base):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder()), **kwargs)

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
