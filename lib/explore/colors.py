"""Zone colours on charts: fixed for the zones `data/rules/zone_colors.json` lists, else chosen from its
palette by the zone's name, so a zone keeps its colour whatever other zones are added."""

from __future__ import annotations

import hashlib

from lib import config
from lib.core import rulefiles

#: How a report with no zone is named on charts.
UNKNOWN_ZONE = "未识别区域"


def zone_colors(zones) -> dict[str, str]:
    """A colour per zone that never changes with the other zones: fixed in data/rules/zone_colors.json, or
    chosen from the palette by the zone's name (a stable hash, not a position in a list)."""
    spec = _color_rules()
    fixed = spec["fixed"]
    palette = [c for c in spec["palette"] if c not in set(fixed.values())] or list(spec["palette"])
    colors = {
        z: fixed.get(z) or palette[int(hashlib.sha1(z.encode("utf-8")).hexdigest(), 16) % len(palette)]
        for z in zones
    }
    colors[UNKNOWN_ZONE] = spec["unknown"]
    return colors


def _color_rules() -> dict:
    return rulefiles.compiled(
        lambda content: rulefiles.json_rules(content, name="zone_colors.json"),
        config.rule_file("zone_colors.json"),
    )
