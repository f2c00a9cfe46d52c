"""Kazakh catalogues for the installed apps that ship none (Wagtail, wagtail-localize...).

Wagtail and wagtail-localize have no `kk` catalogue; ours live in
locales/vendor/<app>/kk/LC_MESSAGES/<domain>.po (each folder is in
LOCALE_PATHS), one per catalogue the app ships, with the app's English
catalogue as the template.

    scripts/vendor_catalogues.py update   # after upgrading a dependency: add new
                                          # messages (empty), drop those gone, then
                                          # translate the empty ones
    scripts/vendor_catalogues.py check    # fail while a message is untranslated
    scripts/vendor_catalogues.py count    # translated messages per catalogue

Run from the project root with the virtualenv's Python (`make vendor-catalogues`).
"""

import os
import sys
from pathlib import Path

import django
import polib

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "locales" / "vendor"
LANGUAGE = "kk"
HEADER = {
    "Project-Id-Version": "Otandas Kazakh catalogues of {app}",
    "Language": LANGUAGE,
    "Last-Translator": "Otandas editorial team",
    "Language-Team": "Kazakh (Otandas editorial team)",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n!=1);",
}


def vendor_catalogues():
    """[(app name, template .po, our .po)] for every installed app outside the project
    with an English catalogue and no Kazakh one of its own."""
    from django.apps import apps

    found = []
    for config in apps.get_app_configs():
        app_dir = Path(config.path)
        if app_dir.parent == ROOT:
            continue  # the project's own apps: locales/<lang>/
        english = app_dir / "locale" / "en" / "LC_MESSAGES"
        if not english.is_dir() or (app_dir / "locale" / LANGUAGE).is_dir():
            continue
        for template in sorted(english.glob("*.po")):
            ours = VENDOR / config.name / LANGUAGE / "LC_MESSAGES" / template.name
            found.append((config.name, template, ours))
    return found


def key(entry):
    return (entry.msgctxt, entry.msgid)


def template_entries(template_path):
    """The messages to translate: the app's English catalogue, plus any its Russian one
    translates that the English one lacks (their templates are not always in step)."""
    wanted = {key(e): e for e in polib.pofile(str(template_path)) if not e.obsolete}
    russian = template_path.parent.parent.parent / "ru" / "LC_MESSAGES" / template_path.name
    if russian.is_file():
        for entry in polib.pofile(str(russian)).translated_entries():
            wanted.setdefault(key(entry), entry)
    return wanted


def update(app, template_path, path):
    po = polib.pofile(str(path), wrapwidth=0) if path.exists() else polib.POFile(wrapwidth=0)
    po.metadata = {**{k: v.format(app=app) for k, v in HEADER.items()}, **po.metadata}
    po.metadata["Plural-Forms"] = HEADER["Plural-Forms"]
    po.metadata.setdefault("PO-Revision-Date", "2026-12-02 00:00+0000")
    wanted = template_entries(template_path)
    kept = [e for e in po if key(e) in wanted and not e.obsolete]
    have = {key(e) for e in kept}
    added = 0
    for entry_key, source in wanted.items():
        if entry_key in have:
            continue
        entry = polib.POEntry(
            msgctxt=source.msgctxt,
            msgid=source.msgid,
            msgid_plural=source.msgid_plural,
            msgstr="",
            msgstr_plural={0: "", 1: ""} if source.msgid_plural else {},
            occurrences=source.occurrences,
            flags=[flag for flag in source.flags if flag != "fuzzy"],
            comment=source.comment,
        )
        kept.append(entry)
        added += 1
    removed = len([e for e in po if not e.obsolete]) - (len(kept) - added)
    new = polib.POFile(wrapwidth=0)
    new.metadata = po.metadata
    new.header = (
        f"Kazakh translation of {app}'s messages for Otandas (scripts/vendor_catalogues.py)."
    )
    new.extend(kept)
    path.parent.mkdir(parents=True, exist_ok=True)
    new.save(str(path))
    return added, removed


def untranslated(path):
    po = polib.pofile(str(path))
    return [e for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]


def main(command):
    catalogues = vendor_catalogues()
    failed = False
    for app, template, path in catalogues:
        name = f"{app}/{template.name}"
        if command == "update":
            added, removed = update(app, template, path)
            todo = len(untranslated(path))
            print(f"{name}: {added} added, {removed} removed, {todo} to translate")
        elif command == "check":
            missing = untranslated(path) if path.exists() else ["(no catalogue)"]
            if missing:
                failed = True
                print(f"{name}: {len(missing)} untranslated")
        elif command == "count":
            count = len(polib.pofile(str(path)).translated_entries()) if path.exists() else 0
            print(f"{count:5d}  {name}")
        else:
            sys.exit(__doc__)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    django.setup()
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
