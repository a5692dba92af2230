"""Helpers with no domain of their own, used by several areas: reading a handed-in file within a size limit."""
