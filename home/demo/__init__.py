"""Demo content: the protocol (`home.demo.site`, run by `manage.py seed_demo`) and the base
app's own content (`home.demo.content`), which `seed_demo` finds here as the app's `demo`
module like every other app's."""

from home.demo.content import DEMO_PASSWORD, ORDER, seed

__all__ = ["DEMO_PASSWORD", "ORDER", "seed"]
