"""football/ is pure: every module imports only the standard library and football itself.

`make lint` checks the same rule with import-linter; this test shows it in `make test` too,
naming the file and line of the import that breaks it. It reads the source only: no Django,
no database.
"""

import ast
import sys
from pathlib import Path

FOOTBALL = Path(__file__).resolve().parents[2] / "football"
ALLOWED_ROOTS = sys.stdlib_module_names | {"football"}


def foreign_imports(path: Path, root: Path) -> list[str]:
    """`file:line: imports name` for each import of `path` from outside the standard library
    and football (relative imports stay inside the package, so they pass)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            if name.partition(".")[0] not in ALLOWED_ROOTS:
                found.append((node.lineno, f"{path.relative_to(root)}:{node.lineno}: imports {name}"))
    return [line for _, line in sorted(found)]


def test_football_imports_only_the_standard_library_and_itself():
    modules = sorted(FOOTBALL.rglob("*.py"))
    assert len(modules) > 10, f"football/ not found at {FOOTBALL}"
    found = [line for path in modules for line in foreign_imports(path, FOOTBALL.parent)]
    assert found == [], "football/ must stay pure (docs/ARCHITECTURE.md):\n" + "\n".join(found)


def test_an_outside_import_is_named_with_its_file_and_line(tmp_path):
    module = tmp_path / "football" / "clock.py"
    module.parent.mkdir()
    module.write_text(
        "import datetime as dt\n"
        "from collections.abc import Sequence\n"
        "from football.events import Period\n"
        "from . import scoring\n"
        "\n"
        "def now():\n"
        "    from django.utils import timezone\n"
        "    import redis, json\n"
    )
    assert foreign_imports(module, tmp_path) == [
        "football/clock.py:7: imports django.utils",
        "football/clock.py:8: imports redis",
    ]
