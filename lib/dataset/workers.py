"""The analysis of many files, each result given back in the order the files were added: by worker
processes, one per CPU, when there is enough work for them, else in this process (lib.dataset.build).

The workers start as soon as the files added so far are enough work, so that they analyse while the build
process is still reading and hashing the rest (at 100 MB, 49,000 files: about 3 s). Files go to a worker a
batch at a time, one message each way per batch instead of per file: the build process's pickling,
signalling and unpickling per message is its own CPU time, taken from the two workers on two cores.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

#: Files are analysed by worker processes (one per CPU) when they add up to at least this many bytes;
#: for less, starting the workers costs more than they save.
PARALLEL_MIN_BYTES = 128 * 1024
#: A batch sent to a worker: this many files, or fewer that add up to BATCH_BYTES (a few tens of
#: milliseconds of work: the last batches still spread over the workers).
BATCH_FILES = 16
BATCH_BYTES = 64 * 1024


@dataclass(frozen=True)
class Job:
    """One file to analyse."""

    data: bytes
    name: str
    origin: str


class Analyser:
    """`analyse(job)` of every job added, given back in order by `results()`. Jobs are sent to worker
    processes, forked once the jobs so far are at least PARALLEL_MIN_BYTES and as many as the CPUs (or,
    for fewer, at `results()`); `prepare` runs before forking, so that the workers share what it loads.
    A job whose worker died (killed, out of memory) is analysed here. Use as a context manager: leaving
    it ends the workers."""

    def __init__(self, analyse: Callable[[Job], Any], *, prepare: Callable[[], None]) -> None:
        self.analyse, self.prepare = analyse, prepare
        self.pool: ProcessPoolExecutor | None = None
        self.waiting: list[Job] = []  # added, not yet sent
        self.waiting_bytes = 0
        self.sent: deque[tuple[list[Job], Future | None]] = deque()

    def __enter__(self) -> Analyser:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def add(self, job: Job) -> None:
        self.waiting.append(job)
        self.waiting_bytes += len(job.data)
        if self.pool is not None:
            if len(self.waiting) >= BATCH_FILES or self.waiting_bytes >= BATCH_BYTES:
                self._send()
        elif len(self.waiting) >= _cpu_count() and self._worth_workers(_cpu_count()):
            self._start(_cpu_count())

    def results(self) -> Iterator[Any]:
        """The result of every job added, in order (once, after the last `add`)."""
        workers = min(_cpu_count(), len(self.waiting))
        if self.pool is None and self._worth_workers(workers):
            self._start(workers)
        if self.pool is None:
            for job in self.waiting:
                yield self.analyse(job)
            return
        self._send()
        while self.sent:
            jobs, future = self.sent.popleft()  # a batch's results are let go once the caller has them
            try:
                results = future.result()
            except Exception:  # noqa: BLE001 - the worker died: analyse the batch here
                results = [self.analyse(job) for job in jobs]
            del future
            yield from results

    def _worth_workers(self, workers: int) -> bool:
        return workers >= 2 and self.waiting_bytes >= PARALLEL_MIN_BYTES and _can_fork()

    def _start(self, workers: int) -> None:
        self.prepare()
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=mp.get_context("fork"),
            initializer=_die_with_parent,
            initargs=(os.getpid(),),
        )
        self._send()

    def _send(self) -> None:
        """The waiting jobs to the workers, in batches."""
        batch: list[Job] = []
        size = 0
        for job in self.waiting:
            batch.append(job)
            size += len(job.data)
            if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
                self.sent.append((batch, self.pool.submit(_analyse_batch, self.analyse, batch)))
                batch, size = [], 0
        if batch:
            self.sent.append((batch, self.pool.submit(_analyse_batch, self.analyse, batch)))
        self.waiting, self.waiting_bytes = [], 0


def _analyse_batch(analyse: Callable[[Job], Any], jobs: list[Job]) -> list:
    """In a worker: the results of a batch of jobs."""
    return [analyse(job) for job in jobs]


def _die_with_parent(parent: int) -> None:
    """In a worker: be killed when the process that started the build dies (kill -9 included), instead of
    waiting forever with its memory (Linux; elsewhere the pool's own shutdown is all there is)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _can_fork() -> bool:
    """Whether worker processes can be forked here: not on Windows, nor from a daemon process, nor from a
    process running other threads (the Streamlit server): a fork copies locks another thread may hold."""
    return (
        "fork" in mp.get_all_start_methods()
        and not mp.current_process().daemon
        and threading.active_count() == 1
    )


def _cpu_count() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
