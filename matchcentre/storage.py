"""Static files in production: hashed, compressed, and ES modules pointing at hashed files.

The page scripts are ES modules that load each other by relative path (`import … from
"../site/socket.js";`). Django's manifest storage rewrites those paths to the hashed names
when asked to (`support_js_module_import_aggregation`), so a page that loads
`live.<hash>.js` also loads `socket.<hash>.js`, which WhiteNoise may cache for ever.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class ManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    support_js_module_import_aggregation = True
