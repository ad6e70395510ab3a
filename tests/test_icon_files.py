"""Icons are found from a list of their files, without importing `diagrams`' provider modules."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.index import ModelIndex
from generator.load.model_loader import load_model
from generator.render import icon_files
from generator.render.icon_files import RESOURCES, icon_class, icon_file
from generator.views.all_views import all_views
from tests.conftest import ROOT, run_python


def test_the_list_is_current() -> None:
    """Regenerate with `python -m generator.render.icon_files` after adding a kind or a view icon."""
    done = subprocess.run([sys.executable, "-m", "generator.render.icon_files", "--check"], cwd=ROOT)
    assert done.returncode == 0


def test_every_listed_file_is_the_one_its_class_names() -> None:
    for icon, path in icon_files._table().items():
        cls = icon_class(icon)
        assert (
            cls is not None and (RESOURCES / path) == RESOURCES / cls._icon_dir.removeprefix("resources/") / cls._icon
        )


@pytest.mark.parametrize(
    "model", ["model", "examples/serverless-wild-rydes/model", "examples/hybrid-enterprise-orders/model"]
)
def test_every_icon_the_example_views_use_is_listed(model: str) -> None:
    used = {n.icon for v in all_views(ModelIndex(load_model(ROOT / model).model)) for n in v.nodes if n.icon}
    assert used and used <= set(icon_files._table())


def test_an_icon_not_listed_or_missing_is_found_through_its_class(monkeypatch) -> None:
    assert icon_file("onprem.database.Oracle") == RESOURCES / "onprem/database/oracle.png"
    monkeypatch.setattr(icon_files, "_table", lambda: {"compute.Lambda": "aws/compute/no-such-file.png"})
    icon_file.cache_clear()  # looked up once per icon: forget what earlier tests found
    try:
        assert icon_file("compute.Lambda") == RESOURCES / "aws/compute/lambda.png"
        assert icon_file("compute.NoSuchIcon") is None
    finally:
        icon_file.cache_clear()  # the patched table's answers must not outlive the test


def test_drawing_the_example_imports_no_provider_module() -> None:
    code = (
        "import sys\n"
        "from generator.index import ModelIndex\n"
        "from generator.load.model_loader import load_model\n"
        "from generator.render.diagram_render import dot_source\n"
        "from generator.views.all_views import all_views\n"
        "from pathlib import Path\n"
        "for view in all_views(ModelIndex(load_model(Path('model')).model)):\n"
        "    dot_source(view)\n"
        "print(sorted(m for m in sys.modules if m.startswith('diagrams.aws')))\n"
    )
    done = run_python(code)
    assert done.stdout.strip() == "[]"
