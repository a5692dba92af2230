"""Electronic seals on papers (GB/T 38540-2020 on OFD, GB/T 33190-2016): the seal's certificates and structures in
DER, the site's seal CA and the bodies' seals on this machine, sealing an OFD paper and checking one.

A domain area of its own: it draws on the papers (:mod:`counter.documents`) and on the national algorithms
(:mod:`counter.sync.sm2`), and neither of them on it."""
