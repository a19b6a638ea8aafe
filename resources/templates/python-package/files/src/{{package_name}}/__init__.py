"""{{description}}"""

__version__ = "0.1.0"

__all__ = ["greet", "__version__"]


def greet(name: str = "world") -> str:
    """Return a friendly greeting for ``name``.

    >>> greet("Ada")
    'Hello, Ada!'
    """
    name = name.strip()
    if not name:
        raise ValueError("name must not be empty")
    return f"Hello, {name}!"
