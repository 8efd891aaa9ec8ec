"""How a match or an article is offered for sharing.

- A match's title carries the score once it has kicked off ("Atalanta 0-1 Liverpool");
  before that it is the fixture ("Atalanta v Liverpool").
- Its description is the competition, the stage, the leg or round and the status line,
  joined by " · " ("UEFA Europa League · Quarter-finals · 2nd Leg · FT (HT: 0-1)"); empty
  parts are left out.
- Share links are plain addresses of each network's own share page, with the page's
  address and title percent-encoded: no network's script is loaded, and they work without
  any script of ours.
"""

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str  # what the link shows, e.g. "WhatsApp"
    verb: str  # said before the label to screen readers: "Share on", "Share by"
    href: str

    @property
    def name(self) -> str:
        """The link's accessible name, e.g. "Share on WhatsApp"."""
        return f"{self.verb} {self.label}"

    @property
    def opens_new_tab(self) -> bool:
        return not self.href.startswith("mailto:")


@dataclass(frozen=True)
class Social:
    """What a page says about itself to networks and to readers who share it."""

    kind: str  # Open Graph type: "website" or "article"
    title: str
    description: str
    url: str
    image_url: str
    image_alt: str
    share_heading: str
    links: tuple[ShareLink, ...]
    image_width: int | None = None
    image_height: int | None = None


def match_title(
    home: str, away: str, home_score: int | None, away_score: int | None, *, started: bool
) -> str:
    if started and home_score is not None and away_score is not None:
        return f"{home} {home_score}-{away_score} {away}"
    return f"{home} v {away}"


def describe(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def share_links(url: str, title: str) -> tuple[ShareLink, ...]:
    text_and_url = f"{title} {url}"
    return (
        _on("x", "X (Twitter)", _address("https://twitter.com/intent/tweet", text=title, url=url)),
        _on("facebook", "Facebook", _address("https://www.facebook.com/sharer/sharer.php", u=url)),
        _on("whatsapp", "WhatsApp", _address("https://wa.me/", text=text_and_url)),
        _on("reddit", "Reddit", _address("https://www.reddit.com/submit", url=url, title=title)),
        ShareLink("email", "email", "Share by", _address("mailto:", subject=title, body=f"{title}\n\n{url}")),
    )


def _on(network: str, label: str, href: str) -> ShareLink:
    return ShareLink(network, label, "Share on", href)


def _address(base: str, **query: str) -> str:
    return f"{base}?{urlencode(query, quote_via=quote, safe='')}"
