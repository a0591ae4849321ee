"""Every piece of HTML, from Jinja2 templates with autoescape on."""
