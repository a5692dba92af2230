"""The site and its database: accounts, desks, keys, audit trail, backups, calendar and the store."""
