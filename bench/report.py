"""Puts the figures of the last bench runs (bench/out/*.md) into docs/BENCHMARKS.md, below its
hand-written part, so the document always holds one run's figures.

    python bench/report.py
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "BENCHMARKS.md"
OUT = ROOT / "bench" / "out"
MARKER = "<!-- Figures below: written by bench/report.py from bench/out/; do not edit by hand. -->"
SECTIONS = ("fanout", "votes", "pages")


def main() -> None:
    text = DOC.read_text()
    head = text.split(MARKER)[0].rstrip() + "\n\n" + MARKER + "\n"
    parts = [(OUT / f"{name}.md") for name in SECTIONS]
    missing = [path.name for path in parts if not path.exists()]
    if missing:
        raise SystemExit(f"Run the benchmarks first: missing {', '.join(missing)} in {OUT}")
    DOC.write_text(head + "\n" + "\n\n".join(path.read_text().strip() for path in parts) + "\n")
    print(f"Wrote {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
