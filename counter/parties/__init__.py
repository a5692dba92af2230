"""The people and companies a case is for: their identifying numbers, checked, and how they are shown masked.

- :mod:`counter.parties.identifiers`: 居民身份证号 and 统一社会信用代码, checked and built.
- :mod:`counter.parties.masking`: ID numbers, credit codes and phone numbers with their middle hidden.
- :mod:`counter.parties.names`: a person's name as the review pad shows it, the surname kept.
"""
