"""A throwaway virtualenv that sees this environment's packages, for real installs offline.

``pip install -e`` of a plugin package needs sourcecheck, setuptools and pip; downloading
them would make the test slow and networked. The new venv instead gets a ``.pth`` file that
adds this environment's site-packages, so pip (``--no-index --no-deps
--no-build-isolation``) installs the plugin alone, and its entry points are real metadata.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
from pathlib import Path


class OverlayVenv:
    def __init__(self, root: Path) -> None:
        self.root = root
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
        bin_dir = root / ("Scripts" if os.name == "nt" else "bin")
        self.python = bin_dir / ("python.exe" if os.name == "nt" else "python")
        purelib = self.run("-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
        parents = [*site.getsitepackages(), site.getusersitepackages()]
        # A .pth line starting with "import" is executed: addsitedir also runs the parent
        # environment's own .pth files, which is how its editable installs are found.
        line = "import site; " + "; ".join(f"site.addsitedir({p!r})" for p in parents)
        (Path(purelib.strip()) / "_sourcecheck_parent_env.pth").write_text(line + "\n")

    def run(self, *args: str, cwd: Path | None = None) -> str:
        """Run this venv's python; return stdout, or fail with stdout and stderr shown."""
        # Default discovery is what is under test: drop any plugin selection the test
        # session set for isolation, and be strict so a broken plugin fails loudly.
        dropped = {"PYTHONPATH", "PYTHONHOME", "SOURCECHECK_LOAD_PLUGINS"}
        env = {k: v for k, v in os.environ.items() if k not in dropped}
        env["SOURCECHECK_STRICT"] = "1"
        done = subprocess.run(
            [str(self.python), *args], cwd=cwd, env=env, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise AssertionError(
                f"{' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
            )
        return done.stdout

    def pip_install_editable(self, *packages: Path) -> None:
        editables = [arg for package in packages for arg in ("-e", str(package))]
        pip = ["-m", "pip", "install", "--quiet", "--no-index", "--no-deps"]
        self.run(*pip, "--no-build-isolation", *editables)
