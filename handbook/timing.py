"""Time spent in the data layer, summed per step, for `make bench` (and in writing the offline packs, `packs`, which
the bench reports apart)."""

import json
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

SECONDS: dict[str, float] = defaultdict(float)
CALLS: Counter[str] = Counter()


@contextmanager
def timed(step: str) -> Iterator[None]:
    """Add the wall time of the block to SECONDS[step]."""
    start = time.perf_counter()
    try:
        yield
    finally:
        SECONDS[step] += time.perf_counter() - start


def write_if_asked() -> None:
    """Write SECONDS and CALLS as JSON to $HANDBOOK_TIMINGS when that variable is set."""
    if target := os.environ.get("HANDBOOK_TIMINGS"):
        with open(target, "w", encoding="utf-8") as out:
            json.dump({"seconds": dict(SECONDS), "calls": dict(CALLS)}, out)
