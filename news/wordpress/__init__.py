"""Importing a WordPress site (a WXR export) into the portal.

- `wxr`: reads the export (every WXR version, 1.0 to 1.2, under http:// or https://) into
  plain items: posts, pages, attachments and what else the export holds;
- `html`: turns a post's HTML (block-editor comments, shortcodes, captions, galleries, embeds,
  tables, broken markup) into the blocks of the article body, and says what it could not keep;
- `run`: the import itself, one item at a time in its own transaction, with a record of what
  came from which WordPress GUID so that a second run adds nothing and updates what changed;
- `models`: that record (`ImportedItem`).

The `import_news` management command is its front end (`manage.py import_news export.xml`).
"""
