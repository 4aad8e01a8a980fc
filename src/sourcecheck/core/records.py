"""A cheaper ``__init__`` for the frozen slotted dataclasses the analysis makes by the hundred.

A frozen dataclass's own ``__init__`` sets every field with ``object.__setattr__(self,
name, value)``, which looks the name up again and goes through a generic slot-wrapper call
for each field. :func:`set_through_slots` gives the class an ``__init__`` with the same
parameters, defaults and default factories that hands each value straight to its slot's
descriptor instead. Nothing else changes: the class stays frozen (assignment still raises
``FrozenInstanceError``), and equality, hashing, ``repr``, ``dataclasses.replace`` and
pydantic's serialisation and validation work as before.
"""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from typing import Any, TypeVar

RecordT = TypeVar("RecordT", bound=type)


class _Factory:
    """The default of a field made by a factory, shown as dataclasses shows it."""

    def __repr__(self) -> str:
        return "<factory>"


_FROM_FACTORY = _Factory()


def set_through_slots(cls: RecordT) -> RecordT:
    """Replace the ``__init__`` of ``cls``, a frozen slotted dataclass, by one that sets
    each field through its slot (apply it on top of ``@dataclass``)."""
    params = getattr(cls, "__dataclass_params__", None)
    if not is_dataclass(cls) or params is None or not params.frozen or "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} is not a frozen slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__, which this __init__ would skip")
    namespace: dict[str, Any] = {"_FROM_FACTORY": _FROM_FACTORY}
    parameters: list[str] = []
    body: list[str] = []
    for field in fields(cls):
        if not field.init or field.kw_only:
            raise TypeError(f"{cls.__name__}.{field.name}: only plain init fields are supported")
        name = field.name
        namespace[f"_set_{name}"] = getattr(cls, name).__set__  # the slot's member descriptor
        if field.default is not MISSING:
            namespace[f"_default_{name}"] = field.default
            parameters.append(f"{name}=_default_{name}")
        elif field.default_factory is not MISSING:
            namespace[f"_factory_{name}"] = field.default_factory
            parameters.append(f"{name}=_FROM_FACTORY")
            body.append(f"    if {name} is _FROM_FACTORY:\n        {name} = _factory_{name}()")
        else:
            parameters.append(name)
        body.append(f"    _set_{name}(self, {name})")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + "\n".join(body or ["    pass"])
    exec(source, namespace)  # the way dataclasses writes its own __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = {**{field.name: field.type for field in fields(cls)}, "return": None}
    cls.__init__ = init
    return cls
