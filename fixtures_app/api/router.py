"""The one router of the matches API: ninja joins a path's methods (GET and POST of a match's
events, say) only within one router, so reads and writes register here alike."""

from ninja import Router

router = Router()
