"""Every package our code imports directly is pinned: the apps' in requirements.txt (they run in
production), the tests' and benchmarks' in requirements-dev.txt or requirements.txt. A package that
arrives only as someone else's dependency can change or vanish with that package's next release."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_APPS = {"tests", "bench"}


def local_packages() -> set[str]:
    return {path.parent.name for path in ROOT.glob("*/__init__.py")} | {"manage", "tests", "bench"}


def app_folders() -> list[Path]:
    return sorted(path.parent for path in ROOT.glob("*/__init__.py") if path.parent.name not in NOT_APPS)


def imported_modules(folders) -> dict[str, str]:
    """Top-level module imported (anywhere in a file, function-local imports too) -> a file importing it."""
    found: dict[str, str] = {}
    for folder in folders:
        for path in folder.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(requirements: str) -> set[str]:
    """Distribution names pinned (``==``) in a requirements file and the files it includes."""
    names: set[str] = set()
    for line in (ROOT / requirements).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            names |= pinned(line[3:].strip())
        elif "==" in line:
            names.add(normalise(re.split(r"[\[=<>~!; ]", line, maxsplit=1)[0]))
    return names


def unpinned(modules: dict[str, str], pins: set[str]) -> list[str]:
    distributions = packages_distributions()
    local = local_packages()
    missing = []
    for module, path in sorted(modules.items()):
        if module in sys.stdlib_module_names or module in local or module == "__future__":
            continue
        names = {normalise(name) for name in distributions.get(module, [])}
        if not names:
            missing.append(f"{module} (imported by {path}) belongs to no installed distribution")
        elif not names & pins:
            missing.append(f"{module} (imported by {path}, distribution {', '.join(sorted(names))})")
    return missing


def test_every_package_the_apps_import_is_pinned_in_requirements_txt():
    assert unpinned(imported_modules(app_folders()), pinned("requirements.txt")) == []


def test_every_package_the_tests_and_benchmarks_import_is_pinned():
    modules = imported_modules([ROOT / "tests", ROOT / "bench"])
    assert unpinned(modules, pinned("requirements-dev.txt")) == []


def test_the_check_sees_an_unpinned_import():
    assert unpinned({"jwt": "certificates/badges.py"}, set()) == [
        "jwt (imported by certificates/badges.py, distribution pyjwt)"
    ]
