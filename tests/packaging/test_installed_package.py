"""`pip install .` gives a working `netcompanion` command whose resources load from the package.

The wheel is built from this tree and installed (without its dependencies, which the test's own
environment already has) into a folder outside the repository, and the command runs from elsewhere.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the wheel was installed into (the package, and bin/netcompanion)."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(work / "wheels"), str(ROOT)], check=True, cwd=work, timeout=600,
                   stdin=subprocess.DEVNULL)
    wheel = next((work / "wheels").glob("netcompanion-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(work / "site"),
                    str(wheel)], check=True, cwd=work, timeout=600, stdin=subprocess.DEVNULL)
    return work / "site"


def _run(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(installed), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(installed / "bin" / "netcompanion"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)


def test_the_installed_command_runs_the_installed_package(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, tmp_path, "--help")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "usage: netcompanion" in result.stdout
    env = dict(os.environ, PYTHONPATH=str(installed))
    where = subprocess.run([sys.executable, "-c", "import netcompanion; print(netcompanion.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(installed)


def test_the_installed_app_passes_its_self_test_from_another_folder(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, tmp_path, "gui", "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: scan: ok" in result.stdout and "self-test: ok" in result.stdout


def test_the_installed_package_migrates_a_new_database(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, tmp_path, "--db", str(tmp_path / "new.db"), "contacts", "list")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "new.db").is_file()
