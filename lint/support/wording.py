"""The language of what the command line says besides the report (help, errors), and "did you mean".

Errors are raised deep in the loaders, which do not know the run's --lang: the command line sets
it here once, before anything is read. Library callers get Chinese, the default.
"""
from __future__ import annotations

lang = "zh"


def set_lang(value: str | None) -> None:
    global lang
    lang = "en" if value == "en" else "zh"


def say(zh: str, en: str) -> str:
    """`zh` or `en`, in the command line's language."""
    return en if lang == "en" else zh


def nearest(word: str, choices) -> str | None:
    """The choice closest to `word` (case-insensitive), if any is close enough to be a typo of it."""
    # Edit distance with transpositions (chekc is one typo from check), not difflib's ratio, which
    # scores WR1O1 as near WR112 as WR101. Imported only when something is already wrong.
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    by_folded = {str(c).casefold(): str(c) for c in choices}
    found = process.extractOne(word.casefold(), list(by_folded), scorer=OSA.normalized_similarity,
                               score_cutoff=0.6)
    return by_folded[found[0]] if found else None


def did_you_mean(word: str, choices) -> str:
    """"（是否想写 X？）" for the nearest choice, or "" when none is near."""
    found = nearest(word, choices)
    if found is None:
        return ""
    return say(f"（是否想写 {found}？）", f" (did you mean {found}?)")
