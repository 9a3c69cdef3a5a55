"""Shared fixtures: one strict build of the site per session, served on 127.0.0.1, and Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from serving import build_site, chromium_launch_args, free_port, serve

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(site_port: int, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `mkdocs build --strict` makes it, for the address the tests serve it on."""
    out = tmp_path_factory.mktemp("site")
    build_site(ROOT, out, site_port)
    return out


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_port: int) -> Iterator[str]:
    server = serve(lambda: built_site, site_port)
    yield f"http://127.0.0.1:{site_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, **chromium_launch_args()}
