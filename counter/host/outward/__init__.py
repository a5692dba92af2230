"""The outward services a hall's machine asks over HTTPS, and their secrets: the SMS gateway, the region's
platform (reports and ratings), its 电子证照库 and 事项库, and the platform's 前置库.  Every request goes out
through one bounded client (:mod:`.outward_http`); each secret is a file of its owner's alone, beside the
site's key, never in the database.
"""
