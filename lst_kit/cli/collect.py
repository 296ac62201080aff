"""``lst-kit collect DIR [--out FILE.html] [--csv FILE.csv] [--xlsx FILE.xlsx] [--names]``:
the class overview of every workbook under DIR, and the answers as a table."""

from __future__ import annotations

import sys
from pathlib import Path

from ..i18n import t

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    parser = sub.add_parser("collect", help=t("cli.help_collect"), description=t("cli.help_collect"))
    parser.add_argument("dir", metavar="DIR", help=t("cli.help_collect_dir"))
    parser.add_argument("--out", metavar=t("cli.metavar_file"), help=t("cli.help_collect_out"))
    parser.add_argument("--csv", metavar=t("cli.metavar_file"), help=t("cli.help_collect_csv"))
    parser.add_argument("--xlsx", metavar=t("cli.metavar_file"), help=t("cli.help_collect_xlsx"))
    parser.add_argument("--names", action="store_true", help=t("cli.help_collect_names"))
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..reports.class_overview import ClassState, CollectError, render_overview

    if not (args.out or args.csv or args.xlsx):
        print(t("cli.collect_no_output"), file=sys.stderr)
        return 2
    state = ClassState(args.dir)  # read once for the page and the tables
    try:
        if args.xlsx:
            from ..reports.class_table import require_xlsx

            require_xlsx()  # before any work, so a missing writer is said at once
        if args.out:
            out = Path(args.out)
            if not out.parent.is_dir():
                raise CollectError(t("classroom.no_out_folder", folder=str(out.parent)))
            overview = state.overview(names=args.names)
            out.write_text(render_overview(overview), encoding="utf-8")
            print(t("tools.collect_written", path=str(out), n=overview.participants,
                    skipped=len(overview.skipped)))
            for skipped in overview.skipped:
                print(f"  {skipped.path}: {skipped.reason}")
        if args.csv or args.xlsx:
            from ..reports.class_table import class_table, write_table

            frame = class_table(state, names=args.names)
            for target in (args.csv, args.xlsx):
                if target:
                    print(t("tools.table_written", path=str(write_table(frame, target)), rows=len(frame)))
    except (CollectError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0
