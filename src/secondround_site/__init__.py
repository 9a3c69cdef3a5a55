"""Build-time side of Second Round: the MkDocs hook and what it ships into the site."""
