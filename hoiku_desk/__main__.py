"""``python -m hoiku_desk``."""

import sys

from hoiku_desk.cli import main

sys.exit(main())
