"""The README shows every screenshot docs/screenshots.py takes, and only files that exist."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_the_readme_links_every_screenshot_and_each_link_has_its_file():
    linked = set(re.findall(r"docs/screenshots/([\w-]+\.png)", (ROOT / "README.md").read_text()))
    taken = {path.name for path in (ROOT / "docs" / "screenshots").glob("*.png")}
    assert linked == taken
