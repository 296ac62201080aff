"""``lst-kit demo-class DIR --participants N --seed S``: invented workbooks to try the class overview."""

from __future__ import annotations

import sys

from ..i18n import t
from ..workbook import WorkbookError

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    parser = sub.add_parser("demo-class", help=t("cli.help_demo"), description=t("cli.help_demo"))
    parser.add_argument("dir", metavar="DIR", help=t("cli.help_demo_dir"))
    parser.add_argument("--participants", type=int, default=20, help=t("cli.help_demo_participants"))
    parser.add_argument("--seed", type=int, default=1, help=t("cli.help_demo_seed"))
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..reports.class_overview import CollectError, make_demo_class

    try:
        names, missing = make_demo_class(args.dir, args.participants, args.seed)
    except (CollectError, OSError, WorkbookError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(t("tools.demo_written", n=len(names), folder=str(args.dir)))
    if missing:
        print(t("tools.demo_missing", ids=", ".join(missing)))
    return 0
