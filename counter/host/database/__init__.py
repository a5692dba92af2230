"""The database as this machine meets it: which one a face means, what opening or using it can fail with, its
backups, what a quick start read of it, and an upgrade's migrations as a face reports them (each step, the
lock wait, who is told as long work ends).
"""
