"""``python -m sourcecheck``: the command line, for when the script is not on PATH."""

import sys

from sourcecheck.cli import main

sys.exit(main())
