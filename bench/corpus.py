"""Varied corpora for the benchmarks: no two files alike (copies of one file hit caches and flatter the
figures). Run: .venv/bin/python bench/corpus.py OUT_DIR --mb 10 [--seed 7]

Each file is one of the shipped reports (or of the evaluation reports under data/eval/) with
- its zone names swapped for one of 50 real national zones (the same zone throughout the file);
- every Arabic number changed to another of the same size (years to another year);
- its body paragraphs shuffled and about a fifth of them left out.
The output depends only on the seed and the size, so runs are repeatable.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "data" / "articles", ROOT / "data" / "eval" / "reports")

#: Fifty real national development zones, by the short names reports use.
ZONES = (
    "中关村科技园区",
    "天津滨海高新区",
    "石家庄高新区",
    "保定高新区",
    "太原高新区",
    "包头稀土高新区",
    "沈阳高新区",
    "大连高新区",
    "长春高新区",
    "哈尔滨高新区",
    "张江高新区",
    "南京高新区",
    "无锡高新区",
    "常州高新区",
    "苏州高新区",
    "杭州高新区",
    "宁波高新区",
    "合肥高新区",
    "芜湖高新区",
    "福州高新区",
    "厦门火炬高新区",
    "南昌高新区",
    "济南高新区",
    "青岛高新区",
    "郑州高新区",
    "洛阳高新区",
    "东湖高新区",
    "长沙高新区",
    "株洲高新区",
    "广州高新区",
    "深圳高新区",
    "南宁高新区",
    "桂林高新区",
    "海口高新区",
    "重庆高新区",
    "成都高新区",
    "绵阳高新区",
    "昆明高新区",
    "西安高新区",
    "宝鸡高新区",
    "兰州高新区",
    "银川高新区",
    "乌鲁木齐高新区",
    "青岛经开区",
    "广州经开区",
    "天津经开区",
    "北京经开区",
    "昆明经开区",
    "西宁经开区",
    "合肥经开区",
)
#: The zone names of the shipped reports (long forms first), replaced by the chosen zone.
RE_ZONE = re.compile(r"(?:昆山|苏州|嘉兴|贵阳|秀洲)(?:国家)?(?:高新技术产业开发区|高新区|工业园区|园区)")
RE_NUMBER = re.compile(r"(?<![0-9.])\d+(?:\.\d+)?(?![0-9.])")


def _number(m: re.Match, rng: random.Random) -> str:
    text = m.group(0)
    if re.fullmatch(r"(19|20)\d\d", text):
        return str(rng.randint(2012, 2025))
    if "." in text:
        whole, frac = text.split(".")
        return f"{rng.uniform(0.5, 1.5) * float(text):.{len(frac)}f}"
    value = max(1, round(int(text) * rng.uniform(0.5, 1.5)))
    return str(value)


def vary(text: str, rng: random.Random) -> str:
    """One varied copy of a report's text."""
    zone = rng.choice(ZONES)
    text = RE_ZONE.sub(zone, text)
    text = RE_NUMBER.sub(lambda m: _number(m, rng), text)
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    head_end = next((i for i, b in enumerate(blocks) if len(b) > 60), len(blocks))
    head, body = blocks[:head_end], blocks[head_end:]
    rng.shuffle(body)
    kept = [b for b in body if rng.random() > 0.2] or body[:1]
    return "\n\n".join([*head, *kept]) + "\n"


def sources() -> list[str]:
    return [p.read_text(encoding="utf-8") for d in SOURCES if d.is_dir() for p in sorted(d.glob("*.txt"))]


def write_corpus(target: Path, mb: float, *, seed: int = 7) -> tuple[int, int]:
    """Writes about `mb` MB of varied reports into `target`; returns (bytes, files)."""
    rng = random.Random(seed)
    texts = sources()
    target.mkdir(parents=True, exist_ok=True)
    size, n = 0, 0
    while size < mb * 1_000_000:
        body = vary(rng.choice(texts), rng)
        (target / f"report_{n:06d}.txt").write_text(body, encoding="utf-8")
        size += len(body.encode("utf-8"))
        n += 1
    return size, n


def corpus_folder(given: Path | None, mb: float, tmp: Path) -> Path:
    """The benchmarks' corpus: the folder given with --corpus, else a varied corpus of `mb` MB in `tmp`."""
    if given is not None:
        return given.resolve()
    write_corpus(tmp / "corpus", mb)
    return tmp / "corpus"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    size, n = write_corpus(args.out, args.mb, seed=args.seed)
    print(f"{n} reports, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
