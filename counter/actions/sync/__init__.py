"""Packages between a township and its hall: written, taken in, sealed, and where they stand."""
