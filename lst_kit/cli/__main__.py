"""``python -m lst_kit.cli``: the ``lst-kit`` command."""

import sys

from . import main

sys.exit(main())
