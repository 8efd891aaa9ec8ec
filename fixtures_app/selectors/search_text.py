"""What a fan types into the search box, as words: folded, split and matched by prefix.

- Accents and case do not count: `fenerbahce` finds `Fenerbahçe`, `BODO` finds `Bodø/Glimt`.
- Anything that is not a letter or a digit separates words: `Bodø/Glimt`, `Saint-Gilloise` and
  `Nott'm` are two words each.
- A word of the query finds a name that has a word starting with it: `liverp` finds
  `Liverpool`, `utd` finds `Man Utd`, but `pool` does not (PostgreSQL's prefix search
  behaves so, and the fallback does the same, so both engines find the same things).
- `v`, `vs` and `versus` between two clubs are not words to look for.

Plain Python, no Django: PostgreSQL folds the stored names with `translate()` and the same
table (`FOLD_FROM`, `FOLD_TO`), so that no database extension (unaccent) is needed.
"""

import re
import unicodedata
from collections.abc import Iterable

MAX_TERMS = 8  # more words than any name has only make the database work harder
CONNECTORS = frozenset({"v", "vs", "versus"})
WORD = re.compile(r"[^\W_]+")

# Letters with no decomposition into a plain letter, each given the one plain letter it is read as:
# translate() swaps one character for one, so `ß` and `æ` cannot become two.
_UNDECOMPOSED = {"ø": "o", "đ": "d", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t", "ß": "s", "æ": "a", "œ": "o"}


def _fold_table() -> dict[str, str]:
    """Every Latin letter with an accent (U+00C0 to U+024F), in either case, to its plain lower case."""
    table = {}
    for code in range(0xC0, 0x250):
        letter = chr(code)
        plain = "".join(c for c in unicodedata.normalize("NFKD", letter) if not unicodedata.combining(c))
        plain = _UNDECOMPOSED.get(letter.lower(), plain).lower()
        if len(plain) == 1 and plain.isascii() and plain.isalpha() and plain != letter:
            table[letter] = plain
    return table


FOLD = _fold_table()
FOLD_FROM = "".join(FOLD)
FOLD_TO = "".join(FOLD.values())
_TRANSLATION = str.maketrans(FOLD)


def fold(text: str) -> str:
    """`text` in lower case with its accents taken off: `Fenerbahçe` → `fenerbahce`."""
    return unicodedata.normalize("NFC", text).translate(_TRANSLATION).lower()


def words(text: str) -> list[str]:
    """The folded words of `text`: `Bodø/Glimt` → `["bodo", "glimt"]`."""
    return WORD.findall(fold(text))


def query_terms(query: str) -> tuple[str, ...]:
    """The words to look for in what was typed, each once, in order, at most MAX_TERMS."""
    kept = dict.fromkeys(word for word in words(query) if word not in CONNECTORS)
    return tuple(kept)[:MAX_TERMS]


def term_matches(term: str, name_words: Iterable[str]) -> bool:
    """True when one of the name's words starts with `term`."""
    return any(word.startswith(term) for word in name_words)


def all_match(terms: Iterable[str], name_words: Iterable[str]) -> bool:
    """True when every term starts one of the name's words."""
    name_words = list(name_words)
    return all(term_matches(term, name_words) for term in terms)


def raw_prefix_query(terms: Iterable[str]) -> str:
    """PostgreSQL's tsquery for names having a word starting with each term: `'liverp':* & 'fc':*`.

    The terms are letters and digits only (`query_terms`), so none can break out of its quotes.
    """
    return " & ".join(f"'{term}':*" for term in terms)
