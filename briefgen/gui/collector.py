"""Python's cyclic garbage collector, kept from stalling the window while background work runs.

A collection holds the GIL from start to end, so while a worker thread collects, the UI thread cannot run a line
of Python: no slot, no timer, no repaint of a Python widget. A full collection walks every object the process
tracks - the modules, the glyph tables the PDF renderer caches, the corpus - and took 30-100 ms of CPU on a
100-source brief, the longest stalls of the window. :func:`settle` runs on the UI thread while no work runs: it
collects the young generations and, once the old generation has grown large, freezes what survives
(:func:`gc.freeze`). Long-lived objects are then never walked again, so a full collection during later work only
sees what is new (measured: from 30-100 ms to under 30 ms of CPU).

Frozen objects that are dropped later are still freed by reference counting (the corpus, briefs and fonts hold
no cycles); only cycles among them would wait. Settling collects the young generations first, and freezes only
as the data grows, so what is frozen as garbage is what the old generation happened to hold at that moment
(measured: a few hundred objects in a whole benchmark run).
"""

from __future__ import annotations

import gc

FREEZE_AT = 20_000
"""Objects in the old generation at which settling freezes the survivors (opening the app leaves about 50,000)."""


def settle() -> bool:
    """Collect the young generations, then freeze the survivors when the old generation has grown large; True when
    it froze. Call on the UI thread while no background work runs (it takes a few milliseconds)."""
    if not gc.isenabled():  # someone turned the collector off (a test, a profiler): leave it be
        return False
    gc.collect(1)
    if len(gc.get_objects(2)) < FREEZE_AT:
        return False
    gc.freeze()
    return True
