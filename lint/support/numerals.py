"""Chinese numerals written out: what a renumbering fix and a Word list label both need."""
from __future__ import annotations


def cn_numeral(value: int) -> str:
    """Write 1…999 as a Chinese numeral: 一, 十一, 二十三, 一百零一; other values in Arabic digits."""
    digits = "一二三四五六七八九"
    if not 0 < value < 1000:
        return str(value)
    hundreds, rest = divmod(value, 100)
    if hundreds:
        # "九十九、" followed by a repeat asks for 100: 一百, 一百零五, 一百一十.
        head = digits[hundreds - 1] + "百"
        if rest == 0:
            return head
        return head + ("零" + digits[rest - 1] if rest < 10 else ("一" if rest < 20 else "") + cn_numeral(rest))
    tens, units = divmod(value, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else digits[tens - 1] + "十")
    return head + (digits[units - 1] if units else "")
