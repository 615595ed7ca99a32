import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def test_the_planwatch_command_runs_management_commands():
    result = subprocess.run(
        [str(BIN / "planwatch"), "help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    for command in ("migrate", "sync_roles", "demo", "report"):
        assert command in result.stdout
