"""The trial decode a package must pass before it is installed, run in a child process.

Public API:
    trial_decode(folder, timeout=TRIAL_TIMEOUT) -> None      # raises ModelCorrupt with the reason
    python -m bot.translate.trial FOLDER                     # the child: exit 0, or 1 with one line on stderr

The child loads the SentencePiece and CTranslate2 models of an unpacked package and
translates one short sentence with a small length cap. Running it apart means a model
that crashes the decoder (a segfault), hangs or throws is refused with a reason instead of
taking kabar down, now or later in the bot.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from bot.errors import ModelCorrupt

TRIAL_TIMEOUT = 120.0
TRIAL_SENTENCE = "Pasukan itu tiba di perbatasan pada hari Senin."
_HINT = "download the package again; it cannot be used as it is"


def trial_decode(folder: Path, timeout: float = TRIAL_TIMEOUT) -> None:
    """Translate one sentence with the package at `folder` in a child process; ModelCorrupt if it cannot."""
    import bot

    root = str(Path(bot.__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot.translate.trial", str(folder)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise ModelCorrupt(
            f"The package did not translate a test sentence within {timeout:.0f} s.", hint=_HINT
        ) from None
    if done.returncode == 0:
        return
    if done.returncode < 0:
        try:
            name = signal.Signals(-done.returncode).name
        except ValueError:
            name = f"signal {-done.returncode}"
        reason = f"the decoder crashed ({name})"
    else:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        reason = lines[-1] if lines else f"exit code {done.returncode}"
    raise ModelCorrupt(f"The package cannot translate a test sentence ({reason[:300].rstrip('.')}).", hint=_HINT)


def _main(folder: str) -> int:
    from bot.translate.engine import DecodeOptions, Engine
    from bot.translate.packages import inspect

    info = inspect(Path(folder))
    if info.problem:
        print(info.problem, file=sys.stderr)
        return 1
    try:
        engine = Engine(info, DecodeOptions(beam_size=1, max_ratio=1.0, batch_size=1, threads=1))
        (english,) = engine.translate([TRIAL_SENTENCE])
    except Exception as exc:  # noqa: BLE001 - any failure is the answer: the package cannot decode
        cause = exc.__cause__ if getattr(exc, "user_message", None) and exc.__cause__ else exc
        print(" ".join(f"{type(cause).__name__}: {cause}".split()), file=sys.stderr)
        return 1
    if not isinstance(english, str):
        print("the decoder returned no text", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1]) if len(sys.argv) == 2 else 2)
