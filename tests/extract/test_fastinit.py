"""``quick_init`` builds the same objects as the dataclass's own ``__init__``."""
from __future__ import annotations

import dataclasses
import pickle

import pytest

from ingestion.extract.dates import DateSpan
from ingestion.extract.fastinit import can_quick_init, quick_init
from ingestion.extract.figures import Figure
from ingestion.extract.matcher import Hit
from ingestion.extract.mentions import Actor
from ingestion.extract.places import Place
from ingestion.extract.triggers import Trigger

QUICK = (Place, Actor, Hit, Figure, Trigger, DateSpan)


def _generated(cls):
    """A twin of ``cls`` with the dataclass's own ``__init__`` (the same fields and defaults)."""
    fields = [(f.name, f.type, dataclasses.field(default=f.default) if f.default is not dataclasses.MISSING
               else dataclasses.field()) for f in dataclasses.fields(cls)]
    return dataclasses.make_dataclass(cls.__name__ + "Plain", fields, frozen=True)


def _values(cls, n: int) -> list:
    """A distinct value per field: ints for the first ones, then strings."""
    return [i + 7 if i < 2 else f"v{i}" for i in range(n)]


@pytest.mark.parametrize("cls", QUICK, ids=lambda c: c.__name__)
def test_quick_init_is_applied(cls):
    assert can_quick_init(cls)
    assert getattr(cls.__init__, "quick", False)


@pytest.mark.parametrize("cls", QUICK, ids=lambda c: c.__name__)
def test_same_fields_as_the_generated_init(cls):
    plain = _generated(cls)
    fields = dataclasses.fields(cls)
    required = [f for f in fields if f.default is dataclasses.MISSING]
    vals = _values(cls, len(fields))
    # only the required ones: the defaults
    a, b = cls(*vals[:len(required)]), plain(*vals[:len(required)])
    assert a.__dict__ == b.__dict__ and list(a.__dict__) == list(b.__dict__)
    # all, positional and by keyword
    a, b = cls(*vals), plain(*vals)
    assert a.__dict__ == b.__dict__ and list(a.__dict__) == list(b.__dict__)
    kw = {f.name: v for f, v in zip(fields, vals)}
    assert cls(**kw) == cls(*vals)
    assert hash(cls(**kw)) == hash(cls(*vals))
    with pytest.raises(TypeError):
        cls(*vals, "one too many")
    with pytest.raises(TypeError):
        cls()
    obj = cls(*vals)
    with pytest.raises(dataclasses.FrozenInstanceError):
        obj.start = 1  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(obj)) == obj
    assert dataclasses.replace(obj, **{fields[0].name: 99}).__dict__ == {**obj.__dict__, fields[0].name: 99}


def test_classes_it_cannot_stand_for_keep_their_init():
    @dataclasses.dataclass(frozen=True)
    class WithPost:
        a: int

        def __post_init__(self):
            pass

    @dataclasses.dataclass(frozen=True)
    class WithFactory:
        a: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass
    class NotFrozen:
        a: int

    @dataclasses.dataclass(frozen=True)
    class KwOnly:
        a: int = dataclasses.field(kw_only=True)

    for cls in (WithPost, WithFactory, NotFrozen, KwOnly):
        init = cls.__init__
        assert not can_quick_init(cls)
        assert quick_init(cls).__init__ is init
