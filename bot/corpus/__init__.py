"""Reading article files, Indonesian sentence/word segmentation, and numerals."""
