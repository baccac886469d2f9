"""Edge out: JSON, HTML and terminal renderings; no analysis logic."""
