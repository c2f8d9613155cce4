"""Hoiku Desk: the front desk of a nursery's temporary childcare."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hoiku-desk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
