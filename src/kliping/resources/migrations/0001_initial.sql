-- The article store, first schema. Applied once by kliping.store (schema_version records it).
-- Articles: indexed columns plus the rest of the annotated article as JSON (body kept apart,
-- because the full-text index reads it from this table).
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,          -- insertion order: stories are built in it
    id TEXT NOT NULL UNIQUE,
    locator TEXT UNIQUE,                -- url, else source path; NULL for stdin
    content_hash TEXT NOT NULL UNIQUE,  -- sha1 of the body
    url TEXT,
    source TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    language TEXT,
    published TEXT,
    day TEXT,                           -- the article's date (publication day, else latest body date)
    story_id TEXT NOT NULL,
    body TEXT NOT NULL,
    data TEXT NOT NULL                  -- Article.to_dict() without body, with url
);
CREATE INDEX articles_story ON articles(story_id, day);
CREATE INDEX articles_day ON articles(day);

CREATE TABLE quotes (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL,               -- position in the article's quotes list
    speaker TEXT,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT
);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quotes_article ON quotes(article_id);

-- External-content full-text indexes: the text lives once, in articles and quotes.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker, content='quotes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');

-- The incremental corpus state (story index, duplicate index) and its generation counter,
-- written in the same transaction as the articles they describe.
CREATE TABLE state (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

-- Built stories, valid while the story has this many articles.
CREATE TABLE story_cache (
    story_id TEXT PRIMARY KEY,
    article_count INTEGER NOT NULL,
    data TEXT NOT NULL
);
