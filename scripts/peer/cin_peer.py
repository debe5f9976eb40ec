"""Run the sector's CIN validator (csc-validator-be-cin) as a black box on one census file.

Prints JSON {"rules": {code: [child ids]}, "la_level": [codes], "seconds": S} on standard output.
Only the package's public API is used: convert_data -> process_data -> CinValidator.
"""
import contextlib
import importlib
import io
import json
import re
import sys
import time
import xml.etree.ElementTree as ET

from cin_validator import cin_validator

path, ruleset = sys.argv[1], sys.argv[2]
started = time.time()
# The peer prints rule crashes ("Error with rule 8614: ...") on standard output; keep them apart from the JSON.
printed = io.StringIO()
with contextlib.redirect_stdout(printed):
    tables = cin_validator.process_data(cin_validator.convert_data(ET.parse(path).getroot()))
    registry = getattr(importlib.import_module(f"cin_validator.rules.{ruleset}"), "registry")
    validator = cin_validator.CinValidator(tables, registry)
seconds = time.time() - started
crashed = sorted(set(re.findall(r"Error with rule (\w+)", printed.getvalue())))

rules = {}
full = validator.full_issue_df
for code, group in full.groupby("rule_code"):
    rules[str(code)] = sorted({str(c) for c in group["child_id"].dropna()})
# Return-level findings name no child: the peer lists them in multichild_issues and la_rule_issues.
la_level = set()
for frame in (getattr(validator, "multichild_issues", None), getattr(validator, "la_rule_issues", None)):
    if frame is None or not len(frame) or "rule_code" not in frame.columns:
        continue
    for code in frame["rule_code"].dropna().unique():
        la_level.add(str(code))
        rules.setdefault(str(code), [])
print(json.dumps({"rules": rules, "la_level": sorted(la_level), "crashed": crashed, "seconds": seconds}))
