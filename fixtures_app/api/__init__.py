"""The matches part of the JSON API (mounted under /api/v1/ by matchcentre/api.py)."""

from fixtures_app.api import editing, lineups, matches, tables  # noqa: F401 (they register operations)
from fixtures_app.api.router import router

__all__ = ["router"]
