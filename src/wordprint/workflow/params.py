"""Rule parameters that can be shown in Snakemake's report without running as markup.

``snakemake --report`` shows each job's parameters as ``str(value)`` inside a ``<script>``
element and does not escape ``</script>``: a catalog title or a config label holding it would
end the element, and what follows would run in the reader's browser. Values passed as rule
parameters therefore print ``<`` and ``>`` as the escapes ``\\u003c`` and ``\\u003e``, while
scripts receive them unchanged: :func:`shown_safely` for the dicts and lists built from the
config and catalog, :func:`escaped_repr` for the classes (a catalog row, a comparison, an
attribution plan) that are passed whole.
"""

from __future__ import annotations

from typing import Any, TypeVar

__all__ = ["ShownDict", "ShownList", "escape_markup", "escaped_repr", "shown_safely"]

T = TypeVar("T", bound=type)


def escape_markup(text: str) -> str:
    """``text`` with ``<`` and ``>`` written as JSON/JavaScript escapes.

    >>> escape_markup("</script>")
    '\\\\u003c/script\\\\u003e'
    """
    return text.replace("<", "\\u003c").replace(">", "\\u003e")


def escaped_repr(cls: T) -> T:
    """Class decorator: the class's own ``repr`` (e.g. a dataclass's), with markup escaped."""
    plain = cls.__repr__

    def __repr__(self: Any) -> str:
        return escape_markup(plain(self))

    cls.__repr__ = __repr__
    return cls


class _Shown:
    def __repr__(self) -> str:
        return escape_markup(super().__repr__())

    __str__ = __repr__


class ShownList(_Shown, list):
    """A list whose printed form escapes markup."""


class ShownDict(_Shown, dict):
    """A dict whose printed form escapes markup."""


def shown_safely(value: Any) -> Any:
    """``value`` as it was, but printing markup escaped (dicts and lists; other values as is).

    >>> shown_safely({"label": "<b>"}) == {"label": "<b>"}, str(shown_safely(["<b>"]))
    (True, "['\\\\u003cb\\\\u003e']")
    """
    if isinstance(value, dict):
        return ShownDict(value)
    if isinstance(value, (list, tuple)):
        return ShownList(value)
    return value
