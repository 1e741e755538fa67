"""The per-file budget: work runs in a worker process, and work past its time or memory budget is stopped
with a reason, the next call getting a fresh worker (lib.core.budget)."""

from __future__ import annotations

import os
import time

import pytest

from lib import config
from lib.core.budget import BudgetExceeded, run_bounded, shutdown


@pytest.fixture(autouse=True)
def _fresh_worker():
    yield
    shutdown()


def test_the_work_runs_in_another_process_and_its_result_and_errors_come_back():
    assert run_bounded(os.getpid) != os.getpid()
    assert run_bounded(len, "园区党建") == 4
    with pytest.raises(ValueError):
        run_bounded(int, "不是数字")


def test_work_past_its_time_is_stopped_and_the_next_call_works():
    started, heard = time.monotonic(), []
    with pytest.raises(BudgetExceeded, match="秒"):
        run_bounded(time.sleep, 30, seconds=1, on_wait=heard.append)
    assert time.monotonic() - started < 20  # stopped, not waited for
    assert heard and all(0 <= s <= 1.5 for s in heard)  # the caller heard how long it had taken
    assert run_bounded(len, "abc") == 3


def test_work_past_its_memory_is_stopped_and_the_next_call_works():
    with pytest.raises(BudgetExceeded, match="MB"):
        run_bounded(bytearray, 2_000_000_000, memory_mb=200)
    assert run_bounded(len, bytearray(50_000_000)) == 50_000_000  # within the budget: fine


def test_a_warm_up_that_fails_leaves_the_worker_to_do_the_work():
    from functools import partial

    # a broken rule file fails the warm-up first: the work must still run, and report the fault itself
    assert run_bounded(len, "abc", warm=partial(int, "不是数字")) == 3
    with pytest.raises(ValueError):
        run_bounded(int, "不是数字", warm=partial(int, "不是数字"))


def test_the_worker_reads_the_callers_paths(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "LIBRARY_DIR", tmp_path / "library")
    assert run_bounded(config.user_lexicon_dir) == tmp_path / "library" / "lexicon"


def test_the_worker_outlives_the_thread_that_started_it():
    # a Streamlit script thread ends after every run: the worker must not die with it
    import threading

    first: list[int] = []
    thread = threading.Thread(target=lambda: first.append(run_bounded(os.getpid)))
    thread.start()
    thread.join()
    time.sleep(1.5)
    assert run_bounded(os.getpid) == first[0]


def test_the_worker_exits_when_its_parent_is_killed(tmp_path):
    import signal
    import subprocess
    import sys
    from pathlib import Path

    pid_file = tmp_path / "worker.pid"
    code = (
        "import os, time\n"
        "from lib.core.budget import run_bounded\n"
        "if __name__ == '__main__':\n"
        f"    open({str(pid_file)!r}, 'w').write(str(run_bounded(os.getpid)))\n"
        "    time.sleep(60)\n"
    )
    script = tmp_path / "parent.py"
    script.write_text(code, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    parent = subprocess.Popen(
        [sys.executable, str(script)], cwd=root, env={**os.environ, "PYTHONPATH": str(root)}
    )
    deadline = time.monotonic() + 60
    while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
        time.sleep(0.1)
    worker = int(pid_file.read_text())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 15
    while Path(f"/proc/{worker}").exists() and "Z" not in _state(worker):
        assert time.monotonic() < deadline, "the worker outlived its killed parent"
        time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return next(x for x in open(f"/proc/{pid}/status").read().splitlines() if x.startswith("State:"))
    except (OSError, StopIteration):
        return "Z"
