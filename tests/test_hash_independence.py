"""Story building gives the same answer in every process, whatever its string hashing (PYTHONHASHSEED).

Workers of a local pool or a Dask cluster each hash strings with their own random seed, so a set of
words iterates in a different order in each. A float sum over such a set, or a tie broken by the
order of insertion, then made engines disagree. Each fixture is one generated story
(benchmarks/million.py, from the mixed corpus) on which that happened.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
SCRIPT = """import json, sys
from kliping.model import Article
from kliping.corpus.{module} import {function}
articles = [Article.from_dict(json.loads(line)) for line in open(sys.argv[1], encoding="utf-8")]
print(json.dumps([x.to_dict() for x in {function}(articles)]))
"""


@pytest.mark.parametrize(("fixture", "module", "function"), [
    ("summary_tie.jsonl", "summary", "summarize"),  # seven articles whose sentence scores tied to the last bit
    ("quotes_tie.jsonl", "quotes_by_speaker", "story_quotes"),  # four articles whose quotes tie as candidates
])
def test_story_parts_do_not_depend_on_string_hashing(fixture: str, module: str, function: str) -> None:
    script = SCRIPT.format(module=module, function=function)
    outputs = {subprocess.run([sys.executable, "-c", script, str(CORPUS / fixture)], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "4", "5")}
    assert len(outputs) == 1 and json.loads(outputs.pop())
