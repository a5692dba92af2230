"""The words of the 告知承诺书 and of the 撤销行政许可决定书 (:mod:`counter.documents.notice_pledge`).

Legal paper in Chinese, never translated, as :mod:`counter.documents.words`.  The elements are those 国办发〔2020〕42号
asks the deciding body to tell in writing: the 事项, its 条件, the 材料 the promise stands for, what is promised and
what a false promise brings; the revocation stands on 《中华人民共和国行政许可法》第六十九条第二款.
"""

from __future__ import annotations

GUIDANCE = "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）"
REVOCATION_ARTICLE = "《中华人民共和国行政许可法》第六十九条第二款"

PLEDGE_TITLE = "告知承诺书"
PLEDGE_NOUN = "告知承诺书"
PLEDGE_INTRO = (
    "依照{basis}，{department}对“{item}”实行告知承诺。现将有关事项书面告知如下，"
    "申请人作出书面承诺后，本机关当场作出许可决定，并在许可后依法核查。"
)
H_TOLD = "一、告知事项"
ITEM = "事项"
CONDITIONS = "条件"
MATERIALS = "材料"
CHECK = "核查"
CHECK_VALUE = "本机关自作出许可决定之日起{limit}内对承诺内容进行核查，最迟于{date}前完成；申请人应当配合核查。"
H_PROMISE = "二、承诺内容"
H_BREACH = "三、违诺后果"
#: what a promise found false brings, in the order the body takes it (国办发〔2020〕42号 asks the 违诺后果 told;
#: 行政许可法 第六十九条第二款 and, where the item's law orders it, a correction first): never a revocation without the
#: steps before it
BREACH = (
    "经核查，申请人的承诺与实际情况不符的，{chain}不实承诺依照"
    + GUIDANCE
    + "记入信用记录，申请人依法承担相应的法律责任。"
)
BREACH_CORRECTION = "本机关依照{law}的规定书面责令限期改正，期满后复查；期满未改正或者改正后仍不符合承诺内容的，"
BREACH_HEARING = (
    "本机关书面告知拟撤销行政许可的事实、理由和依据以及陈述、申辩的权利，听取申请人的陈述、申辩后，依照"
    + REVOCATION_ARTICLE
    + "的规定撤销行政许可。"
)
DECLARATION = "申请人已知晓上述告知事项，自愿作出上述承诺，承诺内容真实，愿意承担不实承诺的法律责任。"
GRANTED = "本机关已于{date}依据本告知承诺书当场作出许可决定。"
LIST_JOIN = "；"
NOTHING = "无"

REVOCATION_TITLE = "撤销行政许可决定书"
REVOCATION_NOUN = "决定书"
FOUND_FALSE = (
    "{you}于{granted}以告知承诺方式取得“{item}”许可。本机关于{checked}依法核查：{finding}"
    "{you}的场所使用、营业情况或者所作承诺与实际情况不符。"
)
NOT_CORRECTED = "本机关责令于{date}前改正，期满未改正或者改正后仍不符合承诺内容。"  # a record from before the 复查
#: the 复查 of the correction ordered, by what it found (counter.case.pledge_steps.Recheck): one finding, never two
ORDERED = "本机关于{made}书面责令{you}限期改正，通知书于{served}送达，改正期限至{by}。"
RECHECKED = {
    "not_corrected": "本机关于{day}复查，{you}期满未改正：{finding}",
    "still_not": "本机关于{day}复查，{you}改正后仍不符合承诺内容：{finding}",
}
UNDUE = "{you}以不实承诺取得的行政许可，属于以不正当手段取得行政许可。"
HEARD = "本机关已于{heard}书面告知{you}拟撤销的事实、理由和依据，以及陈述、申辩的权利，期限至{by}。"
HEARD_SERVED = (
    "本机关于{heard}书面告知{you}拟撤销的事实、理由和依据，以及陈述、申辩的权利，告知书于{served}送达，"
    "陈述、申辩期限至{by}。"
)
#: what the period to be heard gave (counter.case.pledge_steps.HearingRecord)
HEARD_NOTHING = "{you}在陈述、申辩期限内未提出陈述、申辩意见。"
HEARD_SAID = "{you}提出陈述、申辩意见：{said}本机关复核认为：{answer}"
GROUND_BOTH = "{law}和" + REVOCATION_ARTICLE
REVOCATION_DECISION = "依照{ground}的规定，本机关决定撤销该行政许可。"

CORRECTION_TITLE = "责令限期改正通知书"
CORRECTION_ORDER = "依照{law}的规定，本机关责令{you}于{date}前改正，使场所符合所作承诺。"  # a date given before service
CORRECTION_ORDER_DAYS = "依照{law}的规定，本机关责令{you}自收到本通知书之日起{days}个工作日内改正，使场所符合所作承诺。"
CORRECTION_AFTER = (
    "{you}改正后，请告知本机关复查。期满未改正或者改正后仍不符合承诺内容的，本机关将依法撤销该许可；"
    "撤销前，本机关将书面告知{you}陈述、申辩的权利。"
)

HEARING_TITLE = "撤销行政许可陈述申辩告知书"
HEARING_INTENT = "本机关拟依照{ground}的规定，撤销该行政许可。"
HEARING_PERIOD = "自收到本告知书之日起{days}个工作日内"
HEARING_PERIOD_DATE = "于{date}前"  # a last day given before service
HEARING_RIGHT = (
    "{you}有权进行陈述和申辩。请{period}向本机关提出陈述、申辩意见，书面或者口头均可；"
    "本机关将听取并复核，{you}提出的事实、理由或者证据成立的，本机关将予以采纳。"
    "逾期未提出的，视为放弃陈述和申辩的权利。"
)

#: how each paper names itself in its copies line ("本{noun}一式两份")
NOUNS = {
    PLEDGE_TITLE: PLEDGE_NOUN,
    REVOCATION_TITLE: REVOCATION_NOUN,
    CORRECTION_TITLE: "通知书",
    HEARING_TITLE: "告知书",
}
