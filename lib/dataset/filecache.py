"""The per-file cache: each file's rows, as JSON, under its key (lib.dataset.store makes the key of the
file's bytes, every rule and lexicon file and the code), in one SQLite file of the cache folder. The rows
are laid out by lib.dataset.build (`store_rows`: lists in column order, not dicts), which checks them when
read back.

One file, not one per report: a 100 MB corpus is 49,000 reports, and creating that many small files cost
the build's workers 0.05–0.9 ms of system time each on this machine's file system (ext4 mounted with
discard: up to 45 s of the two workers' CPU at 100 MB, depending on what the disk did before), against
0.03 ms as a row of one table. The rows stay JSON, never pickle: nothing in the cache runs code when read.

Any process may read and write it at once (the app's server, a command-line build): a write-ahead journal
lets readers go on while one writer commits, and a writer waits its turn. A build writes from its own
process only, many files per transaction (`put_many`), never from its workers: two workers committing a
file each in turn kept colliding on the one write lock (SQLite's busy wait sleeps 1 ms and more), and each
commit of one made the other's page cache stale, to be read again. Like the
dataset's files, it is derived data (no sync to disk: an interrupted machine may lose the last entries, and
a database that turns out damaged is set aside as `*.damaged` and started afresh).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

#: The database in the cache folder.
FILE_NAME = "files.sqlite"
#: How long a writer waits for another process's commit before giving up (the entry is then not cached).
BUSY_SECONDS = 30
#: A new database's page size, the largest SQLite has: an entry (9 KB on average) fits in one page
#: instead of a chain of overflow pages (set when the file is made; an older database keeps its own).
PAGE_BYTES = 65536
#: The table, with a row id: its entries are appended, and only the index of the keys is kept in key
#: order (a table WITHOUT ROWID keeps the entries themselves in key order, moving them about on each
#: insert: 2.5 times the CPU to write and 3 times to read; an older database keeps its table).
CREATE_TABLE = "CREATE TABLE IF NOT EXISTS rows (key TEXT PRIMARY KEY, json BLOB NOT NULL)"

#: Open connections by (process, thread, database): a connection is never used by another thread, nor in a
#: process forked after it was opened (the build's workers open their own).
_connections: dict[tuple[int, int, str], sqlite3.Connection] = {}
_lock = threading.Lock()


def keys(cache_dir: Path) -> set[str]:
    """The keys of every entry (one query: the build asks for each file whether it is cached)."""
    return _query(cache_dir, "SELECT key FROM rows", (), lambda cur: {k for (k,) in cur})


def get(cache_dir: Path, key: str, valid: Callable[[object], bool]) -> object | None:
    """One file's entry, or None when absent or not `valid` (damaged, or laid out by other code: removed)."""
    found = _query(cache_dir, "SELECT json FROM rows WHERE key = ?", (key,), lambda cur: next(cur, None))
    if not found:
        return None
    try:
        entry = json.loads(found[0])
    except (ValueError, TypeError):
        entry = None
    ok = entry is not None and valid(entry)
    if not ok:
        _execute(cache_dir, "DELETE FROM rows WHERE key = ?", [(key,)])
    return entry if ok else None


def put(cache_dir: Path, key: str, entry: object) -> None:
    """Stores one file's entry, any JSON value (numpy numbers as Python numbers, tuples and sets as lists)."""
    put_many(cache_dir, [(key, entry)])


def put_many(cache_dir: Path, entries: list[tuple[str, object]]) -> None:
    """Stores many files' entries (key, entry) in one transaction, as `put` stores one."""
    rows = [
        (key, json.dumps(entry, ensure_ascii=False, default=_plain, allow_nan=True).encode("utf-8"))
        for key, entry in entries
    ]
    if rows:
        _execute(cache_dir, "INSERT OR REPLACE INTO rows (key, json) VALUES (?, ?)", rows)


def _plain(value):
    if hasattr(value, "item"):  # a numpy scalar
        return value.item()
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not a value a row may hold")


def _query(cache_dir: Path, sql: str, args: tuple, read):
    """`read(cursor)` of a query, or of nothing (`read(iter(()))`) when the database cannot be read: then
    nothing is cached (a damaged one is set aside)."""
    try:
        return read(_connection(cache_dir).execute(sql, args))
    except (sqlite3.OperationalError, OSError):  # locked past BUSY_SECONDS, an unreadable folder
        return read(iter(()))
    except sqlite3.DatabaseError:  # not a database (any more)
        _set_aside(cache_dir)
        return read(iter(()))


def _execute(cache_dir: Path, sql: str, rows: list[tuple]) -> None:
    """The statement for each row, in one transaction; nothing when the database cannot be written."""
    try:
        with _connection(cache_dir) as con:
            con.executemany(sql, rows)
    except (sqlite3.OperationalError, OSError):  # locked past BUSY_SECONDS, read-only, disk full
        pass
    except sqlite3.DatabaseError:
        _set_aside(cache_dir)


def _connection(cache_dir: Path) -> sqlite3.Connection:
    path = str(cache_dir / FILE_NAME)
    who = (os.getpid(), threading.get_ident(), path)
    con = _connections.get(who)
    if con is None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, timeout=BUSY_SECONDS)
        try:
            con.execute(f"PRAGMA page_size={PAGE_BYTES}")  # before the journal mode: a new file only
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=OFF")
            con.execute(CREATE_TABLE)
        except sqlite3.Error:
            con.close()
            raise
        with _lock:
            _connections[who] = con
    return con


def close_all() -> None:
    """Closes this process's connections. Run before every fork: a connection must never be carried into
    a forked process (SQLite's rule), so the build's workers open their own."""
    with _lock:
        mine = [who for who in _connections if who[0] == os.getpid()]
        for who in mine:
            try:
                _connections.pop(who).close()
            except sqlite3.Error:
                pass


os.register_at_fork(before=close_all)


def _set_aside(cache_dir: Path) -> None:
    """Closes this process's connections to a damaged database and renames it (and its journal) aside."""
    path = str(cache_dir / FILE_NAME)
    close_all()
    stamp = time.strftime("%Y%m%d%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        try:
            os.replace(path + suffix, f"{path}{suffix}.{stamp}.damaged")
        except OSError:
            pass
