"""Reading: every encoding and line-end form gives the same text and diagnostics; bad input is an error."""
from __future__ import annotations

import codecs

import pytest

from conftest import json_report, run_cli

from lint.support.errors import InputError
from lint.input.source import decode

REPORT = "一、总体情况\n全年完成投资xx亿元。\n三、存在的问题\n（一）甲\n（一）乙\n"
ENCODINGS = [
    ("utf-8", b"", "utf-8"),
    ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
    ("gb18030", b"", "gb18030"),
]


@pytest.mark.parametrize("codec,bom,reported", ENCODINGS, ids=[e[2] for e in ENCODINGS])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_every_encoding_and_line_end_gives_the_same_diagnostics(tmp_path, codec, bom, reported, newline):
    path = tmp_path / "r.txt"
    path.write_bytes(bom + REPORT.replace("\n", newline).encode(codec))
    data = json_report(str(path), "--select", "WR101,WR102")
    entry = data["files"][0]
    assert entry["encoding"] == reported
    got = [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in entry["diagnostics"]]
    assert got == [("WR101", 2, 0), ("WR101", 4, 0)]


def test_decode_keeps_text_verbatim_and_records_newline():
    source = decode("甲\r\n乙\r\n".encode("gb18030"))
    assert source.text == "甲\r\n乙\r\n" and source.encoding == "gb18030" and source.newline == "\r\n"
    assert source.encode() == "甲\r\n乙\r\n".encode("gb18030")
    bom = decode(codecs.BOM_UTF8 + "甲".encode())
    assert bom.encode() == codecs.BOM_UTF8 + "甲".encode()


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03binary\x00" * 20, bytes(range(256)) * 4, b"\xff\xfe\x00"])
def test_binary_is_rejected(data):
    with pytest.raises(InputError):
        decode(data, "x.txt")


def test_unreadable_file_is_listed_and_exits_2(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "ok.txt").write_text("一、甲\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", str(tmp_path))
    assert proc.returncode == 2
    import json

    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(proc.stdout)["files"]}
    assert "error" in files["bin.txt"] and "diagnostics" not in files["bin.txt"]
    assert files["ok.txt"]["diagnostics"] is not None
    text = run_cli("check", str(tmp_path / "bin.txt"))
    assert text.returncode == 2 and "无法读取" in text.stdout and "Traceback" not in text.stderr


def test_missing_path_and_empty_file(tmp_path):
    proc = run_cli("check", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2 and "文件不存在" in proc.stderr and "无法读取" in proc.stdout
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_cli("check", "--select", "WR1", str(tmp_path / "empty.txt"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
