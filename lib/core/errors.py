"""The errors ZoneLens raises for input it cannot use. Every message is Chinese and names the file."""

from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be read as an article: `str(err)` is `文件 <name>：<reason>`."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(name, reason)
        self.name = name
        self.reason = reason

    def __str__(self) -> str:
        from lib.core.safety import display_name

        return f"文件 {display_name(self.name)}：{self.reason}"


class RuleFileError(ValueError):
    """A rule or lexicon file that cannot be used (bad JSON, a bad pattern): names the file and the fault."""
