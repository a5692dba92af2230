"""帮您办 in the window: the agent's day, a project's page with its moves, the register form, and the month's report
in supervision.  Built on first use (F4), never while the desk starts."""
