"""Every hostile case through the real command line, in a child process with a memory cap and a hang guard.

A case passes when briefgen answers with a clear refusal (exit 2, one line naming the file) or a correct result
(exit 0): never a traceback, an internal error, a crash by signal, a hang, or a leaked secret.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.hostile_cases import CASES, ERROR, OK, SECRET, Case

MEMORY_CAP = 3 * 1024**3
"""Address-space limit of each child (3 GiB): a reader that tries to inflate a bomb dies instead of the machine."""
HANG_GUARD_S = 180
REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "eastmouth-barrier-news.txt"
RESULTS: list[dict[str, object]] = []


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _command(case: Case, path: Path, out: Path) -> list[str]:
    base = [sys.executable, "-m", "briefgen"]
    if case.command == "inspect":
        return [*base, "inspect", "--json", str(path)]
    if case.command == "template":
        return [*base, "build", str(SAMPLE), "-o", str(out), "--template", str(path)]
    if case.command == "project":
        return [*base, "build", "--project", str(path), "-o", str(out)]
    raise AssertionError(case.command)


def run_case(case: Case, folder: Path) -> tuple[int, str, str, float, float, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / case.filename
    path.write_bytes(case.make(folder))
    out = folder / "brief.pdf"
    stdout_path, stderr_path = folder / "stdout", folder / "stderr"
    with stdout_path.open("wb") as so, stderr_path.open("wb") as se:
        start = time.perf_counter()
        proc = subprocess.Popen(
            _command(case, path, out), stdout=so, stderr=se, cwd=REPO, preexec_fn=_limit_memory, env=os.environ.copy()
        )
        deadline = start + HANG_GUARD_S
        status = rusage = None
        while time.perf_counter() < deadline:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.02)
        else:
            proc.kill()
            proc.wait()
            pytest.fail(f"{case.name}: no answer within {HANG_GUARD_S} s (hang)")
        elapsed = time.perf_counter() - start
    assert status is not None and rusage is not None
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak_mb = rusage.ru_maxrss / 1024
    return (
        proc.returncode,
        stdout_path.read_text(encoding="utf-8", errors="replace"),
        stderr_path.read_text(encoding="utf-8", errors="replace"),
        elapsed,
        peak_mb,
        out,
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    code, stdout, stderr, elapsed, peak_mb, out = run_case(case, tmp_path / "case")
    RESULTS.append({"case": case.name, "exit": code, "seconds": round(elapsed, 2), "peak_mb": round(peak_mb)})
    assert code >= 0, f"killed by signal {-code}"
    assert "Traceback" not in stderr
    assert code in (0, 2), f"exit {code}: {stderr}"
    lines = [x for x in stderr.splitlines() if x.strip()]
    assert all(x.startswith("briefgen: ") for x in lines), stderr
    if case.expect == ERROR:
        assert code == 2
        assert any(case.filename in x for x in lines), stderr
        if case.message:
            assert case.message in stderr.lower(), stderr
    elif case.expect == OK:
        assert code == 0, stderr
    if case.warning:
        # read only after saying so: a line on stderr names what was read from outside
        assert code == 2 or case.warning in stderr.lower(), stderr
        return
    produced = stdout + (_pdf_text(out) if out.exists() else "")
    assert SECRET not in produced
    assert "root:x:0:0" not in produced


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def teardown_module() -> None:
    report = os.environ.get("BRIEFGEN_RELIABILITY_REPORT")
    if report and RESULTS:
        Path(report).write_text(json.dumps(RESULTS, indent=1), encoding="utf-8")
