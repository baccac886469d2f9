-- Schema 3: the store groups with the one grouper (corpus.rolling.RollingGrouper), fed the stored articles in
-- date order, so its stories are those `kliping analyze DIR` makes of the same articles (store_grouping.py).
-- Each article's clustering keys are kept, so the store can regroup from them when an article arrives out of
-- date order. store.py fills these tables for the articles already stored and regroups them once, in the
-- transaction that records this version (Store._convert_to_rolling); the state rows 'stories' and
-- 'duplicates' of schemas 1-2 are replaced by 'grouper' (the rolling-grouper format) and 'grouped_last'.
CREATE TABLE article_keys (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    keys TEXT NOT NULL,                 -- ArticleKeys.to_record(): entity and term counts, day, language
    sig BLOB NOT NULL                   -- the MinHash signature, little-endian uint32
);
CREATE TABLE duplicates (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    representative TEXT NOT NULL        -- the earliest article of its duplicate group (never itself)
);
CREATE INDEX duplicates_representative ON duplicates(representative);
-- The grouper's order: by day, then id (store_grouping.ORDER_BY), paged through this index when regrouping.
CREATE INDEX articles_day_id ON articles(day, id);
