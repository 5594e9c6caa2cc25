"""Events and webinars: an events index per language, one page per event, iCalendar feeds and
the coordinators' dissemination report (the models are registered through news/models.py)."""
