"""Articles: the source texts, their metadata and their clean paragraphs.

Character offsets always refer to the original file text, so a citation's span can be checked
against the file itself::

    >>> arts = load_articles()
    >>> a = arts["003_37ff776b6c58cc4a"]
    >>> a.outlet, a.published.isoformat()
    ('RFA', '2013-09-17')
    >>> all(a.text[p.start:p.end] == p.text for p in a.paragraphs)
    True
"""
