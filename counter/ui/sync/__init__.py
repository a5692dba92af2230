"""The sync page: packages to and from the hall, what is still pending, and the review list."""
