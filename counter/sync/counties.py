"""The league's counties (旗、县、市、区) by their 行政区划代码: what the league's figures group its halls by.

A league registers each hall with the code of the county it serves (``counter site register --county``); the
figures name a county by this table and show a code it does not hold as the code itself, so a league elsewhere in
the region is counted right and only named less kindly.  The codes are the national administrative division codes
(GB/T 2260) of 兴安盟 (152200).
"""

from __future__ import annotations

import re

COUNTIES = {
    "152201": "乌兰浩特市",
    "152202": "阿尔山市",
    "152221": "科尔沁右翼前旗",
    "152222": "科尔沁右翼中旗",
    "152223": "扎赉特旗",
    "152224": "突泉县",
}
COUNTY_CODE = re.compile(r"\A[1-9]\d{5}\Z")


def county_name(code: str) -> str:
    """The county's name, or its code where this table does not know it."""
    return COUNTIES.get(code, code)
