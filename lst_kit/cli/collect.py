"""``lst-kit collect DIR --out FILE [--names]``: the class overview of every workbook under DIR."""

from __future__ import annotations

import sys
from pathlib import Path

from ..i18n import t

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    parser = sub.add_parser("collect", help=t("cli.help_collect"), description=t("cli.help_collect"))
    parser.add_argument("dir", metavar="DIR", help=t("cli.help_collect_dir"))
    parser.add_argument("--out", required=True, help=t("cli.help_collect_out"))
    parser.add_argument("--names", action="store_true", help=t("cli.help_collect_names"))
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..reports.class_overview import CollectError, collect, render_overview

    out = Path(args.out)
    try:
        if not out.parent.is_dir():
            raise CollectError(t("classroom.no_out_folder", folder=str(out.parent)))
        overview = collect(args.dir, names=args.names)
        out.write_text(render_overview(overview), encoding="utf-8")
    except (CollectError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(t("tools.collect_written", path=str(out), n=overview.participants, skipped=len(overview.skipped)))
    for skipped in overview.skipped:
        print(f"  {skipped.path}: {skipped.reason}")
    return 0
