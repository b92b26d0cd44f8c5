"""The MkDocs adapter.

The build's events, the Markdown extension, link checks, incremental rebuilds. With `preview` and `publish`, the
only code that imports MkDocs.
"""
