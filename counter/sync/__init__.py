"""Sync between a hall and its township centres.

A township takes intakes offline on its own database and hands its cases to
the hall in a signed package file; the hall sends signed updates back.  Each
site signs with its own Ed25519 key and accepts a package only from a site it
has registered, by that site's public key.
"""
