"""Start the app for browser tests and drive Debian's Chromium with Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"
READY = "[data-testid=stApp][data-test-script-state=notRunning]"
STARTUP_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(env: dict[str, str] | None = None) -> Iterator[str]:
    """Run `streamlit run dashboard.py` on a free port until the block ends; yield its URL."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true"]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        _wait_until_serving(process, port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def _wait_until_serving(process: subprocess.Popen, port: int) -> None:
    """Block on the server's own output until it says it serves, then confirm with the health check."""
    lines = []
    for line in process.stdout:
        lines.append(line)
        if "server started" in line:  # logged once the socket listens (no welcome banner: see config)
            break
    else:
        raise RuntimeError("streamlit exited before serving:\n" + "".join(lines))
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=STARTUP_TIMEOUT_S) as response:
        assert response.read() == b"ok"


def artifact(name: str) -> Path:
    """Where a screenshot goes (a folder git ignores)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
