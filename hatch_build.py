"""Wheel build hook: compile lint/kinds/_compiled.c where a C compiler is at hand.

The extension only makes WR401–WR403 and WR502 faster: each compiled function has a Python twin
with the same signature and results (lint/kinds/loops.py chooses), so where nothing compiles (no
compiler, an unusual platform) the wheel is pure Python and lints exactly the same, only slower.
REPORTLINT_PURE_PYTHON=1 skips compiling. An editable install puts the module beside its source,
as an in-place build does.
"""
from __future__ import annotations

import os
import shutil
import tempfile

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = os.path.join("lint", "kinds", "_compiled.c")
MODULE = "lint.kinds._compiled"


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or os.environ.get("REPORTLINT_PURE_PYTHON"):
            return
        scratch = tempfile.mkdtemp(prefix="reportlint-build-")
        try:
            built = compile_extension(self.root, scratch)
        except Exception as error:  # any failure to compile leaves a working pure-Python wheel
            self.app.display_warning(f"reportlint: {SOURCE} was not compiled ({error}); "
                                     "the wheel is pure Python (the same results, only slower)")
            shutil.rmtree(scratch, ignore_errors=True)
            return
        name = os.path.basename(built)
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if version == "editable":
            shutil.copy2(built, os.path.join(self.root, "lint", "kinds", name))
            shutil.rmtree(scratch, ignore_errors=True)
        else:   # the scratch folder must outlive this call: the wheel is written after it
            build_data["force_include"][built] = f"lint/kinds/{name}"


def compile_extension(root: str, scratch: str) -> str:
    """Compile the extension with setuptools' compiler driver (gcc, clang or MSVC, with the flags
    this Python was built with); return the path of the built module."""
    from setuptools import Distribution, Extension

    extension = Extension(MODULE, [os.path.join(root, SOURCE)])
    command = Distribution({"name": "reportlint", "ext_modules": [extension]}).get_command_obj("build_ext")
    command.build_lib = os.path.join(scratch, "lib")
    command.build_temp = os.path.join(scratch, "temp")
    command.ensure_finalized()
    command.run()
    return command.get_ext_fullpath(MODULE)
