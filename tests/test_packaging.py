"""The wheel carries the grammar, the rule packs and the compiled loops (or, asked to be pure
Python, no compiled code), and an installed copy finds them from anywhere."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


@pytest.mark.slow
@pytest.mark.parametrize("build", ["compiled", "pure-python", "no-compiler"])
def test_wheel_contains_data_and_runs_from_another_folder(tmp_path, build):
    """Asked to be pure Python, or where the C compiler is missing, the wheel is pure Python."""
    dist = tmp_path / "dist"
    pure = build != "compiled"
    build_env = {**os.environ, "REPORTLINT_PURE_PYTHON": "1" if build == "pure-python" else ""}
    if build == "no-compiler":
        build_env["CC"] = str(tmp_path / "no-such-cc")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(dist)], check=True, capture_output=True, timeout=300, env=build_env)
    wheel = next(dist.glob("reportlint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "lint/_data/grammars/numbering.lark" in names
    assert "lint/_data/rules/structure.yaml" in names
    compiled = [name for name in names if name.startswith("lint/kinds/_compiled.") and not name.endswith((".c", ".pyi"))]
    assert (compiled == [] and wheel.name.endswith("-py3-none-any.whl")) if pure else len(compiled) == 1
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "r.txt").write_text("一、甲\n三、乙\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("REPORTLINT_PURE_PYTHON", None)
    proc = subprocess.run([sys.executable, "-c", "import lint, sys; from lint.cli.main import main; "
                           "from lint.kinds import loops; print(lint.__file__, loops.compiled, file=sys.stderr); "
                           "sys.exit(main(['check', '--select', 'WR101', 'r.txt']))"],
                          cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert str(target) in proc.stderr, proc.stderr
    assert ("_compiled" in proc.stderr) is not pure, proc.stderr     # the compiled module is the one imported
    assert proc.returncode == 1 and "WR101" in proc.stdout, proc.stdout + proc.stderr
