"""``lst-kit hub-link HUB_URL REPO [--branch B] [--notebook PATH] [--folder NAME]``:
the nbgitpuller link that opens the course on a JupyterHub (lst_kit/hub_link.py)."""

from __future__ import annotations

import sys

from ..hub_link import DEFAULT_NOTEBOOK, hub_link, target_folder
from ..i18n import t

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    parser = sub.add_parser("hub-link", help=t("cli.help_hub_link"), description=t("cli.help_hub_link"))
    parser.add_argument("hub_url", metavar="HUB_URL", help=t("cli.help_hub_link_url"))
    parser.add_argument("repo", metavar="REPO", help=t("cli.help_hub_link_repo"))
    parser.add_argument("--branch", default="main", help=t("cli.help_hub_link_branch"))
    parser.add_argument("--notebook", default=DEFAULT_NOTEBOOK, help=t("cli.help_hub_link_notebook"))
    parser.add_argument("--folder", default=None, help=t("cli.help_hub_link_folder"))
    parser.set_defaults(func=run)


def run(args) -> int:
    try:
        folder = args.folder or target_folder(args.repo)
        print(hub_link(args.hub_url, args.repo, args.branch, f"lab/tree/{folder}/{args.notebook.lstrip('/')}",
                       folder))
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0
