"""Puts the figures of the last bench runs (bench/out/*.md) into docs/BENCHMARKS.md, below its
hand-written part, so the document always holds one run's figures. A section left from an
earlier run (over three hours older than the newest) is named, and refused unless --mixed.

    python bench/report.py
"""

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "BENCHMARKS.md"
OUT = ROOT / "bench" / "out"
MARKER = "<!-- Figures below: written by bench/report.py from bench/out/; do not edit by hand. -->"
SECTIONS = ("fanout", "votes", "pages", "connect_storm")
ONE_RUN = 3 * 3600  # seconds: `make bench` writes every section within three hours of the first


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mixed", action="store_true", help="write sections of different runs all the same")
    args = parser.parse_args()
    text = DOC.read_text()
    head = text.split(MARKER)[0].rstrip() + "\n\n" + MARKER + "\n"
    parts = [(OUT / f"{name}.md") for name in SECTIONS]
    missing = [path.name for path in parts if not path.exists()]
    if missing:
        raise SystemExit(f"Run the benchmarks first: missing {', '.join(missing)} in {OUT}")
    newest = max(path.stat().st_mtime for path in parts)
    stale = [path.name for path in parts if newest - path.stat().st_mtime > ONE_RUN]
    if stale and not args.mixed:
        raise SystemExit(f"From an earlier run: {', '.join(stale)}. Run `make bench`, or pass --mixed.")
    DOC.write_text(head + "\n" + "\n\n".join(path.read_text().strip() for path in parts) + "\n")
    print(f"Wrote {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
