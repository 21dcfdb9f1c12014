"""Article files (`NNN_<hash>.txt`) -> Article: title, metadata, clean paragraphs, sentences.

Public API (other modules rely on these names):
    ARTICLE_GLOB = "*.txt"
    parse_key(filename: str) -> tuple[str, str]   # "003_89031a1fd86b0abb.txt" -> ("003", "003_89031a1fd86b0abb")
    read_article(path: Path) -> Article          # raises MalformedArticle with a clear message
    parse_article(text: str, key: str, path: str = "") -> Article
"""
