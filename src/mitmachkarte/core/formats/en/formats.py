"""English dates that nobody misreads: "Tue 1 Dec 2026", never the US "12/01/2026" (the site's
readers are German, and 12/01 means 12 January to them). Day before month, month as a word,
24-hour clock; settings not named here fall back to Django's English ones."""

DATE_FORMAT = "D j M Y"
DATETIME_FORMAT = "D j M Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1  # Monday, as in the German calendar views
