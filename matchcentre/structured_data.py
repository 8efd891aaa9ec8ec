"""schema.org JSON-LD as a page's <script type="application/ld+json"> block: the site's one
way of writing it, escaped so that no text in it can close the script element."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

CONTEXT = "https://schema.org"
# What would let a string end the element or open a comment, as JSON escapes (as json_script does).
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
PUBLISHER = {"@type": "Organization", "name": "MatchCentre"}


def json_ld(graph: list[dict[str, Any]]) -> SafeString:
    """The nodes as one JSON-LD block; a data block, which the CSP's script-src does not run."""
    document = {"@context": CONTEXT, "@graph": graph}
    text = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(f'<script type="application/ld+json">{text.translate(ESCAPES)}</script>')
