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
BREACH = (
    "经核查，申请人的承诺与实际情况不符的，本机关依照" + REVOCATION_ARTICLE + "的规定撤销行政许可，"
    "申请人依法承担相应的法律责任，不实承诺依照" + GUIDANCE + "记入信用记录。"
)
DECLARATION = "申请人已知晓上述告知事项，自愿作出上述承诺，承诺内容真实，愿意承担不实承诺的法律责任。"
GRANTED = "本机关已于{date}依据本告知承诺书当场作出许可决定。"
LIST_JOIN = "；"
NOTHING = "无"

REVOCATION_TITLE = "撤销行政许可决定书"
REVOCATION_NOUN = "决定书"
REVOCATION_INTRO = (
    "{you}于{granted}以告知承诺方式取得“{item}”许可。本机关于{checked}依法核查：{finding}"
    "{you}的承诺与实际情况不符，属于以不正当手段取得行政许可。"
)
REVOCATION_DECISION = "依照" + REVOCATION_ARTICLE + "的规定，本机关决定撤销该行政许可。"
