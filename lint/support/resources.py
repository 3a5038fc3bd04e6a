"""Locate the bundled grammars/ and rules/ folders, in a wheel or in a checkout."""
from __future__ import annotations

import os

# Paths here are strings: pathlib (with the urllib.parse, ipaddress and fnmatch it imports) costs
# a one-file run 4 ms.
PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))   # lint/, above support/


def data_dir(name: str) -> str:
    """Return the folder `name` ("grammars" or "rules"): inside the wheel, else beside the package."""
    bundled = os.path.join(PACKAGE, "_data", name)
    if os.path.isdir(bundled):
        return bundled
    return os.path.join(os.path.dirname(PACKAGE), name)


def data_file(folder: str, name: str) -> str:
    """The path of the bundled file `name` in the folder `folder`."""
    return os.path.join(data_dir(folder), name)


def files_ending(folder: str, suffix: str) -> list[str]:
    """The sorted paths of the entries of `folder` whose names end with `suffix` (what Path.glob("*" + suffix) finds)."""
    return sorted(os.path.join(folder, name) for name in os.listdir(folder)
                  if os.path.normcase(name).endswith(suffix))
