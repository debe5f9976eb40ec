"""Compare the peer's and Oversight's CIN findings, rule by rule: peer.json ours.json."""
import json, sys
peer = json.load(open(sys.argv[1]))
ours = json.load(open(sys.argv[2]))
our_rules = {r["code"]: r for r in ours["rules"]}
codes = sorted(set(peer["rules"]) | set(our_rules), key=lambda c: (int("".join(ch for ch in c if ch.isdigit())), c))
print(f"{'rule':<7} {'peer':>6} {'ours':>6}  only peer / only ours")
agree = differ = 0
for code in codes:
    p = set(peer["rules"].get(code, []))
    r = our_rules.get(code)
    o = set(r["children"]) if r else set()
    if code in peer.get("crashed", []):
        o = set(r["children"]) if r else set()
        print(f"{code:<7} {'crash':>6} {len(o):>6}  the peer's rule raised an error and reported nothing")
        continue
    la = code in peer["la_level"] or (r and r["la_level"])
    if la:
        pf = code in peer["rules"]
        of = bool(r and r["failures"])
        mark = "" if pf == of else "  DIFFERS"
        print(f"{code:<7} {('fail' if pf else 'pass'):>6} {('fail' if of else 'pass'):>6}  return level{mark}")
        agree, differ = (agree + 1, differ) if pf == of else (agree, differ + 1)
        continue
    if not p and not o:
        continue
    only_p, only_o = sorted(p - o), sorted(o - p)
    note = ""
    if only_p or only_o:
        differ += 1
        note = f"  peer only {len(only_p)}: {' '.join(only_p[:5])}{' …' if len(only_p) > 5 else ''}" \
               f" | ours only {len(only_o)}: {' '.join(only_o[:5])}{' …' if len(only_o) > 5 else ''}"
    else:
        agree += 1
    print(f"{code:<7} {len(p):>6} {len(o):>6}{note}")
print(f"\n{agree} rules agree, {differ} differ; peer {peer['seconds']:.1f} s, Oversight {ours['seconds']:.2f} s for {ours['children']} children")
