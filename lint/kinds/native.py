"""The compiled loops (_speedups.c), or None where they were not built (no C compiler when the
package was installed) or REPORTLINT_PURE_PYTHON is set: the Python each stands for runs instead."""
from __future__ import annotations

import os


def _load():
    if os.environ.get("REPORTLINT_PURE_PYTHON"):
        return None
    try:
        from . import _speedups
    except ImportError:
        return None
    return _speedups


speedups = _load()
