"""The analysis of many files by worker processes: results in the order added, however they are batched,
started early or lost with a dying worker."""

from __future__ import annotations

import os

import pytest

from lib.dataset import workers

PARENT = os.getpid()


def _described(job: workers.Job) -> tuple[str, int, int]:
    """A job's name and size, and whether a worker process (not this one) made the result."""
    return job.name, len(job.data), int(os.getpid() != PARENT)


def _dies_in_a_worker(job: workers.Job) -> tuple[str, int, int]:
    if job.name == "file-5" and os.getpid() != PARENT:
        os._exit(1)  # a worker killed (out of memory, say) in the middle of a batch
    return _described(job)


def _jobs(n: int) -> list[workers.Job]:
    return [workers.Job(data=b"x" * (i + 1), name=f"file-{i}", origin="shipped") for i in range(n)]


@pytest.fixture
def pooled(monkeypatch):
    """Workers for any amount of work, two of them, three files to a batch."""
    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 1)
    monkeypatch.setattr(workers, "BATCH_FILES", 3)
    monkeypatch.setattr(workers, "_cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "_can_fork", lambda: True)


def test_results_come_back_in_order_from_workers_started_while_files_are_added(pooled):
    prepared = []
    with workers.Analyser(_described, prepare=lambda: prepared.append(True)) as analyser:
        for n, job in enumerate(_jobs(10)):
            analyser.add(job)
            assert (analyser.pool is not None) == (n >= 1)  # as soon as there is a job per worker
        results = list(analyser.results())
    assert [(name, size) for name, size, _ in results] == [(f"file-{i}", i + 1) for i in range(10)]
    assert {by_worker for *_, by_worker in results} == {1}
    assert prepared == [True]  # once, before forking


def test_a_batch_lost_with_its_worker_is_analysed_here(pooled):
    with workers.Analyser(_dies_in_a_worker, prepare=lambda: None) as analyser:
        for job in _jobs(10):
            analyser.add(job)
        results = list(analyser.results())
    assert [name for name, *_ in results] == [f"file-{i}" for i in range(10)]
    assert results[5] == ("file-5", 6, 0)


def test_little_work_is_done_here(monkeypatch):
    monkeypatch.setattr(workers, "_cpu_count", lambda: 2)
    with workers.Analyser(_described, prepare=lambda: pytest.fail("nothing to prepare")) as analyser:
        for job in _jobs(3):  # 6 bytes: not worth forking
            analyser.add(job)
        results = list(analyser.results())
        assert analyser.pool is None
    assert results == [(f"file-{i}", i + 1, 0) for i in range(3)]
