"""`make serve` on a port that is taken says so in one line instead of a traceback."""

from __future__ import annotations

import socket

import pytest

from secondround_site.serve import main, port_is_free


def test_a_taken_port_gets_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert not port_is_free("127.0.0.1", port)
        assert main(["--host", "127.0.0.1", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"Port {port} on 127.0.0.1 is already in use" in err
    assert f"make serve PORT={port + 1}" in err


def test_a_free_port_is_free() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert port_is_free("127.0.0.1", port)
