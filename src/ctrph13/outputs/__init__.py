"""Files the build writes beside the pages.

Open data (`opendata`), the search index, the offline worker and its list, the PDF.
"""
