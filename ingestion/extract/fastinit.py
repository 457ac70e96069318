"""A quicker ``__init__`` for the frozen dataclasses the extractor makes by the thousand.

A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__``
(its own ``__setattr__`` refuses): a global look-up, an attribute look-up and a call per
field. ``quick_init`` gives the class an ``__init__`` that writes the same fields, with the
same defaults, in the same order, straight into the instance's ``__dict__`` (what
``object.__setattr__`` does for a plain attribute): the same object, about twice as fast to
build. Everything else of the dataclass (frozen ``__setattr__``, ``__eq__``, ``__hash__``,
``__repr__``, ``replace``, pickling) is untouched. ``tests/extract/test_fastinit.py``
compares both inits field by field.

A class this cannot stand for (a ``__post_init__``, ``__slots__``, a default factory, a field
outside ``__init__``, an ``InitVar``, not frozen) keeps its generated ``__init__``.
"""
from __future__ import annotations

import dataclasses


def can_quick_init(cls) -> bool:
    """Whether ``quick_init`` would replace ``cls.__init__`` (see the module's docstring)."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or not params.init:
        return False
    if hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__:
        return False
    if any(f.name.startswith("__") for f in dataclasses.fields(cls)):
        return False
    for f in dataclasses.fields(cls):
        if not f.init or f.kw_only or f.default_factory is not dataclasses.MISSING:
            return False
    # InitVar and ClassVar pseudo-fields are not in fields(); one of them in the annotations
    # would be a parameter of the generated __init__ that fields() does not list
    return len(dataclasses.fields(cls)) == len(getattr(cls, "__dataclass_fields__", {}))


def quick_init(cls):
    """Class decorator, above ``@dataclass(frozen=True)``: ``cls`` with the quicker
    ``__init__`` when it can take one, else unchanged."""
    if not can_quick_init(cls):
        return cls
    ns: dict = {}
    params, body = [], []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            ns[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        else:
            params.append(f.name)
        body.append(f"    d[{f.name!r}] = {f.name}")
    src = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n" + "\n".join(body) + "\n"
    exec(src, ns)  # noqa: S102 - the source is built from the field names above
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    init.quick = True  # what the tests look for
    cls.__init__ = init
    return cls
