"""BVCT Desktop: records of the internal political protection office, offline and encrypted."""

__version__ = "0.1.0"
