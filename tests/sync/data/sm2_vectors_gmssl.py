"""Add gmssl's vectors to tests/sync/data/sm2_vectors.json (after sm2_vectors_make.py), and check it reads ours.

Run by hand with a Python that has gmssl 3.2.2 (PyPI, pure Python; ``pip install gmssl==3.2.2`` in a throwaway
virtual environment) and nothing of this project's: the keys are the file's ``counter_verified_by_sm_crypto`` ones.
gmssl signs with the default user ID (``sign_with_sm3``) and encrypts in C1C3C2 order (``mode=1``), its C1 without
the leading 04, added here.  It is given each public key as 64 bytes without the 04: given the standard 65-byte
form, its ``sign_with_sm3`` fails (``binascii.Error: Odd-length string``: Z is computed over the prefixed key), the
fault that keeps it out of the app.  The script stops unless gmssl verifies and decrypts every vector of ours.
"""

from __future__ import annotations

import json
from pathlib import Path

from gmssl import func, sm2  # type: ignore[import-not-found]


def main() -> None:
    target = Path(__file__).with_name("sm2_vectors.json")
    data = json.loads(target.read_text(encoding="utf-8"))
    made = []
    for vector in data["counter_verified_by_sm_crypto"]:
        gm = sm2.CryptSM2(private_key=vector["private_key"], public_key=vector["public_key"][2:], mode=1)
        message = vector["message"].encode()
        if not gm.verify_with_sm3(vector["signature"], message):
            raise SystemExit(f"gmssl refused our signature of {vector['message']!r}")
        if gm.decrypt(bytes.fromhex(vector["ciphertext"][2:])) != message:
            raise SystemExit(f"gmssl did not decrypt our ciphertext of {vector['message']!r}")
        made.append(
            {
                "public_key": vector["public_key"],
                "private_key": vector["private_key"],
                "message": vector["message"],
                "signature": gm.sign_with_sm3(message, func.random_hex(gm.para_len)),
                "ciphertext": "04" + gm.encrypt(message).hex(),
            }
        )
    data["gmssl"] = made
    data["gmssl_made_by"] = "tests/sync/data/sm2_vectors_gmssl.py, gmssl 3.2.2 (PyPI); it verified and decrypted ours"
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
