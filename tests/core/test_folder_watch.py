"""The folder watch: every change in a watched folder is seen by the next call, nothing else is, and where
the kernel cannot tell, every call says "changed"."""

from __future__ import annotations

import os
import sys

import pytest

from lib.core import folder_watch
from lib.core.folder_watch import FolderWatch, file_system, watch_of

linux_only = pytest.mark.skipif(
    folder_watch._LIBC is None or not sys.platform.startswith("linux"), reason="inotify is Linux's"
)


@pytest.fixture
def watched(tmp_path, monkeypatch):
    """A folder with two files, watched as if on a local file system (the test's may be anything)."""
    monkeypatch.setattr(folder_watch, "file_system", lambda path: "ext4")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("开发区党工委。", encoding="utf-8")
    (folder / "b.txt").write_text("党建联建。", encoding="utf-8")
    watch = FolderWatch([folder, tmp_path / "library", tmp_path / "library" / "texts"])
    assert watch.changed()  # the first call
    assert not watch.changed()
    yield folder, watch
    watch.close()


def _same_size_edit(path):
    path.write_text(path.read_text(encoding="utf-8").replace("。", "！"), encoding="utf-8")


def _touch(path):
    os.utime(path, ns=(1, 1))


def _add(path):
    (path.parent / "c.txt").write_text("新的一篇。", encoding="utf-8")


def _remove(path):
    path.unlink()


def _rename(path):
    path.rename(path.with_name("renamed.txt"))


@linux_only
@pytest.mark.parametrize("change", [_same_size_edit, _touch, _add, _remove, _rename])
def test_every_change_in_a_folder_is_seen_once(watched, change):
    folder, watch = watched
    change(folder / "a.txt")
    assert watch.changed()
    assert not watch.changed()


@linux_only
def test_reading_a_file_is_no_change(watched):
    folder, watch = watched
    assert (folder / "a.txt").read_bytes()
    assert not watch.changed()


@linux_only
def test_a_folder_made_later_and_its_files_are_watched(watched, tmp_path):
    _, watch = watched
    (tmp_path / "library" / "texts").mkdir(parents=True)
    assert watch.changed()
    assert not watch.changed()
    (tmp_path / "library" / "texts" / "x.txt").write_text("上传的文章。", encoding="utf-8")
    assert watch.changed()


@linux_only
def test_a_folder_deleted_and_made_anew_is_watched_again(watched):
    folder, watch = watched
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
    folder.mkdir()
    assert watch.changed()
    assert not watch.changed()
    (folder / "d.txt").write_text("又一篇。", encoding="utf-8")
    assert watch.changed()


def test_without_complete_notifications_every_call_is_a_change(tmp_path, monkeypatch):
    monkeypatch.setattr(folder_watch, "file_system", lambda path: "nfs")  # another machine may write
    watch = FolderWatch([tmp_path])
    assert all(watch.changed() for _ in range(3))
    monkeypatch.setattr(folder_watch, "file_system", lambda path: "ext4")
    monkeypatch.setattr(folder_watch, "_LIBC", None)  # no inotify (macOS, Windows)
    watch = FolderWatch([tmp_path])
    assert all(watch.changed() for _ in range(3))


@linux_only
def test_symbolic_links_make_every_call_a_change(watched):
    _, watch = watched
    assert watch.changed(has_links=True) and watch.changed(has_links=True)
    assert watch.changed()  # the first trusted call after them: something may have changed meanwhile
    assert not watch.changed()


def test_the_file_system_of_a_path_is_that_of_its_longest_mount_point(tmp_path):
    mountinfo = tmp_path / "mountinfo"
    mountinfo.write_text(
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "40 22 0:35 / /mnt/share rw,relatime shared:2 - nfs4 server:/x rw\n"
        "41 22 0:36 / /mnt/share\\040two rw - fuse.sshfs host: rw\n",
        encoding="utf-8",
    )
    assert file_system(tmp_path / "missing" / "x", mountinfo) == "ext4"
    assert file_system("/mnt/share/corpus", mountinfo) == "nfs4"
    assert file_system("/mnt/sharer", mountinfo) == "ext4"
    assert file_system("/mnt/share two/a", mountinfo) == "fuse.sshfs"
    assert file_system("/", tmp_path / "no-such-file") == ""


def test_one_watch_per_process_replaced_when_the_folders_move(tmp_path):
    first = watch_of((tmp_path / "a",))
    assert watch_of((tmp_path / "a",)) is first
    second = watch_of((tmp_path / "b",))
    assert second is not first and first._fd is None  # closed
