"""Takes the screenshots in docs/screenshots from a running server: `make screenshots`.

Usage: python docs/screenshots.py [BASE_URL]   (default http://127.0.0.1:8000)
Needs Debian's chromium and the playwright package (make test installs it).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "screenshots"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SEED_MATCH = "Atalanta 0 – 1 Liverpool"
SHOTS = [
    # (file, path or link text to follow from the home page, width, full page)
    ("home.png", "/", 1280, True),
    ("match-desktop.png", SEED_MATCH, 1280, True),
    ("match-phone.png", SEED_MATCH, 390, False),
    ("match-phone-full.png", SEED_MATCH, 390, True),
    ("table.png", "/competitions/uefa-europa-league/2024-25/table/", 1280, True),
]
# Parts of a page: (file, path, CSS selector of the part).
PARTS = [("todays-games.png", "/", ".todays-games")]


def main(base: str) -> None:
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for name, target, width, full in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": 900}, timezone_id="Europe/London")
            if target.startswith("/"):
                page.goto(base + target)
            else:
                page.goto(base + "/")
                page.get_by_role("link", name=target).first.click()
            page.wait_for_load_state("networkidle")
            page.screenshot(path=OUT / name, full_page=full)
            page.close()
            print(f"wrote {OUT / name}")
        for name, path, selector in PARTS:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, timezone_id="Europe/London")
            page.goto(base + path)
            page.locator(selector).first.screenshot(path=OUT / name)
            page.close()
            print(f"wrote {OUT / name}")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
