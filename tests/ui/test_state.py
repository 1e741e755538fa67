"""ui.state's process settings for the server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux process setting")
def test_the_server_takes_ordinary_pages_not_huge_ones():
    """Transparent huge pages are off once ui.state is imported: a 2 MB page is resident whole, and Arrow's
    arena held 82 MB resident for 6 MB allocated (docs/BENCHMARKS.md)."""
    from ui import state

    status = Path("/proc/self/status").read_text()
    if state._LIBC is None or "THP_enabled" not in status:
        pytest.skip("no glibc, or a kernel that does not report it")
    assert "THP_enabled:\t0" in status.replace(" ", "")
