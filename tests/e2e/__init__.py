import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
