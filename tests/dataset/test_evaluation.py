"""lib/dataset/evaluation.py: the scoring itself on a made-up report, and the regression floor on the real
evaluation set (data/eval/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lib import config
from lib.dataset.evaluation import evaluate, names_match, norm, report_text, totals

EVAL = config.DATA_DIR / "eval"
FLOOR = json.loads((EVAL / "floor.json").read_text(encoding="utf-8"))

REPORT = """桐庐经济开发区“三联三促”激活非公党建

发布时间：2024年05月06日

桐庐经济开发区党工委推行“三联三促”工作法，即联组织、联服务、联发展。今年以来，开发区新建非公企业党组织12个，全年走访企业300余家次。
"""


def _annotation(**changes) -> dict:
    spec = {
        "id": "x01",
        "zone": "桐庐经济开发区",
        "zone_short": "桐庐经开区",
        "zone_names_in_text": ["桐庐经济开发区", "开发区"],
        "province": "浙江省",
        "city": "杭州市",
        "title": "桐庐经济开发区“三联三促”激活非公党建",
        "year": 2024,
        "initiatives": [
            {
                "name": "三联三促",
                "kind": "counted",
                "expected_count": 3,
                "parts": ["联组织", "联服务", "联发展"],
            }
        ],
        "metrics": [
            {
                "label": "新建非公企业党组织",
                "label_any": ["党组织"],
                "value": 12,
                "unit": "个",
                "raw": "12个",
                "period": "今年以来",
                "scope": "zone",
                "sentence": "今年以来，开发区新建非公企业党组织12个，全年走访企业300余家次。",
            },
        ],
    }
    spec.update(changes)
    return spec


@pytest.fixture
def folder(tmp_path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "x01.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "splits.json").write_text(json.dumps({"test": ["x01"]}), encoding="utf-8")
    return reports


def _write(folder: Path, spec: dict) -> None:
    (folder / "x01.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")


def test_a_right_annotation_scores_full_marks(folder):
    _write(folder, _annotation())
    (score,) = evaluate(folder)
    assert score.split == "test"
    fields = score.fields
    for name in (
        "zone",
        "province",
        "city",
        "title",
        "year",
        "metric_labels",
        "metric_period",
        "metric_scope",
    ):
        assert fields[name].accuracy == 1.0, (name, score.problems)
    assert fields["initiatives"].recall == 1.0 and fields["components"].accuracy == 1.0
    assert fields["metrics"].recall == 1.0
    assert fields["metrics"].precision == 0.5  # 300余家次 is a metric the annotation leaves out
    assert any("指标误识" in p and "300" in p for p in score.problems)


def test_wrong_annotations_are_counted_and_listed(folder):
    _write(folder, _annotation(zone="富阳经济技术开发区", zone_short="", zone_names_in_text=[], year=2019))
    (score,) = evaluate(folder)
    assert score.fields["zone"].accuracy == 0.0 and score.fields["year"].accuracy == 0.0
    assert any(p.startswith("zone:") for p in score.problems)
    text = report_text([score], show=True)
    assert "x01 [test]" in text and "富阳经济技术开发区" in text


def test_a_listed_zone_is_right_by_any_of_its_listed_forms(folder):
    # the gazetteer's 嘉兴高新区 lists 秀洲国家高新区 among its aliases: an annotation by that name is the same zone
    (folder / "x01.txt").write_text(REPORT.replace("桐庐经济开发区", "秀洲国家高新区"), encoding="utf-8")
    _write(
        folder,
        _annotation(zone="嘉兴秀洲高新技术产业开发区", zone_short="", zone_names_in_text=["秀洲国家高新区"]),
    )
    (score,) = evaluate(folder)
    assert score.fields["zone"].accuracy == 1.0, score.problems
    _write(folder, _annotation(zone="嘉兴经济技术开发区", zone_short="", zone_names_in_text=[]))
    (score,) = evaluate(folder)
    assert score.fields["zone"].accuracy == 0.0  # another zone of the same city: wrong


def test_a_zone_is_right_with_its_county_written_before_it(folder):
    # the program reads 桐庐横村工业园区; the annotation names the park without its county
    (folder / "x01.txt").write_text(REPORT.replace("桐庐经济开发区", "桐庐横村工业园区"), encoding="utf-8")
    _write(folder, _annotation(zone="横村工业园区", zone_short="", zone_names_in_text=[]))
    (score,) = evaluate(folder)
    assert score.fields["zone"].accuracy == 1.0, score.problems
    _write(folder, _annotation(zone="分水工业园区", zone_short="", zone_names_in_text=[]))
    (score,) = evaluate(folder)
    assert score.fields["zone"].accuracy == 0.0  # another park of the county: wrong


def test_a_decrease_is_the_number_as_printed(folder):
    # the dataset signs a decrease (降低70元 → -70); the annotation writes the number as printed
    text = REPORT.replace("全年走访企业300余家次。", "企业物流成本每箱同比降低70元。")
    (folder / "x01.txt").write_text(text, encoding="utf-8")
    gold = {
        "label": "物流成本每箱同比降低",
        "label_any": ["物流成本"],
        "value": 70,
        "unit": "元",
        "raw": "70元",
        "period": "",
        "scope": "zone",
        "sentence": "今年以来，开发区新建非公企业党组织12个，企业物流成本每箱同比降低70元。",
    }
    _write(folder, _annotation(metrics=[gold]))
    (score,) = evaluate(folder)
    assert score.fields["metrics"].recall == 1.0, score.problems
    _write(folder, _annotation(metrics=[{**gold, "value": 7, "raw": "7元"}]))
    (score,) = evaluate(folder)
    assert score.fields["metrics"].recall == 0.0  # another number: a miss


def test_splits_come_from_the_splits_file(folder):
    _write(folder, _annotation())
    assert [s.id for s in evaluate(folder, split="test")] == ["x01"]
    assert evaluate(folder, split="dev") == []


def test_files_that_are_not_annotations_are_said_and_skipped(folder):
    _write(folder, _annotation())
    (folder / "x02.json").write_text("{ half written", encoding="utf-8")
    (folder / "x03.json").write_text(json.dumps({"id": "x03", "zone": "某某高新区"}), encoding="utf-8")
    (folder / "x03.txt").write_text(REPORT, encoding="utf-8")
    (folder / "x04.json").write_text(json.dumps(_annotation()), encoding="utf-8")  # no x04.txt
    problems: list[str] = []
    assert [s.id for s in evaluate(folder, problems=problems)] == ["x01"]
    assert [p.split("：")[0] for p in problems] == ["x02.json", "x03.json", "x04.json"]
    assert "initiatives" in problems[1] and ".txt" in problems[2]


def test_norm_compares_across_scripts_and_widths():
    assert norm("黨建“五個一”，１２個") == norm("党建五个一,12个")
    assert norm(None) == "" and norm(float("nan")) == ""


@pytest.mark.parametrize(
    ("predicted", "annotated", "same"),
    [
        ("三联三促", "三联三促", True),
        ("“三联三促”工作法", "三联三促工作法", True),
        ("三联", "三联三促工作法", False),
    ],
)
def test_names_match(predicted, annotated, same):
    assert names_match(predicted, annotated) == same


@pytest.mark.parametrize("split", ["dev", "test"])
def test_scores_stay_above_the_floor(split):
    """The regression floor: no change may lower a score on the real evaluation set (data/eval/floor.json)."""
    reached = totals(evaluate(EVAL / "reports", split=split))
    below = {}
    for key, floor in FLOOR[split].items():
        name, kind = key.split(".")
        value = getattr(reached[name], kind)
        if value is None or 100 * value < floor:
            below[key] = (None if value is None else round(100 * value, 1), floor)
    assert not below, f"scores below their floor (got, floor): {below}"
