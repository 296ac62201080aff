"""What a command tells the teacher when it is done: one line per content
file it had to leave out, and an exit code that says so.

Exit codes of every ``lst-kit`` command (also in ``--help`` and the README):

- 0: done, nothing left out;
- 1: done, but something was left out or found (a broken case or exercise
  file, an unreadable workbook; for ``check``: problems found);
- 2: nothing done (a wrong argument, a missing folder, a file that exists);
- 3: an unexpected error in lst-kit itself (one line; ``LST_DEBUG=1`` shows
  the details for a developer).
"""

from __future__ import annotations

import sys

from ..i18n import t

__all__ = ["EXIT_BUG", "EXIT_FAILED", "EXIT_OK", "EXIT_SKIPPED", "report_content_problems"]

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_FAILED = 2
EXIT_BUG = 3


def report_content_problems() -> int:
    """Print one line per broken case or exercise file (to stderr) and
    return how many there are."""
    from ..content.problems import course_problems

    problems = course_problems()
    if problems:
        print(t("cli.content_left_out", n=len(problems)), file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
    return len(problems)
