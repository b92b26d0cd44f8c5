"""The data model and its loading.

The program as signed, its translation and errata, the glossary, the document registry, the duties, the practices,
redirects, the change log, and their JSON Schemas (`schemas/`).
"""
