-- Schema 5: who each article names (store_entities.py), for the people-and-organisations pages, the entity filter
-- and alias-aware search. One row per article and written form of an entity, with the canonical name the
-- annotator gave it ("Jokowi" → Joko Widodo), so every alias leads to one page and one search. store.py fills the
-- table from the articles already stored, in the transaction that records this version (store_entities.fill):
-- an existing store is upgraded when it is first opened by a kliping that can write it; nothing needs re-adding.
CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles(id),
    canonical TEXT NOT NULL,            -- Entity.canonical, as the annotator wrote it
    canonical_key TEXT NOT NULL,        -- its matching key (annotate.aliases.key: case, hyphens, spacing ignored)
    label TEXT NOT NULL,                -- PERSON / ORG / PLACE
    name TEXT NOT NULL,                 -- the form written in the article ("Jokowi", "Presiden Joko Widodo")
    name_key TEXT NOT NULL,             -- its matching key
    mentions INTEGER NOT NULL,          -- how many times the article writes it so
    PRIMARY KEY (article_id, canonical, name)
);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical, article_id);
CREATE INDEX IF NOT EXISTS entities_canonical_key ON entities(canonical_key);
CREATE INDEX IF NOT EXISTS entities_name_key ON entities(name_key, canonical);
-- The outlet filter of search and of the story list.
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet COLLATE NOCASE);
