"""Whether the extractor runs compiled (mypyc) or as plain Python, and where the build lives.

``scripts/build_compiled.py`` (run by ``make setup``) compiles ``MODULES`` together with mypyc
into ``build/mypyc/lib/ingestion/extract/`` and writes ``manifest.json``: the SHA-256 of each
source compiled and the Python it was built for. ``activate`` (called by the package's
``__init__`` before any submodule is imported) puts that directory first on the package's
``__path__`` only if the manifest matches the sources on disk: an edited source is never
shadowed by a stale compiled module. ``FRONTLINE_PURE_PYTHON=1`` forces plain Python (for
debugging, and for the tests that compare the two). This module itself is never compiled.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

#: The modules compiled together (one shared library: calls between them are native).
MODULES = ("scan", "sentences", "matcher", "places", "triggers", "dates", "figures", "mentions",
           "events", "ranker", "actors", "claims", "document", "extractor")

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parents[1]
BUILD_DIR = ROOT / "build" / "mypyc"
LIB_DIR = BUILD_DIR / "lib"
COMPILED_DIR = LIB_DIR / "ingestion" / "extract"
MANIFEST = COMPILED_DIR / "manifest.json"

#: True once ``activate`` has put the compiled modules on the package path.
ACTIVE = False


def source_digest() -> dict:
    """What the compiled modules were built from: each source's SHA-256, and the Python."""
    return {"python": sys.implementation.cache_tag + " " + sys.version.split()[0],
            "modules": {m: hashlib.sha256((PACKAGE_DIR / f"{m}.py").read_bytes()).hexdigest() for m in MODULES}}


def forced_pure() -> bool:
    return os.environ.get("FRONTLINE_PURE_PYTHON", "").strip() not in ("", "0")


def activate(package_path: list[str]) -> bool:
    """Put the compiled modules first on ``package_path`` if they are built from these sources."""
    global ACTIVE
    if ACTIVE or forced_pure() or not MANIFEST.is_file():
        return ACTIVE
    try:
        if json.loads(MANIFEST.read_text()) != source_digest():
            return False  # stale: a source changed since the build (make setup builds it again)
    except (OSError, ValueError):
        return False
    package_path.insert(0, str(COMPILED_DIR))
    ACTIVE = True
    return True


def mode() -> str:
    """'compiled (mypyc)' if the extractor's modules are the compiled ones, else 'pure Python'."""
    mods = [sys.modules.get(f"ingestion.extract.{m}") for m in MODULES]
    n = sum(1 for m in mods if m is not None and str(getattr(m, "__file__", "")).endswith(".so"))
    if n == 0:
        return "pure Python"
    return "compiled (mypyc)" if n == len(MODULES) else f"partly compiled ({n} of {len(MODULES)} modules)"
