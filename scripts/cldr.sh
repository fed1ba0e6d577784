#!/bin/sh
# cldr.sh rebuilds compiler/locale/cldr/*.json, the CLDR data disclose
# formats notices with (country and territory names, list patterns), from
# the Unicode Consortium's cldr-json packages on the npm registry, for each
# language disclose writes besides English (whose country names are
# disclose's own, compiler/model/countries.go).
#
#   scripts/cldr.sh                # CLDR 48.2.0
#   CLDR=48.2.0 scripts/cldr.sh
set -eu
cd "$(dirname "$0")/.."
v=${CLDR:-48.2.0}
langs="de fr en-GB"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "cldr-localenames-full@$v" "cldr-misc-full@$v" > /dev/null)
for l in $langs; do
	tar -xzf "$work/cldr-localenames-full-$v.tgz" -C "$work" "package/main/$l/territories.json"
	tar -xzf "$work/cldr-misc-full-$v.tgz" -C "$work" "package/main/$l/listPatterns.json"
done
tar -xzf "$work/cldr-misc-full-$v.tgz" -C "$work" package/LICENSE
python3 - "$work/package" "$v" $langs <<'PY'
import json, sys
root, version, langs = sys.argv[1], sys.argv[2], sys.argv[3:]
for l in langs:
    t = json.load(open(f"{root}/main/{l}/territories.json"))["main"][l]["localeDisplayNames"]["territories"]
    p = json.load(open(f"{root}/main/{l}/listPatterns.json"))["main"][l]["listPatterns"]
    out = {
        "source": f"Unicode CLDR {version} (cldr-json: cldr-localenames-full main/{l}/territories.json, cldr-misc-full main/{l}/listPatterns.json), Unicode License v3",
        "territories": {k: v for k, v in sorted(t.items()) if len(k) == 2 and k.isalpha()},
        "lists": {"and": p["listPattern-type-standard"], "or": p["listPattern-type-or"]},
    }
    with open(f"compiler/locale/cldr/{l}.json", "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
PY
cp "$work/package/LICENSE" compiler/locale/cldr/LICENSE
echo "compiler/locale/cldr: CLDR $v for $langs"
