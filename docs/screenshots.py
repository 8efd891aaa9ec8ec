"""Takes the screenshots in docs/screenshots from a running server: `make screenshots`.

Usage: python docs/screenshots.py [BASE_URL]   (default http://127.0.0.1:8000)
Needs Debian's chromium and the playwright package (make test installs it).
Every page a fan reaches from the home page, at desktop (1366 px) and phone (390 px) widths.
"""

import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

OUT = Path(__file__).resolve().parent / "screenshots"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SEED_MATCH = "/matches/2/"  # Atalanta 0–1 Liverpool, the seed's second leg
LIVE_MATCH = "Arsenal"  # the demo's live game, followed from the home page's "Live now"
WIDTHS = {"desktop": 1366, "phone": 390}
# (name, how to get there): a path, or a path and the CSS selector of the link to follow.
PAGES: list[tuple[str, str | tuple[str, str]]] = [
    ("home", "/"),
    ("match", SEED_MATCH),
    ("live", ("/", "#home-live a")),
    ("team", "/teams/liverpool/"),
    ("player", ("/teams/liverpool/", ".team-squad a[href^='/players/']")),
    ("competition", "/competitions/premier-league/2026-27/"),
    ("table", "/competitions/uefa-europa-league/2024-25/table/"),
    ("fixtures", "/competitions/premier-league/2026-27/fixtures/"),
    ("search", "/search/?q=liv"),
]
# Parts of a page: (file, path, CSS selector of the part).
PARTS = [("todays-games.png", "/", ".todays-games"), ("lineups.png", SEED_MATCH, "#lineups")]


def open_page(page: Page, base: str, target: str | tuple[str, str]) -> None:
    if isinstance(target, str):
        page.goto(base + target)
    else:
        path, link = target
        page.goto(base + path)
        page.locator(link).first.click()
    page.wait_for_load_state("networkidle")


def main(base: str) -> None:
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for name, target in PAGES:
            for width_name, width in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": 900}, timezone_id="Europe/London")
                open_page(page, base, target)
                page.screenshot(path=OUT / f"{name}-{width_name}.png", full_page=True)
                page.close()
                print(f"wrote {OUT / f'{name}-{width_name}.png'}")
        for name, path, selector in PARTS:
            page = browser.new_page(viewport={"width": 1366, "height": 900}, timezone_id="Europe/London")
            page.goto(base + path)
            page.locator(selector).first.screenshot(path=OUT / name)
            page.close()
            print(f"wrote {OUT / name}")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
