"""Start and stop a real JupyterHub (deploy/jupyterhub/jupyterhub_config.py)
on loopback for the hub tests, and talk to it: REST calls with tokens, and
code run in a participant's kernel over the Jupyter server's websocket.

Everything it starts is found again at the end, also after a failure: the hub
runs in a session of its own, and every process of this run (proxy, servers,
kernels) carries ``LST_HUB_RUN_ID`` in its environment.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
CHP = REPO / "node_modules" / ".bin" / "configurable-http-proxy"


class Deadline:
    """One time budget for the whole test module."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def left(self, label: str) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"hub test out of time while {label}")
        return left


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=30)


class Hub:
    def __init__(self, base: Path, mode: str, users: list[str], teacher: str, group: str, password: str,
                 deadline: Deadline):
        self.base, self.mode, self.users, self.teacher = base, mode, users, teacher
        self.group, self.password, self.deadline = group, password, deadline
        self.port, self.hub_port, self.api_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.run_id = f"lst-hub-test-{uuid.uuid4().hex}"
        self.cohort = "cohort-test"
        self.class_root = base / "klas"
        self.log_path = base / "jupyterhub.log"
        self.proc: subprocess.Popen | None = None
        self.tokens: dict[str, str] = {}
        self.python = sys.executable  # the Python of the participants' servers
        self.single_because: str | None = None  # why there are no real OS users, if there are none

    @property
    def cohort_dir(self) -> Path:
        return self.class_root / self.cohort

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> None:
        env = dict(os.environ)
        env.update(
            LST_HUB_IP="127.0.0.1", LST_HUB_PORT=str(self.port), LST_HUB_HUB_PORT=str(self.hub_port),
            LST_HUB_PROXY_API_PORT=str(self.api_port), LST_HUB_COHORT=self.cohort,
            LST_HUB_CLASS_ROOT=str(self.class_root), LST_HUB_STATE_DIR=str(self.base / "state"),
            LST_HUB_HOME_ROOT=str(self.base / "home"), LST_HUB_AUTH="demo", LST_HUB_SPAWNER=self.mode,
            LST_HUB_TEACHERS=self.teacher, LST_HUB_TEACHER_GROUP=self.group, LST_HUB_USERS=",".join(self.users),
            LST_HUB_DEMO_PASSWORD=self.password, LST_HUB_RUN_ID=self.run_id,
            LST_HUB_PYTHON=self.python,
        )
        env.pop("LST_HUB_CONTENT_REPO", None)
        (self.base / "state").mkdir()
        log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)], cwd=self.base / "state", env=env,
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()
        while True:
            self.deadline.left("waiting for the hub to start")
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyterhub exited with {self.proc.returncode}:\n{self.log()}")
            try:
                status, _ = self.request("GET", "/hub/api/", timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-6000:]
        except OSError:
            return "(no log)"

    def stop(self) -> list[int]:
        """Stop the hub (it stops the servers), then end whatever of this run is left.

        Returns the pids that were still alive and had to be killed.
        """
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)  # the hub, and the proxy if it is still there
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        # The hub sends its servers SIGTERM as it stops; they finish saving and
        # exit on their own a moment later. Only what is still alive then counts.
        settle = time.monotonic() + 15
        left = self.processes()
        while left and time.monotonic() < settle:
            time.sleep(0.25)
            left = self.processes()
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return left

    def processes(self) -> list[int]:
        """Every live process that carries this run's id in its environment."""
        marker = f"LST_HUB_RUN_ID={self.run_id}".encode()
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                environ = (entry / "environ").read_bytes()
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if marker in environ.split(b"\0") and state != "Z":
                found.append(int(entry.name))
        return found

    # -- REST ---------------------------------------------------------------------------------
    def request(self, method: str, path: str, body=None, token: str | None = None, timeout: float = 30):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", f"token {token}")
        try:
            with urllib.request.urlopen(req, timeout=min(timeout, self.deadline.left(f"{method} {path}"))) as resp:
                raw = resp.read()
                return resp.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            with exc:
                raw = exc.read()
            try:
                return exc.code, json.loads(raw) if raw else None
            except ValueError:
                return exc.code, raw.decode(errors="replace")

    def request_text(self, method: str, path: str, token: str, timeout: float = 30) -> tuple[int, str]:
        """A request whose answer is not JSON (an event stream, a page)."""
        req = urllib.request.Request(self.url + path, method=method)
        req.add_header("Authorization", f"token {token}")
        try:
            with urllib.request.urlopen(req, timeout=min(timeout, self.deadline.left(f"{method} {path}"))) as resp:
                return resp.status, resp.read().decode(errors="replace")
        except urllib.error.HTTPError as exc:
            with exc:
                return exc.code, exc.read().decode(errors="replace")

    def redirect(self, path: str, token: str) -> str:
        """The path a GET of ``path`` redirects to (the Location header, without a query)."""
        import http.client

        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.deadline.left(f"GET {path}"))
        try:
            conn.request("GET", path, headers={"Authorization": f"token {token}"})
            resp = conn.getresponse()
            resp.read()
            return urllib.parse.urlsplit(resp.getheader("Location", "")).path
        finally:
            conn.close()

    def login(self, name: str, password: str | None = None) -> tuple[int, object]:
        """Log in through the REST API: the authenticator checks name and
        password and the hub hands out an API token for that user."""
        status, body = self.request("POST", f"/hub/api/users/{name}/tokens",
                                    {"auth": {"username": name, "password": password or self.password},
                                     "note": "lst-kit hub test"})
        if status in (200, 201):
            self.tokens[name] = body["token"]
        return status, body

    def start_server(self, name: str) -> None:
        status, body = self.request("POST", f"/hub/api/users/{name}/server", token=self.tokens[name])
        if status not in (201, 202):
            raise RuntimeError(f"starting the server of {name}: {status} {body}\n{self.log()}")

    def wait_ready(self, name: str) -> dict:
        while True:
            self.deadline.left(f"waiting for the server of {name}")
            status, body = self.request("GET", f"/hub/api/users/{name}", token=self.tokens[name])
            server = (body or {}).get("servers", {}).get("", {}) if status == 200 else {}
            if server.get("ready"):
                return server
            if status == 200 and not server.get("pending") and not server:
                raise RuntimeError(f"the server of {name} did not start:\n{self.log()}")
            time.sleep(0.5)

    # -- a kernel in a participant's server ---------------------------------------------------
    def start_kernel(self, name: str) -> str:
        status, body = self.request("POST", f"/user/{name}/api/kernels", {"name": "python3"},
                                    token=self.tokens[name], timeout=60)
        if status != 201:
            raise RuntimeError(f"kernel for {name}: {status} {body}")
        return body["id"]

    def execute(self, name: str, kernel_id: str, code: str, timeout: float = 90) -> str:
        """Run ``code`` in the kernel; return its stdout, raise on an error."""
        budget = min(timeout, self.deadline.left(f"running code for {name}"))
        return asyncio.run(asyncio.wait_for(self._execute(name, kernel_id, code, budget), budget))

    async def _execute(self, name: str, kernel_id: str, code: str, budget: float) -> str:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        url = f"ws://127.0.0.1:{self.port}/user/{name}/api/kernels/{kernel_id}/channels"
        # The server completes the handshake only once the new kernel answers kernel_info; with
        # three kernels starting on two cores that took over tornado's default 20 s once (CI,
        # 4 December 2026). The budget of execute() is the one limit.
        conn = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {self.tokens[name]}"},
                                                   connect_timeout=budget, request_timeout=budget))
        msg_id = secrets.token_hex(8)
        conn.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": name, "session": secrets.token_hex(8),
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        out: list[str] = []
        error = None
        reply = None
        idle = False  # the reply (shell) may come before the output (iopub): wait for both
        try:
            while reply is None or not idle:
                raw = await conn.read_message()
                if raw is None:
                    raise RuntimeError(f"kernel websocket of {name} closed")
                msg = json.loads(raw)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "stream" and content.get("name") == "stdout":
                    out.append(content["text"])
                elif kind == "error":
                    error = "\n".join(content.get("traceback", [])) or content.get("evalue")
                elif kind == "status" and content.get("execution_state") == "idle":
                    idle = True
                elif kind == "execute_reply":
                    reply = content
            if reply.get("status") != "ok":
                raise RuntimeError(f"code failed in the kernel of {name}:\n{error or reply}")
            return "".join(out)
        finally:
            conn.close()
            try:  # let the closing handshake finish, so no socket is left for the loop's end
                while await asyncio.wait_for(conn.read_message(), 5) is not None:
                    pass
            except asyncio.TimeoutError:
                pass


