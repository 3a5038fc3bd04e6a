"""Generate a deterministic benchmark corpus of Chinese work reports.

Sentences, clauses and heading titles from ``../shared/seed`` and ``../shared/examples``
are recombined into reports of every form the linter reads: one heading per line, run-in
(a whole section on one line), and Markdown; saved as UTF-8, UTF-8 with BOM or GB18030,
with LF or CRLF line ends. Placeholders, duplicated and near-duplicated paragraphs,
repeated words (落实落实), skipped heading numbers and template leftovers are sprinkled in.
The same seed always gives byte-identical files.

    python bench/gen_corpus.py OUT_DIR [--seed 0] --files 500 --total-mb 12
    python bench/gen_corpus.py OUT_DIR --single-mb 10      # one line-style UTF-8 file
    python bench/gen_corpus.py OUT_DIR --paragraphs 5000   # near-duplicate scaling input

Sizes are binary: 1 MB = 1024 KB = 1,048,576 bytes. Use a fresh OUT_DIR per corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from compose import KIB, Composer, Report, Section, Style, add_defects, cn_number, perturb
from sources import Pool, load_pool, source_files

MIB = 1024 * KIB
MANIFEST = ".manifest.json"
NEAR_DUP_RATE = 0.02
# Corpus reports come out this much larger than the budget they were composed to: the
# paragraphs copied in as defects, markers and line ends are not counted while composing.
CORPUS_OVERHEAD = 1.035


@dataclass(frozen=True)
class Profile:
    """How one file is laid out and saved."""

    form: str  # "line", "runin" or "md"
    encoding: str  # "utf-8", "utf-8-sig" or "gb18030"
    newline: str  # "\n" or "\r\n"

    @property
    def tag(self) -> str:
        """A short name for file names, e.g. ``runin-gb18030-crlf``."""
        enc = {"utf-8": "utf8", "utf-8-sig": "utf8bom", "gb18030": "gb18030"}[self.encoding]
        ends = "crlf" if self.newline == "\r\n" else "lf"
        return f"{self.form}-{enc}-{ends}"

    @property
    def suffix(self) -> str:
        """The file extension for the form."""
        return ".md" if self.form == "md" else ".txt"


def _profiles(spec: str) -> tuple[Profile, ...]:
    """Expand ``count form encoding newline`` rows into a cycle of profiles."""
    rows = [line.split() for line in spec.strip().splitlines()]
    newline = {"lf": "\n", "crlf": "\r\n"}
    return tuple(Profile(form, enc, newline[nl]) for count, form, enc, nl in rows
                 for _ in range(int(count)))


# Cycled over the corpus: half line-style, a quarter run-in, a quarter Markdown;
# 4 in 20 GB18030, 5 in 20 CRLF, 1 in 20 with a BOM.
PROFILES = _profiles("""
    5 line utf-8 lf
    2 line gb18030 lf
    1 line gb18030 crlf
    1 line utf-8 crlf
    1 line utf-8-sig lf
    3 runin utf-8 lf
    1 runin gb18030 lf
    1 runin utf-8 crlf
    3 md utf-8 lf
    2 md utf-8 crlf
""")
SINGLE = Profile("line", "utf-8", "\n")

# --- rendering -----------------------------------------------------------------------


def heading_text(section: Section, style: Style, period: bool = True) -> str:
    """Marker plus title: 一、…  （一）…。  1.…。"""
    n = section.number
    if section.level == 1:
        return f"{cn_number(n)}、{section.title}"
    if section.level == 2:
        marker = f"（{cn_number(n)}）" if style.fullwidth else f"({cn_number(n)})"
    else:
        marker = f"{n}." if style.item_dot else f"（{n}）"
    return marker + section.title + ("。" if period else "")


def render_line(report: Report) -> str:
    """One heading per line, each paragraph on its own line."""
    lines = [report.title, report.intro]
    for section in report.walk():
        head, paras = heading_text(section, report.style), section.paras
        if section.level == 3 and report.style.items_inline and paras:
            head, paras = head + paras[0], paras[1:]
        lines.append(head)
        lines.extend(paras)
    return "\n".join(lines + report.signoff) + "\n"


def run_in(section: Section, style: Style) -> str:
    """A section and everything under it as one run of text."""
    gap = " " if section.level == 1 and section.paras else ""
    return (heading_text(section, style) + gap + "".join(section.paras)
            + "".join(run_in(child, style) for child in section.children))


def render_runin(report: Report) -> str:
    """Each top-level section on one line, headings inside the text."""
    lines = [report.title, report.intro]
    lines += [run_in(section, report.style) for section in report.sections]
    return "\n".join(lines + report.signoff) + "\n"


def render_markdown(report: Report) -> str:
    """``#`` title, ``##`` / ``###`` headings, blank lines between blocks."""
    blocks = ["# " + report.title, report.intro]
    for section in report.walk():
        head, paras = heading_text(section, report.style, period=False), section.paras
        if section.level == 3:
            head, paras = heading_text(section, report.style) + "".join(paras[:1]), paras[1:]
        else:
            head = "#" * (section.level + 1) + " " + head
        blocks.append(head)
        blocks.extend(paras)
    return "\n\n".join(blocks + report.signoff) + "\n"


RENDER = {"line": render_line, "runin": render_runin, "md": render_markdown}


def encode(text: str, profile: Profile) -> bytes:
    """The file's bytes: line ends and encoding (a BOM for utf-8-sig) applied."""
    if profile.newline != "\n":
        text = text.replace("\n", profile.newline)
    return text.encode(profile.encoding)

