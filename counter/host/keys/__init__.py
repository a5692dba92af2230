"""The keys kept outside the database: the site's data keys (personal data sealed at rest), its trail key (the
audit trail's chain), the seals' anchors written beside them, and the key a hall's server gave this desk.
"""
