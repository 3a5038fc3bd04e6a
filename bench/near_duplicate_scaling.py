"""Time the near-duplicate check (WR402) on synthetic reports of 500, 5,000 and 50,000 sentences.

Sentences are drawn from a vocabulary of report phrases (so 3-grams repeat as in real reports),
five to a paragraph, with one planted near copy. Prints seconds per size and the growth factor.
Run: python bench/near_duplicate_scaling.py
"""
from __future__ import annotations

import random
import sys
import time

from lint.kinds.duplicates import NearDuplicateOptions, check_near_duplicates
from lint.outline import build_document

PHRASES = ("坚持", "推进", "加强", "完善", "落实", "深化", "提升", "健全", "统筹", "扎实开展",
           "安全生产", "营商环境", "乡村振兴", "基层治理", "公共服务", "监管执法", "队伍建设",
           "专项整治", "民生保障", "项目建设", "重点领域", "体制机制", "质量效益", "风险防控",
           "数字化", "标准化", "规范化", "高质量发展", "全覆盖", "责任体系", "考核评价", "宣传培训")


def synthetic_report(sentences: int, seed: int = 7) -> str:
    """A report of `sentences` sentences, five per paragraph, with one planted near copy."""
    rng = random.Random(seed)
    out = []
    for i in range(sentences):
        words = rng.choices(PHRASES, k=rng.randint(6, 12))
        out.append("".join(words) + f"，完成{rng.randint(1, 99999)}项。")
    planted = "坚持把档案开发利用作为服务群众的重要抓手，让档案工作更好地服务中心、服务大局。"
    out[len(out) // 10] = planted
    out[-2] = planted.replace("大局", "全局")
    return "\n".join("".join(out[i:i + 5]) for i in range(0, len(out), 5)) + "\n"


def time_check(sentences: int) -> tuple[float, int]:
    """Seconds for one run of the check (document built beforehand) and the findings count."""
    doc = build_document(synthetic_report(sentences), "bench.txt", "text")
    _ = doc.sentences
    options = NearDuplicateOptions()
    start = time.perf_counter()
    found = list(check_near_duplicates(doc, options))
    return time.perf_counter() - start, len(found)


def main() -> int:
    previous = None
    for n in (500, 5_000, 50_000):
        seconds, found = time_check(n)
        growth = f"  x{seconds / previous:.1f} for 10x sentences" if previous else ""
        print(f"{n:>6} sentences: {seconds:7.3f} s  {found} finding(s){growth}")
        previous = seconds
    return 0


if __name__ == "__main__":
    sys.exit(main())
