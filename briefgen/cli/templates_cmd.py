"""``briefgen templates list|show|export|import|delete``: the built-in and user templates."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from briefgen.cli.common import EXIT_OK, error_line, print_json


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "templates",
        help="list, show, import, export or delete templates",
        description="Templates set a brief's look and contents. Built-in templates cannot be changed; "
        "user templates live in the user data folder ($BRIEFGEN_DATA_DIR overrides it).",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = actions.add_parser("list", help="list the templates")
    ls.add_argument("--json", action="store_true", help="print a JSON list of {name, label, ...}")
    show = actions.add_parser("show", help="print a template as JSON")
    show.add_argument("name", metavar="NAME|FILE")
    export = actions.add_parser("export", help="write a template to a .json file")
    export.add_argument("name", metavar="NAME")
    export.add_argument("file", metavar="FILE")
    imp = actions.add_parser("import", help="check a template file and add it to your templates")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--name", metavar="NAME", help="store it under this name instead of the file's own")
    imp.add_argument("--replace", action="store_true", help="replace a user template of the same name")
    delete = actions.add_parser("delete", help="delete one of your templates")
    delete.add_argument("name", metavar="NAME")


def run(args: argparse.Namespace) -> int:
    from briefgen.templates.serialize import template_to_json
    from briefgen.templates.store import (
        delete_template,
        export_template,
        import_template,
        list_templates,
        logo_outside_warning,
        resolve_template,
        user_templates_dir,
    )

    action: str = args.action
    if action == "list":
        infos = list_templates(warn=lambda message: error_line(f"warning: {message}"))
        if args.json:
            print_json(
                [
                    {
                        "name": i.name,
                        "label": i.label,
                        "description": i.description,
                        "builtin": i.builtin,
                        "path": i.path,
                        **({"error": i.error} if i.error else {}),
                    }
                    for i in infos
                ]
            )
            return EXIT_OK
        width = max(len(i.name) for i in infos)
        for i in infos:
            kind = "built-in" if i.builtin else "user"
            text = f"unusable: {i.error}" if i.error else f"{i.label}: {i.description}" if i.description else i.label
            sys.stdout.write(f"{i.name:<{width}}  {kind:<8}  {text}\n")
        return EXIT_OK
    if action == "show":
        sys.stdout.write(template_to_json(resolve_template(args.name)))
        return EXIT_OK
    if action == "export":
        path = export_template(args.name, args.file)
        sys.stdout.write(f"{path}\n")
        return EXIT_OK
    if action == "import":
        template = import_template(args.file, name=args.name, replace_existing=args.replace)
        note = logo_outside_warning(template, args.file)
        if note:
            error_line(f"warning: {note}")
        sys.stdout.write(f'imported "{template.name}" into {user_templates_dir()}\n')
        return EXIT_OK
    if action == "delete":
        path = delete_template(args.name)
        sys.stdout.write(f"deleted {path}\n")
        return EXIT_OK
    raise AssertionError(action)  # argparse only lets the actions above through
