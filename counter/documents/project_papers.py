"""The papers of the 帮您办 agent service (附件1-8 of the league's 实施方案), every word of them, from a project.

The annexes are reproduced in their own words; their blanks are filled from the stored project and the office
settings (XXX政务服务中心 is the office's name).  Four choices, and why:

- The reference list (附件1) and the flow chart (附件2) are the window's leaflets: not numbered, nobody signs
  them, and they end with their last block.  The six forms are a project's: each is numbered after the project
  and its annex (``XAM01-20260901-P08-0001-3``) and carries the project's number as its barcode, as a case's paper
  carries the case's, so a paper found in a file leads back to its project.
- A box of the annexes (请在方框内打钩, 非常满意 满意 不满意) is a cell of a table, ticked with ✓ where the project
  says so: the fonts carry no ☑, and a cell is a box the applicant can tick by hand when nothing is recorded yet.
- What the window does not know (the agent's ID number, a date still to be signed) stays a blank of full-width
  spaces, to be written in by hand, rather than a guess.
- The forms signed by both sides — the 授权委托书 (the 委托协议 of 附件2: the applicant keeps what it empowered
  the agent to do), the 办结单 and the 终止单 — are printed 一式两份, 申请人留存 and 存档; the 申请表, the 承诺书
  and the 评价表 are the applicant's own statements to the window, kept in its file: one copy, 存档.
"""

from __future__ import annotations

import datetime as dt

from counter.documents import project_words as words
from counter.documents import words as paper
from counter.documents.data import (
    Block,
    Column,
    DocumentData,
    Fields,
    Flow,
    Heading,
    Numbered,
    OfficeSettings,
    Pair,
    Pairs,
    SignOff,
    Table,
    Text,
)
from counter.documents.kinds import DocumentKind
from counter.documents.words import date_text
from counter.projects.forms import ProjectForm
from counter.projects.model import ProjectView
from counter.projects.service_items import ServiceList

KIND_OF_FORM: dict[ProjectForm, DocumentKind] = {
    ProjectForm.CATALOGUE: DocumentKind.PROJECT_CATALOGUE,
    ProjectForm.FLOWCHART: DocumentKind.PROJECT_FLOWCHART,
    ProjectForm.APPLICATION: DocumentKind.PROJECT_APPLICATION,
    ProjectForm.AUTHORISATION: DocumentKind.PROJECT_AUTHORISATION,
    ProjectForm.PLEDGE: DocumentKind.PROJECT_PLEDGE,
    ProjectForm.COMPLETION: DocumentKind.PROJECT_COMPLETION,
    ProjectForm.EVALUATION: DocumentKind.PROJECT_EVALUATION,
    ProjectForm.TERMINATION: DocumentKind.PROJECT_TERMINATION,
}
BOTH_SIDES = frozenset({ProjectForm.AUTHORISATION, ProjectForm.COMPLETION, ProjectForm.TERMINATION})
TALL_BOX = "\n\n\n"  # the 意见及建议 box when nothing is recorded: room for a few handwritten lines
TICK_BOX = "\n"  # the 评价表's boxes when no answer is recorded: tall enough to tick by hand


def paper_no(project_no: str, form: ProjectForm) -> str:
    """The number of a project's form: the project's number and the annex's (``…-P08-0001-3``)."""
    return f"{project_no}-{form.annex}"


def _date(day: dt.date | None) -> str:
    return date_text(day) if day is not None else words.BLANK_DATE


def _blank(text: str) -> str:
    return text.strip() or words.BLANK


def _code(project: ProjectView) -> str:
    return project.facts.code.strip() or words.NO_CODE


def _items_table(items: ServiceList, requested: tuple[int, ...], numbered: bool) -> Table:
    """The 22 items of the reference list two to a row, read down the left half first, each with its box.

    The 授权委托书 numbers them as its annex does (1.企业投资项目核准); the 申请表's annex lists them bare.  No
    column of their own for the numbers: the names need the width, or half of them wrap.
    """
    ticks = set(requested)
    cells = [
        (words.ITEM_NUMBERED.format(no=i.no, name=i.name) if numbered else i.name, words.TICK if i.no in ticks else "")
        for i in items.items
    ]
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:]
    rows = tuple((*a, *(right[n] if n < len(right) else ("", ""))) for n, a in enumerate(left))
    column = (Column(words.COL_REQUESTED, 0.455), Column(words.COL_TICK, 0.045, centred=True))
    return Table((*column, *column), rows)


