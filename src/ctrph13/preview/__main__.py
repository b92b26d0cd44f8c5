"""`python -m ctrph13.preview`: the live preview (`make serve`)."""

import sys

from ctrph13.preview.live import main

sys.exit(main())
