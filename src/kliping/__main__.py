"""``python -m kliping …``: the same as the ``kliping`` command (handy with a source tree on PYTHONPATH)."""

import sys

from kliping.cli import main

sys.exit(main())
