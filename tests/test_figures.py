"""Figures pack (WR601–WR602): rates and totals against their own figures; the seed's correct ones stay quiet."""
from __future__ import annotations

import pytest

from conftest import SHARED

from lint.api import lint_path, lint_text

SEED = SHARED / "seed" / "000_d0edc64c5d0a0730.txt"


def _spans(text: str, code: str) -> list[str]:
    return [text[d.start:d.end] for d in lint_text(text, select=(code,)).diagnostics]


def test_seed_correct_rate_and_sum_are_not_reported():
    report = lint_path(SEED, select=("WR601", "WR602"))
    assert report.diagnostics == []
    assert "排查隐患732处,已整改649处,整改率89%" in report.source.text


def test_seed_figures_reported_once_they_are_wrong():
    text = SEED.read_text(encoding="utf-8")
    wrong = text.replace("整改率89%", "整改率80%").replace("乡村振兴项目83个", "乡村振兴项目93个")
    assert _spans(wrong, "WR601") == ["整改率80%"]
    assert _spans(wrong, "WR602") == ["277个"]


def test_examples_rate_and_sum():
    e01 = lint_path(SHARED / "examples" / "e01_county_health_2023.txt", select=("WR601",))
    assert [e01.source.text[d.start:d.end] for d in e01.diagnostics] == ["合格率95%"]
    assert "88.0%" in e01.diagnostics[0].message
    e04 = lint_path(SHARED / "examples" / "e04_county_weather_2023.txt", select=("WR602",))
    assert [e04.source.text[d.start:d.end] for d in e04.diagnostics] == ["68个"]


@pytest.mark.parametrize("text,expected", [
    ("抽查病历1,260份，合格1,109份，合格率95%。", ["合格率95%"]),
    ("抽查病历1,260份，合格1,109份，合格率88%。", []),
    ("受理诉求1.26万件，办结1.05万件，办结率99%。", ["办结率99%"]),
    ("受理诉求1.2万件，办结1.19万件，办结率99%。", []),          # 1.19/1.2 within rounding
    ("调处纠纷36起，调解成功34起，调解成功率94.4%。", []),
    ("调处纠纷36起，调解成功34起，调解成功率94%。", []),          # truncated, not wrong
    ("检查企业120家，发现问题45个，已整改40个，整改率70%。", ["整改率70%"]),
    ("发现隐患45个，已整改40家，整改率70%。", []),               # units differ
    ("全县18个乡镇卫生院中有15个达标，合格率70%。", []),          # stem 合格 not attached to 15个
    ("营业收入120亿元，同比增长12亿元，增长率8%。", []),
    ("床位3860张，其中护理型床位2316张，占比70%。", ["占比70%"]),
    ("床位3860张，护理型床位2316张，占比70%。", []),              # 占比 needs 其中
    ("新纳统项目144个，其中工业项目59个，总投资XX亿元、投资额占73%。", []),
])
def test_rate_mismatch(text, expected):
    assert _spans(text, "WR601") == expected


@pytest.mark.parametrize("text,expected", [
    ("总数达到68个，其中两要素站32个、四要素站24个、六要素站16个，覆盖率100%。", ["68个"]),
    ("总数达到72个，其中两要素站32个、四要素站24个、六要素站16个，覆盖率100%。", []),
    ("完成投资2.86亿元，其中主网投资1.12亿元、配网投资1.74亿元。", []),
    ("完成投资2.86亿元，其中主网投资1.12亿元、配网投资1.94亿元。", ["2.86亿元"]),
    ("引进人才1.26万人，其中本科生6800人、研究生5800人。", []),
    ("引进人才1.26万人，其中本科生6800人、研究生5900人。", ["1.26万人"]),
    ("共有人员1,260人，其中男职工700人、女职工600人。", ["1,260人"]),
    ("新纳统项目144个，其中工业项目59个、服务业项目40个。", []),  # may be non-exhaustive
    ("登记社会组织412家，其中社会团体186家、其他组织206家。", ["412家"]),
    ("登记社会组织412家，其中社会团体186家、其他组织226家。", []),
    ("全区共有干部500人，其中女干部300人、党员400人。", []),      # labels differ: categories overlap
    ("保障低保对象8620人，其中城市低保对象2160人、农村低保对象6460人；新增低保对象300人。", []),
    ("共有项目50个，其中A类项目30个（含续建10个）、B类项目20个。", []),
])
def test_sum_mismatch(text, expected):
    assert _spans(text, "WR602") == expected
