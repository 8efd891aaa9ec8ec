"""Reading a page's HTML as a fan reads it, for tests that look at rendered text."""

import re


def without_links(html: str) -> str:
    """The HTML with its links' tags taken out: names link to players' pages."""
    return re.sub(r"</?a\b[^>]*>", "", html)
