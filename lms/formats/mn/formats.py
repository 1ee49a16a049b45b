# Mongolian official documents write dates as "2026 оны 12 сарын 4" and short dates as
# 2026.12.04, with a space between thousands and a comma before decimals.
DATE_FORMAT = r"Y \о\н\ы n \с\а\р\ы\н j"
SHORT_DATE_FORMAT = "Y.m.d"
DATETIME_FORMAT = r"Y \о\н\ы n \с\а\р\ы\н j, H:i"
SHORT_DATETIME_FORMAT = "Y.m.d H:i"
MONTH_DAY_FORMAT = r"n \с\а\р\ы\н j"
YEAR_MONTH_FORMAT = r"Y \о\н\ы n \с\а\р"
TIME_FORMAT = "H:i"
DATE_INPUT_FORMATS = ["%Y.%m.%d", "%Y-%m-%d"]
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
