"""Work on one file within a time and memory budget, in a worker process instead of the caller's thread.

`run_bounded(fn, *args)` runs `fn(*args)` in a long-lived worker process (started once, by spawn, so it
is safe to start from the Streamlit server's threads) and returns its result. The caller waits, but in
another process: other users' pages keep their CPU time and their interpreter lock. A call that runs
longer than its time budget has its worker killed; a call that asks for more memory than the budget
gets a MemoryError in the worker (its address space is capped), or has its worker killed by the kernel.
Either way `BudgetExceeded` says which budget was passed, and the next call gets a fresh worker. The
worker exits within a second of the process that started it dying (kill -9 included).

`fn` and its arguments must be picklable: a module-level function of `lib`. The worker is given the
caller's paths and settings (lib.config) with each call.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from lib import config

#: How often a waiting caller hears how long the work has taken (seconds).
TICK_SECONDS = 0.5
#: How often the worker checks that the process that started it is alive (seconds).
PARENT_CHECK_SECONDS = 1.0

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


class BudgetExceeded(Exception):
    """The work on a file passed its time or memory budget: `str(err)` is the Chinese reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def run_bounded(
    fn: Callable[..., Any],
    *args: Any,
    seconds: float | None = None,
    memory_mb: int | None = None,
    warm: Callable[[], Any] | None = None,
    on_wait: Callable[[float], None] | None = None,
) -> Any:
    """`fn(*args)` in the worker, within `seconds` and `memory_mb` (config.FILE_BUDGET_* by default);
    `warm()` runs once when a worker starts, outside the budget (loading dictionaries and rules);
    `on_wait(elapsed)` is called every TICK_SECONDS while it runs. Raises BudgetExceeded, or whatever
    `fn` raised."""
    seconds = config.FILE_BUDGET_SECONDS if seconds is None else seconds
    memory_mb = config.FILE_BUDGET_MB if memory_mb is None else memory_mb
    pool = _worker(memory_mb, warm)
    started = time.monotonic()
    try:
        future = pool.submit(_call, _settings(), fn, args)
        while True:
            elapsed = time.monotonic() - started
            try:
                return future.result(timeout=max(0.0, min(TICK_SECONDS, seconds - elapsed)))
            except FutureTimeout:
                elapsed = time.monotonic() - started
                if elapsed >= seconds:
                    _discard(pool)
                    raise BudgetExceeded(f"处理超过 {seconds:g} 秒，已停止（每个文件的时间上限）") from None
                if on_wait:
                    on_wait(elapsed)
    except MemoryError:
        _discard(pool)
        raise BudgetExceeded(f"处理所需内存超过 {memory_mb} MB，已停止（每个文件的内存上限）") from None
    except BrokenProcessPool:
        _discard(pool)
        raise BudgetExceeded(f"处理时工作进程被终止（可能超过 {memory_mb} MB 内存上限）") from None


def _settings() -> dict[str, Any]:
    """The caller's paths and settings (lib.config), so the worker reads the same library and rules."""
    return {k: v for k, v in vars(config).items() if k.isupper() and isinstance(v, (Path, str, int, float))}


def _call(settings: dict[str, Any], fn: Callable[..., Any], args: tuple) -> Any:
    _use(settings)
    return fn(*args)


def _use(settings: dict[str, Any]) -> None:
    """Takes the caller's paths and settings (`_settings`) in the worker."""
    for key, value in settings.items():
        setattr(config, key, value)


def shutdown() -> None:
    """Stops the worker (tests; the worker also dies with its parent)."""
    with _lock:
        pool = _pool
    if pool is not None:
        _discard(pool)


def _worker(memory_mb: int, warm: Callable[[], Any] | None) -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None or getattr(_pool, "_zonelens_setup", None) != (memory_mb, warm):
            if _pool is not None:
                _kill(_pool)
            _pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=mp.get_context("spawn"),
                initializer=_start_worker,
                initargs=(os.getpid(), memory_mb, warm, _settings()),
            )
            _pool._zonelens_setup = (memory_mb, warm)  # type: ignore[attr-defined]
            _pool.submit(int).result()  # started and warmed before any budget's clock runs
        return _pool


def _discard(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    _kill(pool)


def _kill(pool: ProcessPoolExecutor) -> None:
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _start_worker(
    parent: int, memory_mb: int, warm: Callable[[], Any] | None, settings: dict[str, Any]
) -> None:
    """In the worker: die with the parent, warm up with the caller's paths, and cap the address space at
    what the worker uses when idle plus the budget (a cap on the whole address space would count the
    libraries' own reservations). A warm-up that fails leaves the worker alive: the work meets the same
    fault (a broken rule file) and reports it, where an initializer's error would break the pool."""
    # Not PR_SET_PDEATHSIG: it fires when the *thread* that started the worker ends, and a Streamlit
    # script thread ends after every run. The worker watches its parent instead.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _use(settings)
    if warm is not None:
        try:
            warm()  # what every file needs, loaded once per worker and outside the budget
        except Exception:  # noqa: BLE001, S110 - the work raises it again, with its message
            pass
    try:
        import resource

        idle = _address_space_bytes()
        if idle:
            limit = idle + memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _address_space_bytes() -> int:
    """This process's virtual memory size (Linux /proc), 0 where unknown."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
