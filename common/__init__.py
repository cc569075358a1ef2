"""Small helpers every app may use, on Django and Wagtail only (never an Academy app):
bilingual reading (``i18n``), bilingual e-mail bodies (``mail``), tables written as CSV/XLSX
(``exports``) and uploaded CSV read (``uploads``)."""
