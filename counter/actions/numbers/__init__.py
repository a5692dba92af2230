"""Case numbers never issued twice: the guard and the machine's note."""
