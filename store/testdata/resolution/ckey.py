"""An approximation, for the measurement scripts, of graph.CanonicalKey:
case, punctuation, "&" as "and", a leading "the", dotted initials and
trailing legal forms."""
import re

LEGAL = set("inc incorporated corp corporation co ltd limited plc llc ag sa nv bv gmbh spa lp llp pty kk oyj ab".split())


def ckey(name, legal=True):
    """legal=False keeps legal forms: "Japan Inc" is not Japan."""
    s = name.lower().replace("\u2019", "'").strip()
    if s.endswith("'s"):
        s = s[:-2]
    s = s.replace("&", " and ")
    words = []
    for f in s.split():
        if re.fullmatch(r"(?:\w\.)+\w?\.?", f) and all(len(p) <= 1 for p in f.rstrip(".").split(".")):
            f = f.replace(".", "")
        f = f.replace("'", "")
        words += [w for w in re.split(r"[^\w]+", f) if w and w != "_"]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while legal and len(words) > 1 and words[-1] in LEGAL:
        words.pop()
    return " ".join(words)
