# Dates as 1.7.2027 (GLOSSARY.md); money with a decimal comma and a space between thousands.
DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = "j.n.Y H.i"
SHORT_DATETIME_FORMAT = "j.n.Y H.i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
