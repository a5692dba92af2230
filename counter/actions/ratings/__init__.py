"""好差评: the pad, the record of a rating, and a bad rating followed up."""
