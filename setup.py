"""Which packages the wheel holds: everything under netcompanion/, plus the top-level resources/
folder (icons, stylesheet, sample card) installed as the package ``netcompanion.resources``, so that
the app reads it through importlib.resources wherever it is installed. The rest is in pyproject.toml.
"""
from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["netcompanion", "netcompanion.*"]), "netcompanion.resources"],
    package_dir={"netcompanion.resources": "resources"},
)
