"""Every outward channel's outbox (the applicants' SMS, the region's platform, and those to come): the rules one
frame applies to all of them (:mod:`counter.outbox.rules`), pure, without storage or network."""
