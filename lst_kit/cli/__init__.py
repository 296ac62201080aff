"""The ``lst-kit`` command, one module per subcommand::

    lst-kit check [PATH ...]                      validate content files and exercise notebooks
    lst-kit workbook [PARTICIPANT]                where a participant's workbook is
    lst-kit app MODULE                            one module as an app in Voilà
    lst-kit new EXERCISE NAME [--case CASE]       a new exercise notebook from an exercise's template
    lst-kit export PARTICIPANT --out FILE         the participant's portfolio (HTML or .md)
    lst-kit collect DIR --out FILE [--names]      the class overview of every workbook under DIR
    lst-kit demo-class DIR --participants N       invented workbooks to try the overview
    lst-kit hub-link HUB_URL REPO [--branch B]    the nbgitpuller link that opens the course on a hub

Every text a teacher reads comes from the catalogue, argparse's own
("usage:", "show this help message and exit", its error messages) included.
"""

from __future__ import annotations

import argparse
import contextlib
from typing import Iterator

from .. import __version__
from ..i18n import t
from . import app, check, collect, demo_class, export, hub_link, new, workbook

__all__ = ["build_parser", "main"]

#: argparse's own messages (Python 3.10-3.13) -> catalogue keys. Each Dutch
#: text keeps the message's %-placeholders.
ARGPARSE_TEXTS = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positional",
    "options": "argparse.options",
    "optional arguments": "argparse.options",
    "show this help message and exit": "argparse.help",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "expected one argument": "argparse.expected_one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
}


def _translate(message: str) -> str:
    key = ARGPARSE_TEXTS.get(message)
    return t(key) if key else message


@contextlib.contextmanager
def _catalogue_for_argparse() -> Iterator[None]:
    """While the command line is read and its help written, argparse takes
    its texts from the catalogue (argparse asks gettext for each one)."""
    saved = argparse._
    argparse._ = _translate
    try:
        yield
    finally:
        argparse._ = saved


def build_parser() -> argparse.ArgumentParser:
    with _catalogue_for_argparse():
        parser = argparse.ArgumentParser(prog="lst-kit", description=t("cli.help_description"))
        parser.add_argument("--version", action="version", version=f"lst-kit {__version__}",
                            help=t("cli.help_version"))
        sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                    title=t("cli.help_commands"))
        for command in (check, workbook, app, new, export, collect, demo_class, hub_link):
            command.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    with _catalogue_for_argparse():
        args = parser.parse_args(argv)
    return args.func(args)