def runs_as(user: str, python: str) -> bool:
    """Can OS user ``user`` start ``python`` (and import the kit and the hub)?"""
    done = subprocess.run(["runuser", "-u", user, "--", python, "-c", "import lst_kit, jupyterhub.singleuser"],
                          capture_output=True, timeout=60, cwd="/")
    return done.returncode == 0


def bridge_python(base: Path) -> str | None:
    """A Python other OS users can run, with this venv's packages.

    When the venv's interpreter lives where other users cannot reach it (a
    pyenv under /root, 0700: this machine and CI), a venv of the system's
    Python of the same minor version is made under ``base``; a .pth file adds
    this venv's site-packages (same ABI) and share/ and etc/ are linked, so the
    participants' servers run the same packages. None if there is no such
    system Python.
    """
    import sysconfig

    minor = f"python{sys.version_info.major}.{sys.version_info.minor}"
    system = Path("/usr/bin") / minor
    if not system.exists():
        return None
    target = base / "python"
    subprocess.run([str(system), "-m", "venv", "--without-pip", str(target)], check=True, capture_output=True,
                   timeout=60)
    site = target / "lib" / minor / "site-packages"
    ours = sysconfig.get_paths()["purelib"]
    (site / "lst-kit-hub-test.pth").write_text(f"import site; site.addsitedir({ours!r})\n")
    for shared in ("share", "etc"):  # JupyterLab's files, the server extensions' switches (nbgitpuller...)
        shutil.rmtree(target / shared, ignore_errors=True)
        if (Path(sys.prefix) / shared).exists():
            (target / shared).symlink_to(Path(sys.prefix) / shared)
    for path in [target, *target.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o005 | (0o001 if path.is_dir() else 0))
    return str(target / "bin" / "python")


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
