"""News feeds and article pages: polite fetching, feed parsing, page extraction, de-duplication."""
