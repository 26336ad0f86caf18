"""`movekit export`: the plan's dates as a calendar (ics.py), its tables as a workbook
(xlsx.py) or one table as CSV (csvtable.py), all from the rows tables.py and events.py build."""
