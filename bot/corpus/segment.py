"""Indonesian sentence and word segmentation (rule-based, no downloaded data).

Public API (other modules rely on these names):
    split_sentences(text: str) -> list[str]
        Cut a paragraph of Indonesian news text into sentences; strings are stripped,
        never empty, and joined back with single spaces they reproduce the text's words.
    split_words(text: str) -> list[str]
        Word tokens (numbers such as "10.000" and "2,5" stay one token; punctuation dropped).
    IndonesianTokenizer
        sumy-compatible tokenizer: `.language`, `.to_sentences(paragraph)`,
        `.to_words(sentence)`; never touches NLTK data.
"""
