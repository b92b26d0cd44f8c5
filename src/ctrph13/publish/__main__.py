"""`python -m ctrph13.publish`: deploy a version (`make publish`)."""

import sys

from ctrph13.publish.deploy import main

sys.exit(main())
