"""The numbers note: what this machine remembers of each database it has used (that it existed here, the
numbers it issued), kept outside that database, and the turns this machine's processes take at it.
"""
