"""Data safety: a writer killed (SIGKILL) at random moments never leaves a half-written file.

A child process rewrites one file over and over through briefgen's atomic-write helper; the test kills it at random
moments and checks that the file on disk is always one complete version (its embedded checksum matches).
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")

RUNS = 40
WRITER = r"""
import hashlib, sys
from briefgen.fileio import atomic_write_bytes
target = sys.argv[1]
n = 0
while True:
    n += 1
    payload = (b"version %d " % n) * 60000          # ~0.7 MB, so a write takes a while
    atomic_write_bytes(target, hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    print(n, flush=True)
"""


def is_complete(data: bytes) -> bool:
    digest, _, payload = data.partition(b"\n")
    return hashlib.sha256(payload).hexdigest().encode() == digest


def test_sigkill_never_leaves_a_half_written_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    payload = b"the previous brief"
    target.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    rng = random.Random(20261122)
    corrupted = 0
    writes_seen = 0
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    for _ in range(RUNS):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, env=env, cwd=repo)
        assert proc.stdout is not None
        proc.stdout.readline()  # the writer is running and has finished at least one write
        time.sleep(rng.uniform(0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        writes_seen += 1
        if not is_complete(target.read_bytes()):
            corrupted += 1
    assert writes_seen == RUNS
    assert corrupted == 0
    # no stray temporary file was ever renamed over the target: the only non-temp file is the target itself
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".part")] == ["brief.pdf"]
