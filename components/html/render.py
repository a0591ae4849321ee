"""The one Jinja2 environment for every piece of HTML and CSS, built once at import.

HTML templates (``*.html.j2``) are autoescaped, and so is any template not named ``*.css.j2``:
data text reaches HTML only as an escaped template variable. CSS templates see the theme as
``theme``.
"""

from __future__ import annotations

import jinja2

from components import theme

ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("components.html", "templates"),
    autoescape=jinja2.select_autoescape(
        enabled_extensions=("html", "html.j2"), disabled_extensions=("css.j2",), default=True
    ),
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)
ENVIRONMENT.globals["theme"] = theme


def render(template_name: str, **values) -> str:
    """``template_name`` rendered with ``values``."""
    return ENVIRONMENT.get_template(template_name).render(**values)
