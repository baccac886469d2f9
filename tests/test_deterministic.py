"""The same input gives the same output whatever Python's string-hash seed: no set's iteration order may
choose a name (a user comparing two runs, or two machines, must see the same dossier)."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from kliping.annotate.person_mentions import _people_ending_bodies
from kliping.model import Entity
people = [Entity("Jong Un", 40, 47, "PERSON", "Jong Un"), Entity("Kim Jong Un", 60, 71, "PERSON", "Kim Jong Un")]
visit = Entity("Kunjungan Kim Jong Un", 0, 21, "ORG", "Kunjungan Kim Jong Un")
_people_ending_bodies([visit, *people], people)
print(visit.label, visit.canonical)
"""


def test_a_body_ending_in_a_name_takes_the_longest_name_under_every_hash_seed() -> None:
    seen = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
        seen.add(done.stdout.strip())
    assert seen == {"PERSON Kim Jong Un"}
