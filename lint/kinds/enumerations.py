"""WR107: run-in ordinals (一是/二是, 第一/第二, 其一/其二) that skip, repeat or go backwards."""
from __future__ import annotations

from ..document.model import Document
from ..support.hints import Iterator
from ..support.numerals import cn_numeral
from .findings import Finding, make_finding
from .options import NoOptions

__all__ = ["NoOptions", "check_sequence"]

_FORMS = {"shi": "{}是", "di": "第{}", "qi": "其{}"}


def check_sequence(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR107: run-in ordinals (一是/二是, 第一/第二, 其一/其二) that skip, repeat or go backwards."""
    for run in doc.enumerations:
        previous = run[0].value
        for item in run[1:]:
            value = item.value
            variant = ("repeat" if value == previous else "backwards" if value < previous
                       else "skip" if value > previous + 1 else "")
            if variant:
                form = _FORMS[item.family]
                yield make_finding(start=item.start, end=item.end, variant=variant,
                                   args={"found": item.text.rstrip("，,、：:"),
                                         "expected": form.format(cn_numeral(previous + 1)),
                                         "previous": form.format(cn_numeral(previous))})
            previous = value
