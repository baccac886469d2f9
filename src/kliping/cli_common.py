"""What every command-line module shares: exit codes, the --db help, JSON printing."""

from __future__ import annotations

import json
import sys
from typing import Any

from kliping.run.add import DEFAULT_DB

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2
EXIT_STORE = 3  # the store's file is damaged, or the disk full or failing
EXIT_INTERRUPTED = 130  # as a shell reports a process stopped by Ctrl-C
DB_HELP = f"the article store (default: {DEFAULT_DB})"
Commands = Any  # argparse's private _SubParsersAction


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
