"""Whether anything in a few folders may have changed since the last time it was asked, without listing
them: the kernel's file notifications (Linux inotify, through ctypes) are read without waiting, so the
answer costs a system call, not a stat of every file (49,000 files: 0.2 s on every page rerun).

A write, a touch, a file created, deleted or renamed in a watched folder, and the folder itself deleted or
moved, are queued by the kernel before the call that made them returns: an edit made before `changed()` is
always seen. Where the kernel cannot tell (no inotify, a watch refused, a network or FUSE file system whose
other side writes without the kernel knowing, a folder holding symbolic links), `changed()` is always True
and the caller lists the folders as it would without a watch.

Why not watchdog (installed with Streamlit): its observers read the notifications on threads of their own,
so an edit made just before `changed()` may not have been read yet (118 of 200 touches in a test); making
its reader answer in order (branch watch, 2026-11-30) took a private reader class, a marker file and a wait
for its thread: 41-46 ms per call when other Python threads are busy, against 0.01 ms here. The kernel's
inotify calls used here are a stable interface.
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Iterable
from pathlib import Path

#: inotify's flags (linux/inotify.h): what a write, touch, create, delete or rename in a folder raises.
_IN_MODIFY, _IN_ATTRIB, _IN_CLOSE_WRITE = 0x2, 0x4, 0x8
_IN_MOVED_FROM, _IN_MOVED_TO, _IN_CREATE, _IN_DELETE = 0x40, 0x80, 0x100, 0x200
_IN_DELETE_SELF, _IN_MOVE_SELF = 0x400, 0x800
_MASK = (
    _IN_MODIFY
    | _IN_ATTRIB
    | _IN_CLOSE_WRITE
    | _IN_MOVED_FROM
    | _IN_MOVED_TO
    | _IN_CREATE
    | _IN_DELETE
    | _IN_DELETE_SELF
    | _IN_MOVE_SELF
)
_IN_NONBLOCK, _IN_CLOEXEC = 0o4000, 0o2000000
#: File systems whose every change goes through this kernel, so that its notifications are complete
#: (a network share, FUSE or a VM's shared folder can change without it: never trusted).
LOCAL_FILE_SYSTEMS = frozenset(
    {"ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "f2fs", "reiserfs", "jfs", "bcachefs"}
)


def _inotify():
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except (OSError, TypeError):  # Windows has no process-wide C library to open by None
        return None
    return libc if hasattr(libc, "inotify_init1") and hasattr(libc, "inotify_add_watch") else None


_LIBC = _inotify()


def file_system(path: Path, mountinfo: Path = Path("/proc/self/mountinfo")) -> str:
    """The type of the file system `path` is on ("ext4", "nfs", "fuse.sshfs" …), "" when unknown."""
    try:
        real, lines = os.path.realpath(path), mountinfo.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    for line in lines:
        left, _, right = line.partition(" - ")
        fields = left.split()
        if len(fields) < 5 or not right:
            continue
        point = fields[4].replace("\\040", " ")
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, right.split()[0]
    return kind


class FolderWatch:
    """Watches `folders` (each may be missing, or appear later). Not safe to share between threads
    without a lock of the caller's."""

    def __init__(self, folders: Iterable[Path]) -> None:
        self.folders = tuple(folders)
        self._fd: int | None = None
        self._watched: set[Path] = set()
        self._trusted = _LIBC is not None and all(
            file_system(f) in LOCAL_FILE_SYSTEMS for f in self.folders if f.exists()
        )
        if self._trusted:
            fd = _LIBC.inotify_init1(_IN_NONBLOCK | _IN_CLOEXEC)
            self._fd, self._trusted = (fd, True) if fd >= 0 else (None, False)
        self._first = True

    def changed(self, *, has_links: bool = False) -> bool:
        """Whether something in the folders may have changed since the last call: True the first time,
        after any notification, when a folder appeared, and always where notifications are not complete
        (`has_links`: the caller found symbolic links in the folders, whose targets are not watched)."""
        if not self._trusted or has_links:
            self._first = True  # the watch may have missed what changed while it was not trusted
            return True
        drained = self._drain()
        existing = {f for f in self.folders if f.is_dir()}
        changed = drained or self._first or existing != self._watched
        if changed:  # (again) on every folder there is: one may have been deleted and made anew
            for folder in existing:
                if _LIBC.inotify_add_watch(self._fd, os.fsencode(folder), _MASK) < 0:
                    self._trusted = False  # e.g. the system's limit of watches reached
            self._watched = existing
        self._first = False
        return changed

    def _drain(self) -> bool:
        """Reads every queued notification; whether there was one."""
        got = False
        while True:
            try:
                got |= bool(os.read(self._fd, 1 << 16))
            except BlockingIOError:
                return got
            except OSError:  # the descriptor went bad: never trust it again
                self._trusted = False
                return True

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd, self._trusted = None, False

    def __del__(self) -> None:
        self.close()


_watches: dict[tuple[Path, ...], FolderWatch] = {}
_watches_lock = threading.Lock()


def watch_of(folders: tuple[Path, ...]) -> FolderWatch:
    """The process's one watch, of these folders: asking for other folders (a test, a setting that moved
    them) closes the last watch and starts a new one."""
    with _watches_lock:
        watch = _watches.get(folders)
        if watch is None:
            for old in _watches.values():
                old.close()
            _watches.clear()
            watch = _watches[folders] = FolderWatch(folders)
        return watch
