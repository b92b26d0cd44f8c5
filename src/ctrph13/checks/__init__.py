"""Every check that needs no rendering (`scripts/kb check` and the build share them).

Data, citations, markers, templates and links to page files.
"""
