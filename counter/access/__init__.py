"""Who may do what: roles, their permissions, the signed-in actor, passwords and lockout."""
