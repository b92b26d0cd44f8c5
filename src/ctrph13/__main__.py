"""``python -m ctrph13``: see :mod:`ctrph13.cli`."""

import sys

from ctrph13.cli import main

sys.exit(main())
