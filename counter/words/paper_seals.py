"""What the printing commands say of a paper's electronic seal, in the desks' words: the paper, the seal and the
body, never files, digests or certificates by their technical names."""

from __future__ import annotations

from counter.words.translate import tr


def sealed_ofd_text(body: str) -> str:
    return tr("OFD 文书已加盖{body}的电子印章。").format(body=body)


def unsealed_ofd_text(body: str) -> str:
    """Said when a paper asked for as OFD was made without a seal: this machine holds none of its body's."""
    return tr(
        "注意：本机没有{body}的电子印章，另存的 OFD 文书未加盖电子印章，只是电子副本，不能代替盖章的纸质文书送达；"
        "须由系统管理员为该单位制作电子印章后再出具。"
    ).format(body=body)
