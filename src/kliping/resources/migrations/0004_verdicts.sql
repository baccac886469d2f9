-- Schema 4: the desk's verdicts on claims (`kliping verdict`, store_verdicts.py). Claims are built from the
-- stored articles whenever a story is shown, and their ids ("s12-c3") change as stories grow or are regrouped;
-- a verdict is therefore kept by what does not change: the claim's first evidence when it was given, the
-- article (ids are never reused in a store) and the statement's text in it. A claim built later carries the
-- verdict when any of its evidence is that statement. The claim id, story id and claim text are kept as they
-- were, to show what was judged.
CREATE TABLE IF NOT EXISTS verdicts (
    article_id TEXT NOT NULL REFERENCES articles(id),
    evidence TEXT NOT NULL,             -- the statement's text in that article (Evidence.text)
    claim_id TEXT NOT NULL,             -- the claim's id and story when the verdict was given
    story_id TEXT NOT NULL,
    claim_text TEXT NOT NULL,
    rating TEXT NOT NULL,               -- the desk's rating, its own words ("False", "Misleading", "Correct")
    note TEXT NOT NULL,
    recorded_at TEXT NOT NULL,          -- ISO 8601, UTC
    PRIMARY KEY (article_id, evidence)
);
