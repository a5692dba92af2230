"""The applicant told by SMS at each step (seed 001 第十八条: 短信、电话、电子邮件等形式实时告知).

Plain Python: which step of a case makes which message (:mod:`counter.sms.kinds`), the short texts
(:mod:`counter.sms.texts`), and the hall's gateway settings with the retry schedule (:mod:`counter.sms.gateway`).
The outbox that keeps the messages is :mod:`counter.db.outbox_store`; the sender,
:mod:`counter.actions.outbox.messages`.
"""
