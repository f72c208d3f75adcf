"""The two helpers every part of benchmarks/run uses: `log` (a line on stderr) and `sh` (run a
command, capturing its output as text)."""

import subprocess
import sys


def log(message):
    print(message, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
