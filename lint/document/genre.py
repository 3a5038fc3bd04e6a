"""What kind of report a document is: from its title, then its file name, then its opening words.

The kinds decide which sections a report must have and which style rules apply (rules/*.yaml
declare it per kind). A README or a CHANGELOG is no report; where nothing tells, the kind is
unknown ("") and the kind-bound rules say nothing.
"""
from __future__ import annotations

import os
import re

# Each kind with the wordings that name it, most specific first: 年度工作计划 is a plan, not an
# annual summary; 述职报告 is a debrief, not a report; 政府工作报告 is neither.
KINDS: tuple[tuple[str, str, str], ...] = (
    ("none", "非报告", r"^(?:readme|changelog|changes|history|license|licence|copying|contributing|authors|notice)$"),
    ("government", "政府工作报告", r"政府工作报告|向大会报告政府工作"),
    ("weekly", "周报", r"周报|周总结|周工作(?:总结|汇报|小结)|周计划|每周工作|工作周记"),
    ("monthly", "月报", r"月报|月度(?:工作)?总结|月工作(?:总结|汇报)"),
    ("daily", "日报", r"日报|日工作总结|工作日志"),
    ("project", "项目报告", r"中期报告|开题报告|结项报告|结题报告|中期检查|项目进展报告"),
    ("debrief", "述职报告", r"述职"),
    ("internship", "实习总结", r"实习(?:总结|报告|小结)|试用期(?:工作)?总结|转正(?:总结|申请)"),
    ("briefing", "工作汇报", r"工作汇报|汇报$"),
    ("summary", "工作总结", r"(?:工作|年度|年终|半年|季度|阶段|个人|年中)总结|总结$|(?<!政府)工作报告$"),
    ("plan", "工作计划", r"计划$|工作要点$|工作安排$|工作打算$|工作思路$|工作计划"),
)
_COMPILED = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, _, pattern in KINDS)
NAMES = {name: label for name, label, _ in KINDS}
_TITLE_NOISE = re.compile(r"[#*_\s\u3000：:]")


def genre_of(title: str, path: str, opening: str) -> str:
    """The kind of report titled `title`, stored at `path`, opening with `opening` ("" when unknown)."""
    name = os.path.splitext(os.path.basename(path))[0]
    for source in (_TITLE_NOISE.sub("", title), name):
        kind = _match(source)
        if kind:
            return kind
    return "government" if _COMPILED[1][1].search(opening) else ""


def _match(source: str) -> str:
    for name, rx in _COMPILED:
        if rx.search(source):
            return name
    return ""
