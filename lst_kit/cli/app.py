"""``lst-kit app MODULE``: one module as an app in Voilà (prose and widgets, no code).

Voilà runs with the kit's template (``lst_kit/jupyter/voila/templates/lst``:
a Dutch loading message, no English "Executing 3 of 34") and with Jupyter
Server's idle-kernel culler: each page load starts a kernel, and a kernel whose
page was closed or reloaded (no connection left) is shut down after
``CULL_IDLE_TIMEOUT`` seconds without activity, checked every
``CULL_INTERVAL`` seconds. Open pages keep their kernel however long the
participant reads (``cull_connected=False``). The page title is the notebook's
``metadata.title`` (the module title).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..i18n import t
from ..paths import data_dir

__all__ = ["CULL_IDLE_TIMEOUT", "CULL_INTERVAL", "JUPYTER_DIR", "add_parser", "module_notebook", "run",
           "voila_environment", "voila_options"]

#: Seconds a kernel without any open page may stay idle before it is shut down.
CULL_IDLE_TIMEOUT = 600
#: How often (seconds) the culler looks.
CULL_INTERVAL = 60
#: The kit's Jupyter data folder (``voila/templates/lst``), put first on JUPYTER_PATH.
JUPYTER_DIR = Path(__file__).resolve().parents[1] / "jupyter"


def add_parser(sub) -> None:
    parser = sub.add_parser("app", help=t("cli.help_app"), description=t("cli.help_app"))
    parser.add_argument("module", type=int, choices=range(1, 7), help=t("cli.help_app_module"))
    parser.add_argument("--port", type=int, default=8866, help=t("cli.help_app_port"))
    parser.add_argument("--no-browser", action="store_true", help=t("cli.help_app_no_browser"))
    parser.add_argument("--idle-timeout", type=int, default=CULL_IDLE_TIMEOUT, metavar="SECONDS",
                        help=t("cli.help_app_idle_timeout", seconds=CULL_IDLE_TIMEOUT))
    parser.set_defaults(func=run)


def module_notebook(module: int, root: Path | None = None) -> Path:
    """``notebooks/0N_*.ipynb`` in the current folder or the source checkout."""
    candidates = [root] if root else [Path.cwd(), data_dir().parent]
    for base in candidates:
        found = sorted((base / "notebooks").glob(f"0{module}_*.ipynb"))
        if found:
            return found[0]
    raise FileNotFoundError(t("cli.app_missing", module=module))


def voila_options(idle_timeout: int = CULL_IDLE_TIMEOUT, interval: int = CULL_INTERVAL) -> list[str]:
    """The Voilà options of the kit's app: template, Dutch loading texts,
    and the idle-kernel culler (Jupyter Server's MappingKernelManager, which
    Voilà uses for its kernels)."""
    texts = {"lst": {"loading": t("app.loading", i="{i}", n="{n}"), "starting": t("app.starting"), "lang": "nl"}}
    return [
        "--template=lst",
        "--theme=light",
        "--VoilaConfiguration.resources=" + json.dumps(texts, ensure_ascii=False),
        f"--MappingKernelManager.cull_idle_timeout={int(idle_timeout)}",
        f"--MappingKernelManager.cull_interval={max(1, min(int(interval), int(idle_timeout)))}",
        "--MappingKernelManager.cull_connected=False",
        "--MappingKernelManager.cull_busy=False",
    ]


def voila_environment(env: dict | None = None) -> dict:
    """``env`` (default: this process's) with the kit's Jupyter folder first
    on JUPYTER_PATH, so Voilà finds the ``lst`` template."""
    env = dict(os.environ if env is None else env)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(JUPYTER_DIR), env.get("JUPYTER_PATH", "")) if p)
    return env


def run(args) -> int:
    """Open one module as an app in Voilà: prose and widgets, no code."""
    import importlib.util
    import subprocess

    if importlib.util.find_spec("voila") is None:  # the core without the "lab" extra
        print(t("cli.app_needs_lab"), file=sys.stderr)
        return 2
    try:
        notebook = module_notebook(args.module)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    idle_timeout = getattr(args, "idle_timeout", CULL_IDLE_TIMEOUT)
    command = [sys.executable, "-m", "voila", str(notebook), f"--port={args.port}", "--Voila.ip=127.0.0.1",
               *voila_options(idle_timeout, min(CULL_INTERVAL, idle_timeout))]
    if args.no_browser:
        command.append("--no-browser")
    print(t("cli.app_start", notebook=notebook.name, port=args.port))
    try:
        return subprocess.call(command, env=voila_environment())
    except KeyboardInterrupt:
        return 0