def _requested(items: ServiceList, numbers: tuple[int, ...]) -> int:
    return sum(1 for no in set(numbers) if items.item(no) is not None)


def mandate_items(project: ProjectView) -> tuple[int, ...]:
    """The items a 授权委托书 lists: those signed for (the last signing's), or, to be signed, those applied for."""
    return project.mandate or project.facts.requested


def _agent_lines(agents: tuple[str, ...], office: OfficeSettings) -> tuple[Pair, ...]:
    """The 代办人's lines of 附件4, once for each agent the project was given (each is named, and signs for, in
    their own right); a blank set to be written in by hand when none is named yet."""
    return tuple(
        pair
        for agent in agents or ("",)
        for pair in (
            Pair(words.AGENT, agent),
            Pair(words.AGENT_SEX, ""),
            Pair(words.AGENT_ID, "", wide=True),
            Pair(words.AGENT_UNIT, office.office_name),
            Pair(words.AGENT_POST, ""),
        )
    )


def catalogue_blocks(items: ServiceList) -> list[Block]:
    """附件1: 序号, 承办部门, 事项名称, 事项类型, one item a row."""
    columns = (
        Column(words.COL_NO, 0.07, centred=True),
        Column(words.COL_DEPARTMENT, 0.16, centred=True),
        Column(words.COL_ITEM, 0.59),
        Column(words.COL_KIND, 0.18, centred=True),
    )
    return [Table(columns, tuple((str(i.no), i.department, i.name, i.kind) for i in items.items))]


def flowchart_blocks() -> list[Block]:
    """附件2: the steps joined by arrows, the 补充材料 loop, then the four notes."""
    flow = Flow(
        words.FLOW_STEPS,
        back_from=words.FLOW_BACK_FROM,
        back_to=words.FLOW_BACK_TO,
        back_box=words.FLOW_BACK_BOX,
        back_label=words.FLOW_BACK_LABEL,
    )
    return [flow, Numbered(words.FLOW_NOTES)]


def application_blocks(project: ProjectView, items: ServiceList) -> list[Block]:
    """附件3: the project unit, the project, the items asked for."""
    f = project.facts
    return [
        Heading(words.H_UNIT),
        Pairs(
            (
                Pair(words.UNIT_NAME, f.investor, wide=True),
                Pair(words.UNIT_ADDRESS, f.investor_address, wide=True),
                Pair(words.UNIT_HEAD, f.investor_head),
                Pair(words.POSTCODE, f.postcode),
                Pair(words.PHONE, f.phone),
                Pair(words.CONTACT, f.contact),
            )
        ),
        Heading(words.H_PROJECT),
        Pairs(
            (
                Pair(words.PROJECT_NAME, f.name, wide=True),
                Pair(words.LOCATION, f.location, wide=True),
                Pair(words.PROJECT_CODE, _code(project)),
                Pair(words.INVESTMENT, words.INVESTMENT_VALUE.format(amount=f.investment)),
                Pair(words.FUNDING, f.funding),
                Pair(words.LAND, f.land),
                Pair(words.KEY_PROJECT, words.YES if f.key_project else words.NO, wide=True),
                Pair(words.PURPOSE, f.purpose, wide=True),
                Pair(words.PROGRESS, f.progress, wide=True),
            )
        ),
        Heading(words.H_ITEMS.format(count=_requested(items, f.requested))),
        _items_table(items, f.requested, numbered=False),
    ]


