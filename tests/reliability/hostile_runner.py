"""Running hostile cases: each in a child process (the real ``briefgen`` command) with a 3 GiB address-space cap
and a 60 s hang guard, two at a time, recording exit status, time, peak memory, tracebacks and left-over
partial files. Shared by ``test_hostile_inputs.py`` and ``benchmarks/hostile_summary.py``.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability.hostile_model import ACCEPTED, REFUSED, Case, Run

MEMORY_CAP = 3 * 1024**3
"""Address-space limit of each child (3 GiB): a reader that tries to inflate a bomb dies instead of the machine."""
HANG_GUARD_S = 60.0
WORKERS = 2
REPO = Path(__file__).resolve().parents[2]


@dataclass
class Outcome:
    case: Case
    run: Run
    folder: Path
    codes: list[int]
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    hang: bool = False
    partial: list[str] = field(default_factory=list)
    cpu_seconds: float = 0.0
    """User and system time of the child processes (what the case costs on an idle machine)."""

    @property
    def code(self) -> int:
        return self.codes[0]

    @property
    def kind(self) -> str:
        """``refused`` (exit 2), ``accepted`` (exit 0), ``hang``, or ``crash`` (exit 1, another status, a signal)."""
        if self.hang:
            return "hang"
        if all(c == 0 for c in self.codes):
            return ACCEPTED
        if all(c == 2 for c in self.codes):
            return REFUSED
        return "crash"

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr


def _limits(run: Run) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    if run.file_size_limit is not None:
        # a full disk: writing past the limit fails with EFBIG (the signal that would kill the writer is ignored)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (run.file_size_limit, run.file_size_limit))


def _env(folder: Path, run: Run) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFGEN_")}
    env.update(
        PYTHONPATH=str(REPO),
        BRIEFGEN_DATA_DIR=str(folder / "_user" / "data"),
        BRIEFGEN_CONFIG_DIR=str(folder / "_user" / "config"),
        BRIEFGEN_LOG_DIR=str(folder / "_user" / "log"),
    )
    env.update(run.env)
    return env


def run_case(case: Case, folder: Path) -> Outcome:
    folder.mkdir(parents=True, exist_ok=True)
    run = case.setup(folder)
    argv = [sys.executable, "-m", "briefgen", *run.argv]
    procs: list[tuple[subprocess.Popen[bytes], Path, Path]] = []
    start = time.perf_counter()
    for n in range(run.copies):
        out, err = folder / f"_stdout{n}", folder / f"_stderr{n}"
        with out.open("wb") as so, err.open("wb") as se:
            proc = subprocess.Popen(
                argv, stdout=so, stderr=se, stdin=subprocess.DEVNULL, cwd=folder, env=_env(folder, run),
                preexec_fn=lambda: _limits(run),
            )  # fmt: skip
        procs.append((proc, out, err))
    codes: list[int] = []
    peak_kb = 0
    cpu = 0.0
    hang = False
    for proc, _, _ in procs:
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                codes.append(proc.returncode)
                peak_kb = max(peak_kb, rusage.ru_maxrss)
                cpu += rusage.ru_utime + rusage.ru_stime
                break
            if time.perf_counter() - start > HANG_GUARD_S:
                hang = True
                proc.kill()
                proc.wait()
                codes.append(proc.returncode)
                break
            time.sleep(0.01)
    seconds = time.perf_counter() - start
    stdout = "".join(o.read_text(encoding="utf-8", errors="replace") for _, o, _ in procs)
    stderr = "".join(e.read_text(encoding="utf-8", errors="replace") for _, _, e in procs)
    kept = set(run.kept_parts)
    partial = sorted(
        str(p.relative_to(folder)) for p in folder.rglob("*.part") if p.name not in kept and "_user" not in p.parts
    )
    return Outcome(case, run, folder, codes, stdout, stderr, seconds, peak_kb / 1024, hang, partial, cpu)


def run_cases(cases: Iterable[Case], base: Path, workers: int = WORKERS) -> dict[str, Outcome]:
    """Every case in its own folder under *base*, *workers* at a time (the slowest first)."""
    ordered = sorted(cases, key=lambda c: -c.cost)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {c.name: pool.submit(run_case, c, base / f"case{n:03d}") for n, c in enumerate(ordered)}
        return {name: f.result() for name, f in futures.items()}  # a case whose set-up fails raises here


def summary(outcomes: Iterable[Outcome]) -> dict[str, float | int]:
    """The suite's figures: counts by outcome, tracebacks, partial files, the slowest case and the peak memory."""
    found = list(outcomes)
    return {
        "cases": len(found),
        "refused": sum(o.kind == REFUSED for o in found),
        "accepted": sum(o.kind == ACCEPTED for o in found),
        "crashes": sum(o.kind == "crash" for o in found),
        "hangs": sum(o.hang for o in found),
        "tracebacks": sum(o.traceback for o in found),
        "partial_files": sum(len(o.partial) for o in found),
        "max_seconds": round(max((o.seconds for o in found), default=0.0), 2),
        "max_peak_mb": round(max((o.peak_mb for o in found), default=0.0)),
        "cpu_seconds": round(sum(o.cpu_seconds for o in found), 1),
    }
