"""Time the near-duplicate check (WR402) on synthetic reports of 500, 5,000 and 50,000 sentences.

Sentences are drawn from a vocabulary of report phrases (so 3-grams repeat as in real reports),
five to a paragraph, with one planted near copy. Prints the best of a few runs per size (CPU
seconds, so that other load on the machine counts less), the time per 1,000 sentences, and the
growth against linear. rapidfuzz is imported first, and scores every comparison: import time is not growth.
Run: python bench/near_duplicate_scaling.py
"""
from __future__ import annotations

import random
import sys
import time

from lint.kinds import similarity
from lint.kinds.duplicates import NearDuplicateOptions, check_near_duplicates
from lint.document.builder import build_document

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


def time_check(sentences: int, runs: int) -> tuple[float, int]:
    """Best CPU seconds of `runs` runs of the check (each on a freshly built document) and the findings count."""
    text, best, found = synthetic_report(sentences), float("inf"), 0
    for _ in range(runs):
        doc = build_document(text, "bench.txt", "text")
        _ = doc.sentences, doc.marker_spans
        start = time.process_time()
        found = len(list(check_near_duplicates(doc, NearDuplicateOptions())))
        best = min(best, time.process_time() - start)
    return best, found


def main() -> int:
    """Print one line per size."""
    similarity.use_rapidfuzz()
    time_check(50, 1)
    first = None
    for n in (500, 5_000, 50_000):
        seconds, found = time_check(n, 5 if n <= 5_000 else 2)
        first = first or seconds / n
        print(f"{n:>6} sentences: {seconds:7.3f} s CPU  {seconds / n * 1000:6.3f} s per 1,000  "
              f"{found} finding(s)  {seconds / n / first:5.2f} x linear")
    return 0


if __name__ == "__main__":
    sys.exit(main())
