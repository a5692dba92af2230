"""帮您办: the free agent service (代办帮办) for investment projects, as plain data and rules.

A project is registered at the hall's 帮您办 window, accepted, given its agents (代办员), signed for (授权委托书 and
承诺书), planned stage by stage (立项, 用地, 规划, 施工, 竣工), and served until it is completed (办结, with its
evaluation) or terminated (终止).  Seed 000, 兴安盟全面推行“蒙速办·帮您办”工作实施方案 and its annexes 1-8.

- :mod:`counter.projects.service_items`: the reference list of agent-service items (附件1), read and checked.
- :mod:`counter.projects.model`: the project, its plan, its coordinations and history, as frozen values.
- :mod:`counter.projects.rules`: the moves between states, what each needs, and what a plan must be.
- :mod:`counter.projects.schedule`: where a project stands — its open stage, its next steps and their dates.
- :mod:`counter.projects.report`: the monthly report a county sends the league.
"""
