"""``lst-kit export PARTICIPANT --out FILE``: the participant's portfolio (HTML, or Markdown for .md)."""

from __future__ import annotations

import sys

from ..i18n import t

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    parser = sub.add_parser("export", help=t("cli.help_export"), description=t("cli.help_export"))
    parser.add_argument("participant", metavar="PARTICIPANT", help=t("cli.help_participant"))
    parser.add_argument("--folder", default=None, help=t("cli.help_folder"))
    parser.add_argument("--out", required=True, help=t("cli.help_export_out"))
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..reports.portfolio import ExportError, write_portfolio

    try:
        out = write_portfolio(args.participant, args.folder, args.out)
    except (ExportError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(t("tools.export_written", path=str(out)))
    return 0
