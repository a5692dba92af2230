"""帮您办: investment projects served by the hall's agents, and their papers."""
