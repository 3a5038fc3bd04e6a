"""Hypothesis strategies for report-like text: marker-rich fragments, hostile characters, outlines."""
from __future__ import annotations

from hypothesis import strategies as st

MARKERS = ["一、", "二、", "三、", "十一、", "九十九、", "一.", "二，", "（一）", "（二）", "(三)", "（一）、",
           "(四).", "1.", "2.", "3、", "１．", "12.", "1)", "（1）", "(2)", "（３）", "①", "②", "⑳", "①、",
           "一是", "二是", "四是", "第一，", "第二，", "第三：", "其一", "其二", "其三是", "第(一)项", "1、2号",
           "三、四月份", "一、二季度", "1.5亿元"]
SENTENCES = ["工作总结", "今年以来，我局认真贯彻落实上级决策部署。", "存在的问题", "下一步工作计划",
             "排查隐患732处，已整改649处，整改率80%。", "项目277个，其中A 101个、B 93个、C 93个。",
             "落实落实", "常常", "xx", "XXX", "××", "某某", "X.X%", "【请填写】", "TODO", "待核实",
             "？？？", "\ufffd", "环保?监管", "（未闭合", "“引号", "》", "x86", "5G", ",", ";", ":", "(", ")",
             "。", "；", "！", "？", "：", "……"]
HOSTILE = ["\x00", "\r", "\n", "\r\n", "\n\n", "\r\r\n", "\u3000", " ", "\t", "\ufeff", "\u2028", "\u0301",
           "a\u0301", "\U0001F600", "\U00020000", "𠀀", "\U0010FFFF", "\ufffe", "\x1b", "\x7f", "\x85",
           "# ", "## ", "**", "```\n", "~~~", "<!--", "-->", "---\n", "`", "\\"]

# Any code point that can be encoded (no surrogates).
any_char = st.characters(exclude_categories=("Cs",))
fragment = st.one_of(
    st.sampled_from(MARKERS), st.sampled_from(SENTENCES), st.sampled_from(HOSTILE),
    st.text(any_char, max_size=6),
)
report_text = st.lists(fragment, max_size=60).map("".join)
# Printable text only (no C0 controls): what a real file holds and what decoding accepts.
clean_char = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufeff")
clean_fragment = st.one_of(
    st.sampled_from(MARKERS), st.sampled_from(SENTENCES),
    st.sampled_from(["\n", "\n\n", "\u3000", " ", "\t", "\U0001F600", "𠀀", "a\u0301", "# ", "```\n"]),
    st.text(clean_char, max_size=6),
)
clean_text = st.lists(clean_fragment, max_size=60).map("".join)
any_bytes = st.one_of(
    st.binary(max_size=2000),
    report_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""]), st.binary(max_size=500))
    .map(b"".join),
)

# Markers by level, for the valid-outline strategy: level → (family renderer).
_CN = "一二三四五六七八九"


def cn(value: int) -> str:
    """1…99 as a Chinese numeral."""
    tens, units = divmod(value, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens - 1] + "十")
    return head + (_CN[units - 1] if units else "")


LEVEL_MARKERS = {
    1: lambda n: f"{cn(n)}、",
    2: lambda n: f"（{cn(n)}）",
    3: lambda n: f"{n}.",
    4: lambda n: f"（{n}）",
    5: lambda n: chr(ord("①") + n - 1),
}

# An outline: a list of sections, each (title, body, children); children are one level down.
outline = st.recursive(
    st.just([]),
    lambda kids: st.lists(st.tuples(st.sampled_from(["总体情况", "主要做法", "存在的问题", "下一步工作计划",
                                                     "加强监管", "优化服务"]),
                                    st.booleans(), kids), min_size=1, max_size=5),
    max_leaves=30,
)


def render_outline(sections, level: int = 1, run_in: bool = False) -> str:
    """Number `sections` consecutively from one at each level, nesting at most five levels."""
    out = []
    for i, (title, body, children) in enumerate(sections[:20], start=1):
        out.append(f"{LEVEL_MARKERS[level](i)}{title}\n")
        if body:
            out.append("今年以来，各项工作稳步推进。\n")
        if level < 5:
            out.append(render_outline(children, level + 1))
    return "".join(out)
