"""Shared helpers below every concern.

Diagnostics in the project's error format, Vietnamese text, timing, languages, Markdown files and escaping, git
dates. Imports nothing else of the package.
"""
