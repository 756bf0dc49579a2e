"""The mkdocs-macros module: the macros pages call, as the handbook's plugin (handbook/plugin.py) renders them."""


def define_env(env) -> None:
    """Register the handbook plugin's macros (`show`, `term`, …) for the pages."""
    for name, macro in env.conf.plugins["handbook"].macros().items():
        env.macro(macro, name)
