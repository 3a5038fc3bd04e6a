"""What --fix and --diff say they did: each file written, the fixes by code, and the unsafe ones left."""
from __future__ import annotations

from collections import Counter

from ..support.hints import TYPE_CHECKING

if TYPE_CHECKING:
    from .fixes import Fixed


def fix_lines(fixed: list[Fixed], reports, diff: bool, unsafe: bool, lang: str = "zh") -> list[str]:
    """已修复 a.txt：WR105×3 per file written, then 已修复 4 处（WR105×3，WR501×1），写入 1 个文件,
    with how many unsafe fixes --unsafe-fixes would add (`reports`: the reports after fixing)."""
    en = lang == "en"
    total = Counter()
    for f in fixed:
        total.update(f.codes)
    lines = [] if diff else [(f"Fixed {f.path}: " if en else f"已修复 {f.path}：") + _by_code(f.codes, en)
                             for f in fixed if f.written]
    count, codes = sum(total.values()), _by_code(total, en)
    if not count:
        line = "Nothing to fix automatically" if en else "没有可自动修复的问题"
    elif diff:
        line = (f"--diff: {count} fix(es) ({codes}) in {len(fixed)} file(s); no file written" if en
                else f"--diff：可修复 {count} 处（{codes}），涉及 {len(fixed)} 个文件；未写入任何文件")
    else:
        written = sum(f.written for f in fixed)
        line = (f"Fixed {count} problem(s) ({codes}), wrote {written} file(s)" if en
                else f"已修复 {count} 处（{codes}），写入 {written} 个文件")
    hidden = Counter() if unsafe else _unsafe_left(reports)
    if hidden:
        n = sum(hidden.values())
        line += (f"; {n} more with --unsafe-fixes ({_by_code(hidden, en)})" if en
                 else f"；另有 {n} 处可用 --unsafe-fixes 修复（{_by_code(hidden, en)}）")
    return lines + [line]


def _unsafe_left(reports) -> Counter:
    """The unsafe fixes offered in files --fix can rewrite (not .docx), by code."""
    return Counter(d.code for r in reports if getattr(r.source, "kind", "") != "docx"
                   for d in r.diagnostics if d.fix and d.fix.edits and not d.fix.safe)


def _by_code(codes: Counter | dict, en: bool) -> str:
    """WR105×3，WR501×1 (codes in order)."""
    return (", " if en else "，").join(f"{code}×{n}" for code, n in sorted(codes.items()))
