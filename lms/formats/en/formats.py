# Short dates in the English interface follow ISO 8601 (2026-12-04), because the officials
# who switch to English still read dates in year-month-day order, and Django's US default
# 12/04/2026 is ambiguous. The long DATE_FORMAT keeps Django's "Dec. 4, 2026".
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1
