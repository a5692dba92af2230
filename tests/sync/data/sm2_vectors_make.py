"""Make tests/sync/data/sm2_vectors.json: SM2 vectors from sm-crypto (npm, 0.3.13) and counter.sync.sm2, crossed.

Run by hand where node and the npm package are at hand (``npm install sm-crypto@0.3.13`` in a folder named by
``SM_CRYPTO_DIR``); the tests read only the JSON, with no network and no node.  sm-crypto makes keys, signs with
the default user ID (``{hash: true}``) and encrypts in C1C3C2 order (``cipherMode 1``); its ciphertext lacks the
leading 04 of C1, which is added here.  This module signs and encrypts with fixed nonces, and sm-crypto verifies
and decrypts those; a vector is written only when the other side accepted it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from counter.sync import sm2

MESSAGES = ["abc", "message digest", "政务服务中心 COUNTER-SYNC", "x" * 100]

JS = r"""
const sm2 = require('sm-crypto').sm2;
const ours = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = {theirs: [], ours_checked: []};
for (const m of ours.messages) {
  const k = sm2.generateKeyPairHex();
  out.theirs.push({private_key: k.privateKey, public_key: k.publicKey, message: m,
    signature: sm2.doSignature(m, k.privateKey, {hash: true, publicKey: k.publicKey}),
    ciphertext: '04' + sm2.doEncrypt(m, k.publicKey, 1)});
}
for (const v of ours.vectors) {
  out.ours_checked.push({
    verified: sm2.doVerifySignature(v.message, v.signature, v.public_key, {hash: true}),
    decrypted: sm2.doDecrypt(v.ciphertext.slice(2), v.private_key, 1) === v.message});
}
console.log(JSON.stringify(out));
"""


def main() -> None:
    ours = []
    for i, message in enumerate(MESSAGES):
        d = int.from_bytes(sm2.sm3(b"counter sm2 vector %d" % i), "big") % (sm2.SM2P256V1.n - 2) + 1
        k = int.from_bytes(sm2.sm3(b"counter sm2 nonce %d" % i), "big") % (sm2.SM2P256V1.n - 1) + 1
        public = sm2.public_key(d)
        ours.append(
            {
                "private_key": f"{d:064x}",
                "public_key": public.hex(),
                "message": message,
                "k": f"{k:064x}",
                "signature": sm2.sign(d, message.encode(), k=k).hex(),
                "ciphertext": sm2.encrypt(public, message.encode(), k=k).hex(),
            }
        )
    run = subprocess.run(
        ["node", "-e", JS],
        input=json.dumps({"messages": MESSAGES, "vectors": ours}),
        capture_output=True,
        text=True,
        check=True,
        cwd=os.environ.get("SM_CRYPTO_DIR", "."),
    )
    got = json.loads(run.stdout)
    checked = got["ours_checked"]
    if not all(c["verified"] and c["decrypted"] for c in checked):
        raise SystemExit(f"sm-crypto refused our vectors: {checked}")
    data = {
        "made_by": "tests/sync/data/sm2_vectors_make.py, sm-crypto 0.3.13 on node " + _node_version(),
        "user_id": sm2.DEFAULT_USER_ID.decode(),
        "ciphertext_order": "C1C3C2",
        "sm_crypto": got["theirs"],
        "counter_verified_by_sm_crypto": ours,
    }
    target = Path(__file__).with_name("sm2_vectors.json")
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _node_version() -> str:
    return subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()


if __name__ == "__main__":
    main()
