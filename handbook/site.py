"""Build the site into a temporary directory and swap it in only when the build succeeds."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OFFLINE = "HANDBOOK_OFFLINE"  # mkdocs.yml passes it to the handbook plugin's `offline` option


def build_site(root: Path, site: Path, offline: bool = False) -> int:
    """Run `mkdocs build --strict` into a fresh directory (the offline copy if asked); replace `site` only on success."""
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", OFFLINE: "true" if offline else "false"}
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(fresh)]
        code = subprocess.run(command, cwd=root, env=env).returncode
        if code:
            print(f"build failed: {site} is left as it was", file=sys.stderr)
            return code
        old = site.with_name(f".{site.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if site.exists():
            site.rename(old)
        fresh.rename(site)
        shutil.rmtree(old, ignore_errors=True)
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
