"""`python -m lib …`: the command line (lib.cli)."""

import sys

from lib.cli import main

sys.exit(main())
