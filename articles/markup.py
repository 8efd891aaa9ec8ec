"""An editor's Markdown, made safe to print on a page, in sections.

- The body is Markdown. Each second-level heading (`## Second half`) starts a section; the
  text before the first such heading is the opening section, which has no heading. A `##`
  inside a fenced code block is text, not a heading.
- Whatever HTML comes out is cleaned: text formatting, paragraphs, lists, quotes, tables,
  smaller headings (`###`, `####`) and links survive; scripts and styles are removed with
  their content, other tags leave their text behind, and every attribute but a link's
  address and title goes (so no `onclick`, no `style`).
- Links may point to http(s) and mailto addresses only (no `javascript:`), and carry
  `rel="noopener noreferrer nofollow"`.
"""

import functools
import re
from dataclasses import dataclass

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "s", "sub", "sup", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer nofollow"

SECTION_HEADING = re.compile(r"^##\s+(?P<text>.+?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Section:
    heading: str
    html: str


def render_markdown(text: str) -> str:
    """The Markdown as clean HTML."""
    html = markdown.markdown(text, extensions=["tables", "sane_lists", "fenced_code"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
    )


def sections(text: str) -> list[Section]:
    """The body cut at its `##` headings, each part rendered as clean HTML; empty parts dropped."""
    return list(_sections(text))


# An article is read far more often than it is edited: its rendering is kept per text, which
# is all it depends on (an edit is a new text).
@functools.lru_cache(maxsize=256)
def _sections(text: str) -> tuple[Section, ...]:
    parts = [
        Section(heading=heading, html=render_markdown("\n".join(lines)).strip())
        for heading, lines in _split(text)
    ]
    return tuple(part for part in parts if part.heading or part.html)


def _split(text: str) -> list[tuple[str, list[str]]]:
    parts: list[tuple[str, list[str]]] = [("", [])]
    in_code = False
    for line in text.splitlines():
        if FENCE.match(line):
            in_code = not in_code
        heading = None if in_code else SECTION_HEADING.match(line)
        if heading:
            parts.append((_plain(heading["text"]), []))
        else:
            parts[-1][1].append(line)
    return parts


def _plain(heading: str) -> str:
    """A heading's words without Markdown emphasis or code marks; it is printed as (escaped) text."""
    return heading.replace("*", "").replace("`", "").strip()
