import types

import kliping

EXPECTED = [
    "Article", "DateMention", "Entity", "GoldError", "InputError", "KlipingError", "Quote",
    "RawDocument", "Rejected", "RemovedLine", "RunSummary", "Skipped", "StoreError", "__version__",
    "analyze", "evaluate", "extract", "load_gold", "process",
]


def test_public_api_is_exactly_all() -> None:
    assert sorted(kliping.__all__) == sorted(EXPECTED)
    public = {name for name, value in vars(kliping).items()
              if not name.startswith("_") and not isinstance(value, types.ModuleType)}
    assert public == set(EXPECTED) - {"__version__"}
