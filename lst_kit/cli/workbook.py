"""``lst-kit workbook [PARTICIPANT]``: where a participant's workbook is."""

from __future__ import annotations

import sys

from ..i18n import t
from ..workbook import WorkbookError, open_workbook

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    parser = sub.add_parser("workbook", help=t("cli.help_workbook"), description=t("cli.help_workbook"))
    parser.add_argument("participant", nargs="?", default=None, help=t("cli.help_participant_default"))
    parser.add_argument("--folder", default=None, help=t("cli.help_folder"))
    parser.set_defaults(func=run)


def run(args) -> int:
    try:
        wb = open_workbook(args.participant, args.folder)
        count = len(wb.answers())
    except (ValueError, WorkbookError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(t("cli.workbook_path", participant=wb.participant, path=wb.path))
    print(t("cli.workbook_count", n=count))
    return 0
