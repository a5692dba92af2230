"""Sending documents to the desk's printer through CUPS, and saying in words what went wrong."""
