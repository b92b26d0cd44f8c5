"""The Markdown the site generates.

The full text (`fulltext`), the responsibility pages (`duties`), the document pages (`documents`), and the markers
that place generated Markdown in pages (`markers`).
"""