def authorisation_blocks(project: ProjectView, items: ServiceList, office: OfficeSettings) -> list[Block]:
    """附件4: the declaration with its blanks filled, the items signed for ticked and counted, each agent's lines."""
    f, signed = project.facts, mandate_items(project)
    agents = words.AGENTS_JOIN.join(project.agents)
    declaration = words.AUTHORISATION_TEXT.format(
        head=_blank(f.investor_head),
        investor=f.investor,
        office=office.office_name,
        agent=_blank(agents),
        project=f.name,
    )
    return [
        Text(declaration),
        Text(words.AUTHORISATION_CHOICE.format(count=_requested(items, signed))),
        _items_table(items, signed, numbered=True),
        Text(words.AUTHORISATION_ACKNOWLEDGE),
        Text(words.AUTHORISATION_TERM),
        Pairs(_agent_lines(project.agents, office)),
        Text(words.AUTHORISATION_END),
    ]


def pledge_blocks(office: OfficeSettings) -> list[Block]:
    """附件5: the seven duties the project unit takes on."""
    duties = tuple(
        (paper.DOC_NUMBERED_CN.format(numeral=paper.DOC_NUMERALS[n]), duty.format(office=office.office_name))
        for n, duty in enumerate(words.PLEDGE_DUTIES)
    )
    return [Text(words.PLEDGE_INTRO.format(office=office.office_name)), Numbered(duties)]


def completion_blocks(project: ProjectView) -> list[Block]:
    """附件6: the project completed on its date, the papers handed back."""
    f = project.facts
    return [Text(words.COMPLETION_TEXT.format(name=f.name, code=_code(project), date=_date(project.ended_on)))]


def evaluation_blocks(project: ProjectView) -> list[Block]:
    """附件7: the three answers, the one given ticked, and the applicant's words."""
    f = project.facts
    answer = project.satisfaction.value if project.satisfaction is not None else ""
    columns = tuple(Column(label, 1.0, centred=True) for label in words.SATISFACTION.values())
    row = tuple(words.TICK if key == answer else "" for key in words.SATISFACTION) if answer else (TICK_BOX,) * 3
    note = project.evaluation_note.strip() if project.satisfaction is not None else ""
    return [
        Text(words.EVALUATION_TEXT.format(name=f.name, code=_code(project), date=_date(project.ended_on))),
        Table(columns, (row,)),
        Text(words.EVALUATION_ASK),
        Fields((Pair(words.EVALUATION_NOTE, note or TALL_BOX),)),
    ]


def termination_blocks(project: ProjectView) -> list[Block]:
    """附件8: the reason and the day the service ended."""
    f = project.facts
    text = words.TERMINATION_TEXT.format(
        name=f.name, code=_code(project), reason=_blank(project.end_reason), date=_date(project.ended_on)
    )
    return [Text(text)]


_NO_SIGN_OFF = SignOff(
    clerk_label="", clerk="", phone="", signers=(), signed_at="", issuer="", date="", seal_caption=""
)


def _sign_off(form: ProjectForm, project: ProjectView, office: OfficeSettings, issued_on: dt.date) -> SignOff:
    """The signatures and seals as each annex shows them; the office stamps only the papers it signs too."""
    unit = project.facts.investor
    unit_seal = paper.DOC_SEAL_PLACE.format(seal=words.UNIT_SEAL)

    def own(signer: str, signed_at: str, seal: str) -> SignOff:
        return SignOff("", "", "", (signer,), signed_at, unit, "", paper.DOC_SEAL_PLACE.format(seal=seal))

    if form is ProjectForm.APPLICATION:
        return SignOff(
            "", "", "", (words.APPLICATION_SIGNER,), words.APPLIED_ON.format(date=_date(project.applied_on)), unit,
            "", unit_seal,
        )  # fmt: skip
    if form is ProjectForm.AUTHORISATION:
        return own(words.PRINCIPAL_SIGNER, words.SIGNED_ON.format(date=_date(project.signed_on)), words.PRINCIPAL_SEAL)
    if form is ProjectForm.PLEDGE:
        return own(words.PLEDGE_SIGNER, words.PLEDGED_ON.format(date=_date(project.signed_on)), words.PLEDGE_SEAL)
    if form is ProjectForm.EVALUATION:
        return own(
            words.EVALUATION_SIGNER, words.EVALUATED_ON.format(date=_date(project.evaluated_on)), words.EVALUATION_SEAL
        )
    return SignOff(
        clerk_label="",
        clerk="",
        phone="",
        signers=(words.UNIT_SIGNER, words.AGENT_SIGNER),
        signed_at=words.BOTH_SIGNED_ON.format(date=date_text(issued_on)),
        issuer=office.office_name,
        date=date_text(issued_on),
        seal_caption=paper.DOC_SEAL_PLACE.format(seal=office.seal_caption),
        party_seal=paper.DOC_SEAL_PLACE.format(seal=words.APPLICANT_SEAL),
        party=unit,
    )


