"""`make serve`: serve the site with live reload, with a clear message when the port is taken."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys

__all__ = ["main", "port_is_free"]


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not port_is_free(args.host, args.port):
        print(
            f"Port {args.port} on {args.host} is already in use. Stop what is using it, "
            f"or serve on another port: make serve PORT={args.port + 1}",
            file=sys.stderr,
        )
        return 1
    # Instant navigation needs site_url to match the address the site is served from.
    os.environ["SITE_URL"] = f"http://{args.host}:{args.port}/"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--strict",
        "-a",
        f"{args.host}:{args.port}",
    ]
    os.execv(sys.executable, command)
    return 0  # pragma: no cover - execv does not return


if __name__ == "__main__":
    sys.exit(main())
