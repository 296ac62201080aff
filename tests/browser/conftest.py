"""Browser tests: Voilà and JupyterLab on loopback ports, driven by
Playwright's Python API in Debian's Chromium (never a downloaded browser).

Without Chromium the tests are skipped on a developer's machine and fail in
CI (where `CI` is set), so a missing browser is never a silent pass.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
_SCREENSHOTS: list[Path] = []


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or ""):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server stopped: {log.read_text(errors='replace')[-3000:]}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"server did not start on port {port}: {log.read_text(errors='replace')[-3000:]}")


class Server:
    def __init__(self, command: list[str], port: int, env: dict, log: Path):
        self.port = port
        self.log = log
        self._fh = open(log, "wb")
        self.proc = subprocess.Popen(command, env=env, stdout=self._fh, stderr=subprocess.STDOUT, cwd=REPO)
        wait_for_port(port, self.proc, log)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._fh.close()


@pytest.fixture(scope="session")
def playwright():
    """One Playwright for the session (its sync API allows only one at a time)."""
    if chromium_path() is None:
        message = "Chromium ontbreekt (Debian-pakket 'chromium'); .ci/run installeert het."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright):
    chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = Path(os.environ.get("LST_SCREENSHOT_DIR") or tempfile.mkdtemp(prefix="lst-screenshots-"))
    folder.mkdir(parents=True, exist_ok=True)
    _SCREENSHOTS.append(folder)
    return folder


def pytest_collection_modifyitems(config, items):
    """Browser tests last: they start servers and a browser for the session."""
    items.sort(key=lambda item: "tests/browser/" in item.nodeid.replace("\\", "/"))


def pytest_terminal_summary(terminalreporter):
    for folder in _SCREENSHOTS:
        terminalreporter.write_line(f"lst-kit: screenshots en toegankelijkheidsrapporten staan in {folder}")


def _env(workbooks: Path, participant: str) -> dict:
    env = dict(os.environ)
    env.update({"LST_WERKBOEK_DIR": str(workbooks), "LST_DEELNEMER": participant, "MPLBACKEND": "Agg"})
    env.pop("JUPYTERHUB_USER", None)
    return env


def voila_command(port: int, **culling) -> list[str]:
    """Voilà serving the repository with the options of `lst-kit app`
    (the kit's template, Dutch loading text, idle-kernel culling)."""
    from lst_kit.cli.app import voila_options

    return [sys.executable, "-m", "voila", str(REPO), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
            *voila_options(**culling), "--VoilaConfiguration.file_allowlist=['.*']"]


@pytest.fixture(scope="session")
def voila(tmp_path_factory):
    """Voilà serving the repository (module notebooks and exercises), as `lst-kit app` runs it."""
    from lst_kit.cli.app import voila_environment

    workbooks = tmp_path_factory.mktemp("werkboeken-voila")
    port = free_port()
    log = tmp_path_factory.mktemp("logs") / "voila.log"
    server = Server(voila_command(port), port, voila_environment(_env(workbooks, "browsertest")), log)
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}", workbooks=workbooks, participant="browsertest", log=log)
    server.stop()


@pytest.fixture(scope="module")
def voila_quick_cull(tmp_path_factory):
    """The same Voilà with a culler short enough to watch: a kernel without an
    open page is stopped after 6 s idle, checked every second."""
    from lst_kit.cli.app import voila_environment

    workbooks = tmp_path_factory.mktemp("werkboeken-cull")
    port = free_port()
    log = tmp_path_factory.mktemp("logs") / "voila-cull.log"
    server = Server(voila_command(port, idle_timeout=6, interval=1), port,
                    voila_environment(_env(workbooks, "culltest")), log)
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}", workbooks=workbooks, participant="culltest", log=log,
                          idle_timeout=6)
    server.stop()


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab on a loopback port with an empty token."""
    workbooks = tmp_path_factory.mktemp("werkboeken-lab")
    port = free_port()
    logs = tmp_path_factory.mktemp("lablogs")
    env = _env(workbooks, "labtest")
    env["JUPYTER_CONFIG_DIR"] = str(logs / "config")  # nothing from the developer's home
    env["JUPYTER_RUNTIME_DIR"] = str(logs / "runtime")
    settings = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "lst_kit" / "jupyter" / "overrides.json", settings / "overrides.json")
    # A copy of the notebooks: JupyterLab's autosave must never write outputs into the repo.
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
               "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
               "--LabApp.expose_app_in_browser=True", f"--ServerApp.root_dir={root}"]
    server = Server(command, port, env, logs / "lab.log")
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}", workbooks=workbooks, participant="labtest",
                          log=logs / "lab.log")
    server.stop()