def _blocks(form: ProjectForm, project: ProjectView, items: ServiceList, office: OfficeSettings) -> list[Block]:
    if form is ProjectForm.APPLICATION:
        return application_blocks(project, items)
    if form is ProjectForm.AUTHORISATION:
        return authorisation_blocks(project, items, office)
    if form is ProjectForm.PLEDGE:
        return pledge_blocks(office)
    if form is ProjectForm.COMPLETION:
        return completion_blocks(project)
    if form is ProjectForm.EVALUATION:
        return evaluation_blocks(project)
    return termination_blocks(project)


def _header(form: ProjectForm, project: ProjectView) -> tuple[Pair, ...]:
    """The project's number, code and name; the 申请表 has them in its own boxes, and its number over its barcode
    and in its own (the page would not hold the 22 items and the signatures otherwise)."""
    number = Pair(words.PROJECT_NO, project.project_no)
    if form is ProjectForm.APPLICATION:
        return ()
    return (number, Pair(words.PROJECT_CODE, _code(project)), Pair(words.PROJECT_NAME, project.facts.name, wide=True))


def leaflet_for(form: ProjectForm, items: ServiceList, office: OfficeSettings, issued_on: dt.date) -> DocumentData:
    """The reference list (附件1) or the flow chart (附件2): the window's, for anyone who asks."""
    kind = KIND_OF_FORM[form]
    catalogue = form is ProjectForm.CATALOGUE
    return DocumentData(
        kind=kind,
        title=paper.DOC_TITLE[kind],
        office_name=office.office_name,
        office_name_mn=office.office_name_mn,
        doc_no="",
        case_no="",
        header=(),
        blocks=tuple(catalogue_blocks(items) if catalogue else flowchart_blocks()),
        sign_off=_NO_SIGN_OFF,
        copies=(words.CATALOGUE_COPY if catalogue else words.FLOW_COPY,),
        copies_note=words.CATALOGUE_NOTE if catalogue else words.FLOW_NOTE,
        barcode="",
        qr="",
        qr_caption="",
        issued_on=issued_on,
        subject=kind.value,
    )


def project_paper_for(
    form: ProjectForm,
    project: ProjectView | None,
    items: ServiceList,
    office: OfficeSettings,
    issued_on: dt.date,
    doc_no: str = "",
) -> DocumentData:
    """The paper ``form``, every word of it: a leaflet, or a project's form numbered ``doc_no``.

    The caller has checked that the form may be printed in the project's state
    (:func:`counter.projects.forms.printable`); a project's form without its project is a ValueError.
    """
    if not form.needs_project:
        return leaflet_for(form, items, office, issued_on)
    if project is None:
        raise ValueError(f"{form.value} is a project's paper")
    kind = KIND_OF_FORM[form]
    noun = paper.DOC_NOUN[kind]
    both = form in BOTH_SIDES
    return DocumentData(
        kind=kind,
        title=paper.DOC_TITLE[kind],
        office_name=office.office_name,
        office_name_mn=office.office_name_mn,
        doc_no=doc_no or paper_no(project.project_no, form),
        case_no="",
        header=_header(form, project),
        blocks=tuple(_blocks(form, project, items, office)),
        sign_off=_sign_off(form, project, office, issued_on),
        copies=words.COPY_LABELS if both else (words.FILE_COPY,),
        copies_note=(words.COPIES_NOTE if both else words.FILE_NOTE).format(noun=noun),
        barcode=project.project_no,
        qr="",
        qr_caption="",
        issued_on=issued_on,
        subject=project.project_no,
    )
