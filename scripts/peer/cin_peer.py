"""Run the sector's CIN validator (csc-validator-be-cin) as a black box on one census file.

Prints JSON {"rules": {code: [child ids]}, "la_level": [codes], "seconds": S} on standard output.
Only the package's public API is used: convert_data -> process_data -> CinValidator.
"""
import importlib
import json
import sys
import time
import xml.etree.ElementTree as ET

from cin_validator import cin_validator

path, ruleset = sys.argv[1], sys.argv[2]
started = time.time()
tables = cin_validator.process_data(cin_validator.convert_data(ET.parse(path).getroot()))
registry = getattr(importlib.import_module(f"cin_validator.rules.{ruleset}"), "registry")
validator = cin_validator.CinValidator(tables, registry)
seconds = time.time() - started

rules = {}
full = validator.full_issue_df
code_column = "rule_code" if "rule_code" in full.columns else "code"
for code, group in full.groupby(code_column):
    rules[str(code)] = sorted({str(c) for c in group["LAchildID"].dropna()})
la_level = []
multi = getattr(validator, "multichild_issues", None)
if multi is not None and len(multi):
    column = "rule_code" if "rule_code" in multi.columns else multi.columns[0]
    for code, group in multi.groupby(column):
        ids = set()
        if "LAchildID" in group.columns:
            ids = {str(c) for c in group["LAchildID"].dropna()}
        rules.setdefault(str(code), [])
        rules[str(code)] = sorted(set(rules[str(code)]) | ids)
        if not ids:
            la_level.append(str(code))
print(json.dumps({"rules": rules, "la_level": la_level, "seconds": seconds}))
