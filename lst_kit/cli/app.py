"""``lst-kit app MODULE``: one module as an app in Voilà (prose and widgets, no code)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..i18n import t
from ..paths import data_dir

__all__ = ["add_parser", "module_notebook", "run"]


def add_parser(sub) -> None:
    parser = sub.add_parser("app", help=t("cli.help_app"), description=t("cli.help_app"))
    parser.add_argument("module", type=int, choices=range(1, 7), help=t("cli.help_app_module"))
    parser.add_argument("--port", type=int, default=8866, help=t("cli.help_app_port"))
    parser.add_argument("--no-browser", action="store_true", help=t("cli.help_app_no_browser"))
    parser.set_defaults(func=run)


def module_notebook(module: int, root: Path | None = None) -> Path:
    """``notebooks/0N_*.ipynb`` in the current folder or the source checkout."""
    candidates = [root] if root else [Path.cwd(), data_dir().parent]
    for base in candidates:
        found = sorted((base / "notebooks").glob(f"0{module}_*.ipynb"))
        if found:
            return found[0]
    raise FileNotFoundError(t("cli.app_missing", module=module))


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
    command = [sys.executable, "-m", "voila", str(notebook), f"--port={args.port}", "--Voila.ip=127.0.0.1",
               "--theme=light"]
    if args.no_browser:
        command.append("--no-browser")
    print(t("cli.app_start", notebook=notebook.name, port=args.port))
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0
