import pytest

import {{package_name}}
from {{package_name}} import greet


def test_greet_default():
    assert greet() == "Hello, world!"


def test_greet_strips_whitespace():
    assert greet("  Ada ") == "Hello, Ada!"


def test_greet_rejects_empty_name():
    with pytest.raises(ValueError):
        greet("   ")


def test_version():
    assert {{package_name}}.__version__ == "0.1.0"
