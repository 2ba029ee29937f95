"""Named moments where a test can have the process killed outright, to widen a crash window
deterministically (the guide's rule: crash windows are hooks, not random kills).

`BVCT_CRASH_AT=backup-packed bvct backup --out …` dies with SIGKILL right after that point, as
a power cut or kill -9 would leave it. Several names may be given, separated by commas.
Unset (always, for the officer), `reached` costs one dictionary lookup.
"""

import os
import signal

ENV = "BVCT_CRASH_AT"


def reached(name: str) -> None:
    wanted = os.environ.get(ENV)
    if wanted and name in wanted.split(","):
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