# --- generators ----------------------------------------------------------------------


def make_report(pool: Pool, rng: random.Random, size: float, profile: Profile) -> bytes:
    """One report of about ``size`` bytes, rendered and encoded for ``profile``."""
    report = Composer(pool, rng, profile.encoding).report(size)
    add_defects(report, rng)
    return encode(RENDER[profile.form](report), profile)


def corpus_sizes(files: int, total: float, seed: int) -> list[float]:
    """File sizes between half and one and a half times the mean, summing to ``total``."""
    rng = random.Random(f"{seed}:sizes")
    weights = [rng.uniform(0.5, 1.5) for _ in range(files)]
    scale = total / sum(weights)
    return [w * scale for w in weights]


def generate_corpus(out: Path, files: int, total_mb: float, seed: int) -> list[Path]:
    """``files`` reports of every profile, about ``total_mb`` MB in all."""
    pool, paths = load_pool(), []
    for i, size in enumerate(corpus_sizes(files, total_mb * MIB / CORPUS_OVERHEAD, seed)):
        profile = PROFILES[i % len(PROFILES)]
        path = out / f"report_{i:04d}_{profile.tag}{profile.suffix}"
        path.write_bytes(make_report(pool, random.Random(f"{seed}:report:{i}"), size, profile))
        paths.append(path)
    return paths


def generate_single(out: Path, size: float, seed: int, name: str) -> Path:
    """One line-style UTF-8 report of ``size`` bytes."""
    path = out / name
    rng = random.Random(f"{seed}:single:{size}")
    path.write_bytes(make_report(load_pool(), rng, size, SINGLE))
    return path


def generate_paragraphs(out: Path, count: int, seed: int) -> Path:
    """A title and ``count`` paragraphs of one to three recombined sentences, one in
    fifty a near-duplicate of an earlier one."""
    rng = random.Random(f"{seed}:paragraphs:{count}")
    composer = Composer(load_pool(), rng, "utf-8")
    paras: list[str] = []
    for _ in range(count):
        if paras and rng.random() < NEAR_DUP_RATE:
            paras.append(perturb(rng.choice(paras), rng))
        else:
            paras.append("".join(composer.synth_sentence() for _ in range(rng.randint(1, 3))))
    path = out / f"paragraphs_{count}.txt"
    path.write_text("\n".join(["近似重复检测基准材料", *paras]) + "\n", encoding="utf-8")
    return path

# --- manifest, reuse and command line ------------------------------------------------


def generator_digest() -> str:
    """A hash of this generator's code and its source texts: a cached corpus made by
    another version must be regenerated."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    code = [here / name for name in ("gen_corpus.py", "compose.py", "sources.py")]
    for path in [*code, *source_files()]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def generate(out: Path, params: dict) -> list[Path]:
    """Generate what ``params`` describes into ``out`` and write its manifest."""
    out.mkdir(parents=True, exist_ok=True)
    mode, seed = params["mode"], params["seed"]
    if mode == "corpus":
        paths = generate_corpus(out, params["files"], params["total_mb"], seed)
    elif mode == "single":
        paths = [generate_single(out, params["bytes"], seed, params["name"])]
    else:
        paths = [generate_paragraphs(out, params["paragraphs"], seed)]
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    manifest = {"generator": generator_digest(), "params": params, "files": files}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    return paths


def cached(out: Path, params: dict) -> list[Path] | None:
    """The files in ``out`` if its manifest says they were made from ``params`` by
    this version of the generator, else None."""
    try:
        manifest = json.loads((out / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    if manifest.get("params") != params or manifest.get("generator") != generator_digest():
        return None
    paths = [out / name for name in manifest["files"]]
    return paths if all(p.is_file() for p in paths) else None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output directory (created if missing)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--files", type=int, default=500, help="corpus: number of files")
    parser.add_argument("--total-mb", type=float, default=12.0, help="corpus: total size in MB")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--single-mb", type=float, metavar="N",
                      help="write one line-style UTF-8 report of N MB instead")
    mode.add_argument("--paragraphs", type=int, metavar="N",
                      help="write one file of N paragraphs (near-duplicate scaling) instead")
    return parser.parse_args(argv)


def corpus_params(files: int, total_mb: float, seed: int) -> dict:
    """What to generate: a corpus of ``files`` reports, ``total_mb`` MB in all."""
    return {"mode": "corpus", "files": files, "total_mb": total_mb, "seed": seed}


def single_params(size: int, name: str, seed: int) -> dict:
    """What to generate: one line-style report of ``size`` bytes named ``name``."""
    return {"mode": "single", "bytes": size, "name": name, "seed": seed}


def paragraph_params(count: int, seed: int) -> dict:
    """What to generate: one file of ``count`` paragraphs."""
    return {"mode": "paragraphs", "paragraphs": count, "seed": seed}


def params_from_args(args: argparse.Namespace) -> dict:
    """The manifest parameters for the chosen mode."""
    if args.single_mb is not None:
        name = f"single_{args.single_mb:g}mb.txt"
        return single_params(round(args.single_mb * MIB), name, args.seed)
    if args.paragraphs is not None:
        return paragraph_params(args.paragraphs, args.seed)
    return corpus_params(args.files, args.total_mb, args.seed)


def main(argv: list[str] | None = None) -> int:
    """Generate, then print a one-line summary."""
    args = parse_args(argv)
    paths = generate(args.out, params_from_args(args))
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} file(s), {size / MIB:.2f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
