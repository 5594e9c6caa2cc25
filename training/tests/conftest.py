import pytest

from conftest import LANGUAGES, tagged
from home.pages.localization import translate_object
from home.projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from training.factories import TrainingIndexPageFactory


@pytest.fixture
def projects(homes):
    index = ProjectIndexPageFactory(parent=homes["en"])
    return {
        "c4s": ProjectPageFactory(parent=index, title="Cluster4Smart", slug="cluster4smart"),
        "bsr": ProjectPageFactory(parent=index, title="BSR", slug="bsr"),
    }


@pytest.fixture
def training_index(homes):
    return TrainingIndexPageFactory(parent=homes["en"])


def translate_everywhere(page, locales):
    for code in LANGUAGES[1:]:
        translate_object(page, locales[code], tagged(code), strict=False)
