"""The on-disk cache: a warm run reuses validated packs, and any change to a source file rebuilds."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from lint.support import cache


def test_cached_value_is_reused_until_a_dependency_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "c"))
    source = tmp_path / "pack.yaml"
    source.write_text("a", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return source.read_text(encoding="utf-8"), [source]

    assert cache.cached("t", "k", build) == "a"
    assert cache.cached("t", "k", build) == "a" and len(calls) == 1
    source.write_text("b", encoding="utf-8")
    assert cache.cached("t", "k", build) == "b" and len(calls) == 2


def test_a_settled_source_is_checked_by_its_size_and_time_and_hashed_when_they_change(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "c"))
    source = tmp_path / "pack.yaml"
    source.write_text("a", encoding="utf-8")
    hour_ago = os.stat(source).st_mtime_ns - 3600 * 10**9
    os.utime(source, ns=(hour_ago, hour_ago))
    calls = []

    def build():
        calls.append(1)
        return source.read_text(encoding="utf-8"), [source]

    assert cache.cached("t", "k", build) == "a"
    hashed = []
    monkeypatch.setattr(cache, "digest", lambda path: hashed.append(path))
    assert cache.cached("t", "k", build) == "a" and len(calls) == 1 and not hashed   # stat alone
    monkeypatch.undo()
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "c"))
    source.write_text("b", encoding="utf-8")     # same size, a new time: hashed, found changed
    assert cache.cached("t", "k", build) == "b" and len(calls) == 2


def test_corrupt_entries_and_no_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "c"))
    assert cache.cached("t", "k", lambda: (1, [])) == 1
    for entry in (tmp_path / "c").iterdir():
        entry.write_bytes(b"not a pickle")
    assert cache.cached("t", "k", lambda: (2, [])) == 2
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    assert cache.cache_dir() is None and cache.cached("t", "k", lambda: (3, [])) == 3


def test_warm_run_imports_neither_yaml_nor_pydantic_nor_lark(tmp_path):
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "c")}
    report = tmp_path / "r.txt"
    report.write_text("一、总体情况\n全年完成投资xx亿元。\n三、存在的问题\n人员不足。\n", encoding="utf-8")
    probe = ("import sys; from lint.cli.main import main; code = main(['check', sys.argv[1]]); "
             "print(sorted(m for m in ('yaml', 'pydantic', 'lark') if m in sys.modules), file=sys.stderr)")
    cold = subprocess.run([sys.executable, "-c", probe, str(report)], cwd=ROOT, env=env, capture_output=True, text=True)
    warm = subprocess.run([sys.executable, "-c", probe, str(report)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert cold.stdout == warm.stdout and "WR301" in warm.stdout
    assert "'yaml'" in cold.stderr and warm.stderr.strip().splitlines()[-1] == "[]", warm.stderr


def test_one_file_run_imports_none_of_the_slow_standard_modules(tmp_path):
    """hashlib (OpenSSL), pathlib, typing, decimal and rapidfuzz cost a one-file run 20 ms or more together."""
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "c")}
    report = tmp_path / "r.txt"
    report.write_text("一、总体情况\n共有项目12个，其中新建5个、续建8个。\n排查问题20个，已整改10个，整改率60%。\n",
                      encoding="utf-8")
    probe = ("import sys; from lint.cli.main import main; code = main(['check', *sys.argv[1:]]); "
             "slow = {'hashlib', '_hashlib', 'pathlib', 'typing', 'decimal', 'rapidfuzz'} & set(sys.modules); "
             "print(sorted(slow), file=sys.stderr)")
    # Validating the packs (pydantic) imports them all; then the packs come from the cache, the
    # result is stored, and then read.
    for i, args in enumerate((["--no-cache"], ["--no-cache"], [], [])):
        run = subprocess.run([sys.executable, "-c", probe, *args, str(report)], cwd=ROOT, env=env,
                             capture_output=True, text=True)
        assert "WR601" in run.stdout and "WR602" in run.stdout, run.stdout
        assert i == 0 or run.stderr.strip().splitlines()[-1] == "[]", (args, run.stderr)


def _round_trip(value, tmp_path):
    import pickle

    entry = tmp_path / "entry.pickle"
    cache.write_pickle(entry, value)
    return pickle.loads(entry.read_bytes())


def test_regexes_are_cached_as_programs_and_behave_the_same(tmp_path):
    import re

    rx = re.compile(r"(?<![A-Za-z])(?P<year>(?:19|20)[xX]{2})|[\u4e00-\u9fff]{2}(?=率)", re.I)
    again = _round_trip({"rx": rx}, tmp_path)["rx"]
    assert again is not rx and (again.pattern, again.flags, again.groupindex) == (rx.pattern, rx.flags, rx.groupindex)
    for text in ("20XX年", "完成率98%", "abc20xx", "税收增长率"):
        assert [m.span() for m in again.finditer(text)] == [m.span() for m in rx.finditer(text)]
        assert [m.groupdict() for m in again.finditer(text)] == [m.groupdict() for m in rx.finditer(text)]


def test_a_program_from_another_python_is_recompiled_from_its_source():
    program = [1, 2, 3]   # nonsense: must never reach the regex engine
    rx = cache.regex_from_program("a+b", 0, program, 0, {}, ("another-python",))
    assert rx.fullmatch("aab") and rx.pattern == "a+b"


def test_regexes_compiled_in_a_run_are_preloaded_in_the_next(tmp_path, monkeypatch):
    import re

    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "_preloaded", set())
    monkeypatch.setattr(cache, "_rebuilt", [])
    pattern = "(?:reportlint-test)?[\u4e00-\u9fff]{2}率"
    re.compile(pattern)
    cache.save_regexes()
    # Named, not globbed: a glob compiles a regex of its own (Python 3.10), which the next save would keep.
    entry = Path(cache._regex_entry(str(tmp_path / "c")))
    assert entry.is_file()
    re.purge()
    cache.preload_regexes()
    assert re._cache[(str, pattern, 0)].pattern == pattern     # re.compile will find it built
    assert re.compile(pattern) is re._cache[(str, pattern, 0)] and re.compile(pattern).fullmatch("增长率")
    written = entry.stat().st_mtime_ns
    cache.save_regexes()                                       # nothing new: nothing written
    assert entry.stat().st_mtime_ns == written
    entry.write_bytes(b"garbage")
    re.purge()
    cache.preload_regexes()                                    # a bad file is ignored
    assert re.compile(pattern).fullmatch("增长率")


def test_a_run_that_rebuilt_an_entry_saves_no_regexes(tmp_path, monkeypatch):
    import re

    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "_preloaded", set())
    monkeypatch.setattr(cache, "_rebuilt", [])
    re.compile("(?:reportlint-test-rebuilt)?[\u4e00-\u9fff]{2}")
    assert cache.cached("t", "k", lambda: (1, [])) == 1          # a miss: built, as validation would
    cache.save_regexes()
    assert not list((tmp_path / "c").glob("regexes-*.pickle"))
    assert cache.cached("t", "k", lambda: (2, [])) == 1          # read back: nothing built
    monkeypatch.setattr(cache, "_rebuilt", [])                    # … as in the next process
    cache.save_regexes()
    assert list((tmp_path / "c").glob("regexes-*.pickle"))
