#!/usr/bin/env python3
"""Compile the extractor's hot modules to C with mypyc (``make setup`` runs this).

    .venv/bin/python scripts/build_compiled.py           # build if the sources changed
    .venv/bin/python scripts/build_compiled.py --force   # build again
    .venv/bin/python scripts/build_compiled.py --clean   # remove the compiled modules

The modules of ``MODULES`` are compiled together (one shared library, so calls between them are
native) into ``build/mypyc/lib/ingestion/extract/`` (git-ignored, never committed), with
``manifest.json`` beside them: the SHA-256 of each source compiled, the Python and mypy
versions. ``ingestion/extract/__init__.py`` puts that directory first on the package's path
only when the manifest matches the sources on disk, so an edited source is never shadowed by
a stale compiled module (it runs as plain Python until the next ``make setup``), and
``FRONTLINE_PURE_PYTHON=1`` forces plain Python. The pure-Python modules are the source of
truth; the compiled ones must give the same facts byte for byte
(``tests/extract/test_compiled.py``, ``scripts/check_same_output.py``).

A failed build is reported and leaves no compiled modules (the extractor then runs as plain
Python): ``make setup`` does not fail for it unless ``FRONTLINE_REQUIRE_COMPILED=1``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingestion.extract.compiled import BUILD_DIR, LIB_DIR, MANIFEST, MODULES, source_digest  # noqa: E402

GROUP = "ingestion.extract._hot"  # the shared library: ingestion/extract/_hot__mypyc.*.so
# mypy's complaints that a value may be None where the code knows it is not ("m.end()" after a
# test mypy cannot follow): compiled, such an access is the same generic operation as in Python
# (an attribute or item of an object), so they are not errors here. A value assigned to a
# variable, field or argument of another type stays an error: compiled, it would raise.
OPT_LEVEL = os.environ.get("MYPYC_OPT_LEVEL", "3")
MULTI_FILE = os.environ.get("MYPYC_MULTI_FILE", "0") == "1"
NARROWING_ONLY = ("union-attr", "index", "operator", "misc", "annotation-unchecked")


def up_to_date() -> bool:
    try:
        manifest = json.loads(MANIFEST.read_text())
    except (OSError, ValueError):
        return False
    return manifest == source_digest()


def clean() -> None:
    shutil.rmtree(BUILD_DIR, ignore_errors=True)


def build() -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    clean()
    paths = [str(ROOT / "ingestion" / "extract" / f"{m}.py") for m in MODULES]
    os.chdir(ROOT)  # mypyc names the C files after the module paths relative to here
    exts = mypycify(
        ["--cache-dir", str(BUILD_DIR / "mypy_cache"), "--ignore-missing-imports", "--check-untyped-defs",
         *(f"--disable-error-code={c}" for c in NARROWING_ONLY), *paths],
        opt_level=OPT_LEVEL, multi_file=MULTI_FILE, debug_level="0", group_name=GROUP, target_dir=str(BUILD_DIR / "c"),
    )
    setup(name="frontline-compiled", ext_modules=exts, packages=[], py_modules=[], script_args=[
        "--quiet", "build_ext", "--build-lib", str(LIB_DIR), "--build-temp", str(BUILD_DIR / "temp"),
        "--parallel", str(os.cpu_count() or 1)])
    MANIFEST.write_text(json.dumps(source_digest(), indent=1, sort_keys=True))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--clean", action="store_true")
    args = ap.parse_args()
    if args.clean:
        clean()
        print("removed the compiled modules")
        return 0
    if not args.force and up_to_date():
        print("compiled extractor up to date")
        return 0
    t0 = time.perf_counter()
    try:
        build()
    except (Exception, SystemExit) as exc:  # mypyc exits on a type error
        clean()
        print(f"mypyc build FAILED ({exc!r}): the extractor runs as plain Python", file=sys.stderr)
        return 1 if os.environ.get("FRONTLINE_REQUIRE_COMPILED") else 0
    print(f"compiled {len(MODULES)} extractor modules with mypyc in {time.perf_counter() - t0:.1f} s "
          f"({LIB_DIR.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
