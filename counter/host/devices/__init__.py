"""The desk's devices: the ID card reader, the hall's queue system, the document camera and the review pad's
voice; and the JSON answer of a device's local HTTP service, read through a format file.
"""
