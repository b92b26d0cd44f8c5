"""Benchmarks and the synthetic corpus (`make bench`, `make bench-search`, `scripts/kb corpus`).

Tools of the project, not part of the site's runtime package.
"""
