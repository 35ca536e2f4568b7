//! Speaker descriptors: what a source phrase says about its speaker.
//!
//! "a senior U.S. military official" → seniority `senior`, affiliation `U.S.`, role
//! `military official`, anonymous; "Ukraine's commander-in-chief Oleksandr Syrsky" → name
//! `Oleksandr Syrsky`, role `commander-in-chief`, affiliation `Ukraine`; "Experts" → a
//! group; "he" → a pronoun to resolve.

use std::sync::LazyLock;

use crate::lexicon::{Gender, Lexicon, NounKind, Number, Pronoun, word_list};
use crate::phrase::{Class, Phrase, class, class_alone};
use crate::words::Word;

/// Portfolios written before a title (`data/attribution/portfolios.txt`).
static PORTFOLIOS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../../data/attribution/portfolios.txt")));

/// Whether a lowercase word names a government portfolio ("health", "interior"): the
/// listed ones and those that are titles themselves.
pub(crate) fn is_portfolio(lower: &str) -> bool {
    matches!(
        lower,
        "foreign" | "defense" | "defence" | "interior" | "finance" | "state"
    ) || PORTFOLIOS.contains(&lower)
}

/// The portfolios named in a role or name, lowercase ("Finance Minister" → "finance").
pub(crate) fn portfolios(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(' ')
        .map(str::to_ascii_lowercase)
        .filter(|w| is_portfolio(w))
}

/// Words that open a title (`data/attribution/title_heads.txt`).
static TITLE_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../../data/attribution/title_heads.txt")));

/// Whether word `i` opens a title: "Managing" of "Managing Director", "Majority" of
/// "Majority Leader".
fn title_head(ws: &[Word<'_>], classes: &[Class], i: usize) -> bool {
    TITLE_HEADS.contains(&ws[i].text) && classes.get(i + 1) == Some(&Class::Title)
}

/// Whether a title starts at word `i`: a title head, or a title word that no title head
/// follows ("Finance" of "Institute of International Finance Managing Director" ends the
/// body's name).
fn title_starts(ws: &[Word<'_>], classes: &[Class], i: usize) -> bool {
    title_head(ws, classes, i) || (classes[i] == Class::Title && !title_head(ws, classes, i + 1))
}

/// How a phrase refers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A pronoun ("he", "they").
    Pronoun(Pronoun),
    /// A name, possibly with titles ("U.S. President Joe Biden", "Trump").
    Named,
    /// A definite descriptor that may refer back ("the official", "the ministry").
    Definite,
    /// A descriptor that introduces someone new ("a senior defense official", "experts").
    Indefinite,
}

/// What a source phrase says about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Descriptor {
    /// How it refers.
    pub form: Form,
    /// The phrase as written.
    pub text: String,
    /// The name, for named speakers.
    pub name: Option<String>,
    /// Byte range of the name.
    pub name_range: Option<(usize, usize)>,
    /// The head noun, lowercase ("official"), for descriptors and titled names.
    pub head: Option<String>,
    /// Role or title ("military official", "commander-in-chief").
    pub role: Option<String>,
    /// Affiliation as written ("U.S.", "Ukraine") and its byte range.
    pub affiliation: Option<(String, usize, usize)>,
    /// Seniority words ("senior").
    pub seniority: Option<String>,
    /// What kind of speaker the head denotes, when known.
    pub kind: Option<NounKind>,
    /// Number.
    pub number: Number,
    /// Gender, when a title shows it.
    pub gender: Option<Gender>,
    /// Owned by "the country's" or "the nation's": a body of a country resolved later, not
    /// one named before ("the country's public health agency").
    pub country_owned: bool,
}

/// The word without a possessive ending ("Ukraine's", "Ukraine’s", "soldiers'").
pub(crate) fn strip_possessive(text: &str) -> &str {
    text.strip_suffix("'s")
        .or_else(|| text.strip_suffix("\u{2019}s"))
        .or_else(|| text.strip_suffix('\''))
        .or_else(|| text.strip_suffix('\u{2019}'))
        .unwrap_or(text)
}

fn join(words: &[Word<'_>]) -> String {
    words.iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
}

/// Honorifics carry gender but are not roles.
fn honorific(text: &str) -> bool {
    matches!(
        text,
        "Mr." | "Mrs." | "Ms." | "Miss" | "Dr." | "Mr" | "Mrs" | "Ms"
    )
}

/// The group phrase of a partitive source, "the people" of "two of the people": a number,
/// "of", then a definite determiner and at least one word.
fn partitive_group(words: &[Word<'_>], p: Phrase) -> Option<Phrase> {
    let start = p.start;
    let group = Phrase {
        start: start + 2,
        end: p.end,
    };
    let shaped = p.end > start + 3
        && crate::phrase::numeric(words[start].lower())
        && words[start + 1].lower() == "of"
        && (matches!(
            words[start + 2].lower(),
            "the" | "these" | "those" | "his" | "her" | "their" | "its"
        ) || words[start + 2].is_possessive());
    shaped.then_some(group)
}

/// Parses the core phrase `p` of a source, with an optional apposition that describes it.
pub(crate) fn parse(
    lex: &Lexicon,
    body: &str,
    words: &[Word<'_>],
    p: Phrase,
    apposition: Option<Phrase>,
) -> Descriptor {
    // A relative clause describes the speaker but holds no role words ("a lawyer who has
    // filed many of the suits"); nor does the pollster of "economists polled by Reuters".
    let p = Phrase {
        start: p.start,
        end: (p.start..p.end)
            .find(|&i| {
                i > p.start
                    && (matches!(words[i].lower(), "who" | "which" | "whose" | "that")
                        || crate::phrase::polled_by(words, i))
            })
            .unwrap_or(p.end),
    };
    let ws = &words[p.start..p.end];
    let text = body
        .get(ws.first().map_or(0, |w| w.start)..ws.last().map_or(0, |w| w.end))
        .unwrap_or("")
        .to_owned();
    // "two of the people", "one of the officials": a part of a group the story named
    // before is described, and refers back, by the group's phrase.
    if let Some(group) = partitive_group(words, p) {
        let mut d = parse(lex, body, words, group, apposition);
        d.text = text;
        return d;
    }
    let mut d = Descriptor {
        form: Form::Indefinite,
        text,
        name: None,
        name_range: None,
        head: None,
        role: None,
        affiliation: None,
        seniority: None,
        kind: None,
        number: Number::Singular,
        gender: None,
        country_owned: false,
    };
    // "one of them said": a part of the group "they" refers to.
    let part_of_them = ws.len() == 3
        && crate::phrase::numeric(ws[0].lower())
        && ws[1].lower() == "of"
        && ws[2].lower() == "them";
    if part_of_them && let Some(they) = lex.pronoun("they") {
        d.form = Form::Pronoun(they);
        d.number = they.number;
        d.gender = they.gender;
        return d;
    }
    if ws.len() == 1
        && let Some(pronoun) = lex.pronoun(ws[0].lower())
    {
        d.form = Form::Pronoun(pronoun);
        d.number = pronoun.number;
        d.gender = pronoun.gender;
        return d;
    }
    // Source phrases are short (at most a few dozen words): classes on the stack.
    let mut buffer = [Class::Punct; 48];
    let n = (p.end - p.start).min(buffer.len());
    for (k, slot) in buffer[..n].iter_mut().enumerate() {
        *slot = class(lex, words, p.start + k);
    }
    if n == 0 {
        // An empty phrase has no name and no head; indexing below assumes a word.
        return d;
    }
    let classes = &buffer[..n];
    let ws = &ws[..n];

    // The name: the run of capitalized non-title words at the end of the phrase (before
    // any "of"/"for" complement).
    let last_content = classes
        .iter()
        .rposition(|c| !matches!(c, Class::Prep | Class::Det))
        .unwrap_or(0);
    let mut complement_at = None;
    // "University of Missouri economist": a body's name joined by "of" (its word range).
    let mut of_name = None;
    // "a memo obtained by CNN", "documents seen by Reuters": the outlet that got the
    // document is neither its name nor its role.
    let mut obtained = false;
    for (i, c) in classes.iter().enumerate() {
        if let Some(end) = of_joins_name(lex, ws, classes, i) {
            of_name.get_or_insert((i - 1, end));
            continue;
        }
        if i > 0
            && (*c == Class::Prep || crate::phrase::knowing(ws, i) || crate::phrase::serves(ws, i))
        {
            complement_at = Some(i);
            break;
        }
        // "the rebel coalition led by Hayat Tahrir al-Sham": the leader is the affiliation.
        if i > 0 && crate::phrase::led_by(ws, i) {
            complement_at = Some(i);
            break;
        }
        if i > 0 && obtained_by(ws, i) {
            complement_at = Some(i);
            obtained = true;
            break;
        }
    }
    let mut head_end = complement_at.unwrap_or(last_content + 1);
    // "a new poll released Monday": a day or month closing the phrase is when, not who.
    while head_end > 1
        && classes[head_end - 1] == Class::Cap
        && crate::sentence::is_time_word(ws[head_end - 1].lower())
    {
        head_end -= 1;
    }
    let mut name_start = head_end;
    while name_start > 0
        && classes[name_start - 1] == Class::Cap
        && !ws[name_start - 1].is_possessive()
    {
        name_start -= 1;
        // "the Food and Drug Administration": "and" between capitalized words after "the"
        // or a joining preposition goes on with the name.
        if name_start >= 3
            && ws[name_start - 1].lower() == "and"
            && classes[name_start - 2] == Class::Cap
            && (1..name_start - 1)
                .rev()
                .find(|&k| classes[k - 1] != Class::Cap)
                .is_some_and(|k| matches!(ws[k - 1].lower(), "the" | "of" | "for" | "on"))
        {
            name_start -= 1;
        }
    }
    // "Chief Financial Officer Colette Kress": the words that go on with a title belong to
    // it, not to the name.
    if name_start > 0 && classes[name_start - 1] == Class::Title {
        while name_start + 1 < head_end && lex.is_title_tail(ws[name_start].text) {
            name_start += 1;
        }
    }
    // "the Justice Department", "the State Ministry": a title word before an organization's
    // head noun names the body; no person holds the title.
    if name_start < head_end
        && lex
            .noun(ws[head_end - 1].lower())
            .is_some_and(|n| n.kind == NounKind::Org)
    {
        while name_start > 0 && classes[name_start - 1] == Class::Title {
            name_start -= 1;
        }
    }
    // "Some Democrats", "many Palestinians": a quantifier before a plural name counts
    // unnamed members of the group.
    let members = name_start > 0
        && head_end - name_start == 1
        && crate::phrase::plural_like(ws[name_start].lower())
        && counts_members(ws[0].lower());
    let named = name_start < head_end
        && !members
        && !(head_end - name_start == 1
            && lex.noun(ws[name_start].lower()).is_some()
            && name_start == 0);
    if named {
        let name_words = &ws[name_start..head_end];
        d.name = Some(join(name_words));
        d.name_range = Some((name_words[0].start, name_words[name_words.len() - 1].end));
        d.form = Form::Named;
    }

    // Walk the words before the name (or the whole descriptor).
    let stop = if named { name_start } else { head_end };
    let mut role = Vec::new();
    let mut affiliation: Option<(String, usize, usize)> = None;
    let mut seniority = Vec::new();
    // Where the last title word ends: a title's tail right after it goes on with the title
    // ("Chief Financial Officer", "Chief Executive"), it names no affiliation.
    let mut title_end = None;
    for (i, w) in ws[..stop].iter().enumerate() {
        let lower = w.lower();
        match classes[i] {
            Class::Det if i == 0 => {
                // "Its military", "their lawyers": an owner's pronoun refers as "the" does.
                let definite = matches!(lower, "the" | "this" | "that" | "these" | "those")
                    || lex.pronoun(lower).is_some_and(|p| p.owner);
                if !named {
                    d.form = if definite {
                        Form::Definite
                    } else {
                        Form::Indefinite
                    };
                }
            }
            // "The official's": a possessive head is the speaker, not an affiliation.
            Class::Possessive if i + 1 == stop && !named => {
                role.push(strip_possessive(w.text));
            }
            Class::Possessive => {
                owner_titles(lex, ws, classes, i, &mut role, &mut d.gender);
                let owner = strip_possessive(w.text);
                // "the country's civil protection agency": "country" refers like a pronoun;
                // affiliation.rs resolves it to a country in context.
                let refers = matches!(strip_possessive(lower), "country" | "nation");
                d.country_owned |= refers;
                if lex.pronoun(strip_possessive(lower)).is_none()
                    && !refers
                    && !no_body(strip_possessive(lower))
                    && affiliation.is_none()
                {
                    // "The city council's current president": the lowercase nouns before the
                    // possessive name the owner with it ("city council"), not the role.
                    let mut k = i;
                    while k > 0
                        && matches!(classes[k - 1], Class::Noun | Class::Other)
                        && ws[k - 1].text.starts_with(|c: char| c.is_lowercase())
                        && role.last() == Some(&ws[k - 1].text)
                    {
                        role.pop();
                        k -= 1;
                    }
                    let end = w.start + owner.len();
                    let from = ws[k].start;
                    affiliation =
                        Some((body.get(from..end).unwrap_or(owner).to_owned(), from, end));
                }
                if !named && ws[..i].iter().all(Word::is_capitalized) {
                    // "his spokesman", "the company's chief", "South Korea's spy agency":
                    // a definite reference.
                    d.form = Form::Definite;
                }
            }
            // "University of Missouri economist": the words of a body's name joined by
            // "of" are its affiliation.
            _ if of_name.is_some_and(|(a, b)| (a..b).contains(&i)) => {
                extend_affiliation(&mut affiliation, w);
            }
            // "Foreign Ministry spokesman", "State Department spokesman": a title word
            // before a body's capitalized head noun names the body, not the role.
            Class::Title
                if i + 1 < stop
                    && classes[i + 1] == Class::Cap
                    && lex
                        .noun(ws[i + 1].lower())
                        .is_some_and(|n| n.kind == NounKind::Org) =>
            {
                extend_affiliation(&mut affiliation, w);
            }
            Class::Title => {
                if let Some(g) = lex.title(w.text).flatten() {
                    d.gender = Some(g);
                }
                if !honorific(w.text) {
                    role.push(w.text);
                    title_end = Some(w.end);
                }
            }
            Class::Cap
                if title_end.is_some_and(|end| end + 1 == w.start) && lex.is_title_tail(w.text) =>
            {
                role.push(w.text);
                title_end = Some(w.end);
            }
            // "Senate Majority Leader John Thune": a title's opening word is the role.
            Class::Cap if title_head(ws, classes, i) => {
                role.push(w.text);
            }
            // "Energy Minister Herman Halushchenko": a portfolio before a title is the role.
            Class::Cap
                if classes.get(i + 1) == Some(&Class::Title) && PORTFOLIOS.contains(&lower) =>
            {
                role.push(w.text);
            }
            // "Senior Gen. Min Aung Hlaing": a rank's seniority, not an affiliation.
            Class::Cap if i == 0 && lex.is_seniority(lower) => seniority.push(w.text),
            Class::Cap if !named || i < stop => extend_affiliation(&mut affiliation, w),
            _ if lex.is_seniority(lower) => seniority.push(w.text),
            Class::Noun | Class::Other | Class::Number => {
                if i == 0 && matches!(classes[i], Class::Number) {
                    continue;
                }
                // "a 29-year-old office worker": an age describes the person, no role word.
                if w.text.starts_with(|c: char| c.is_ascii_digit()) && w.text.contains('-') {
                    continue;
                }
                // "the U.N.-backed panel": the participle goes with the name before it.
                if i > 0 && crate::phrase::hyphen_joins(ws, i - 1) {
                    continue;
                }
                role.push(w.text);
            }
            _ => {}
        }
    }
    // A complement after the head: "a spokesman for the ministry", "people familiar with
    // the matter".
    if let Some(c) = complement_at.filter(|_| !obtained) {
        let prep = ws[c].lower();
        let led = crate::phrase::led_by(ws, c);
        let rest = &ws[(c + 1 + usize::from(led)).min(ws.len())..];
        if (matches!(prep, "for" | "of" | "at" | "from" | "in")
            || crate::phrase::serves(ws, c)
            || led)
            && !crate::phrase::knowing(ws, c)
            && !rest.is_empty()
        {
            if affiliation.is_none() {
                let first = rest
                    .iter()
                    .position(|w| class_alone(lex, w) != Class::Det)
                    .unwrap_or(0);
                let r = &rest[first..];
                if let (Some(a), Some(b)) = (r.first(), r.last())
                    && !(r.len() == 1 && no_body(a.lower()))
                {
                    affiliation = Some((
                        body.get(a.start..b.end).unwrap_or("").to_owned(),
                        a.start,
                        b.end,
                    ));
                }
            }
        } else {
            role.extend(ws[c..].iter().map(|w| w.text));
        }
    }
    // The head noun decides kind and number.
    let head_word = if named {
        role.last().copied()
    } else {
        // The head is a document noun ending the phrase ("official preliminary results":
        // the results, not an official), else the last listed noun ("two people familiar
        // with the matter"), else the last word.
        let core = &ws[..agent_participle(ws, head_end).unwrap_or(head_end)];
        core.last()
            .filter(|w| crate::owner::is_document(w.lower()))
            .or_else(|| {
                core.iter()
                    .rev()
                    .find(|w| lex.noun(strip_possessive(w.lower())).is_some())
            })
            .or_else(|| core.iter().rev().find(|w| w.is_word()))
            .map(|w| w.text)
    };
    if let Some(h) = head_word {
        let lower = strip_possessive(&h.replace('\u{2019}', "'")).to_ascii_lowercase();
        if let Some(noun) = lex.noun(&lower) {
            d.kind = Some(noun.kind);
            if !named {
                d.number = noun.number;
            }
        } else if !named && lower.ends_with('s') && !lower.ends_with("ss") {
            d.number = Number::Plural;
        }
        d.head = Some(lower);
    }
    if named && d.kind.is_none() && (d.gender.is_some() || !role.is_empty()) {
        d.kind = Some(NounKind::Person);
    }
    if !role.is_empty() {
        let joined = role.join(" ");
        // "Experts say": sentence capitalization is not part of the role.
        let listed = !named && role.len() == 1 && lex.noun(&joined.to_ascii_lowercase()).is_some();
        d.role = Some(if listed {
            joined.to_ascii_lowercase()
        } else {
            joined
        });
    }
    if !seniority.is_empty() {
        d.seniority = Some(seniority.join(" "));
    }
    d.affiliation = affiliation;

    // An apposition adds role, affiliation and seniority when the core has none. An age
    // ("Merz, 69, told") is no role, nor is a participle's aside with no descriptor noun
    // ("Bankman-Fried, speaking before the sentence was announced, said").
    let age = |a: &Phrase| {
        words[a.start..a.end]
            .iter()
            .all(|w| w.text.bytes().all(|b| b.is_ascii_digit()))
    };
    let aside = |a: &Phrase| {
        words.get(a.start).is_some_and(|w| {
            !w.is_capitalized() && w.lower().len() > 4 && w.lower().ends_with("ing")
        })
    };
    if let Some(a) = apposition.filter(|a| !age(a)) {
        if let Some(party) = party_tag(&words[a.start..a.end]) {
            d.affiliation.get_or_insert(party);
            return d;
        }
        let extra = parse(lex, body, words, a, None);
        // "managing director of Daiwa Securities" is a role: its head is a listed noun.
        if aside(&a) && extra.kind.is_none() {
            return d;
        }
        if d.role.is_none() {
            d.role = extra.role.or(extra.head.clone());
        }
        if d.affiliation.is_none() {
            d.affiliation = extra.affiliation;
        }
        if d.seniority.is_none() {
            d.seniority = extra.seniority;
        }
        if d.kind.is_none() {
            d.kind = extra.kind;
        }
        if d.head.is_none() {
            d.head = extra.head;
        }
    }
    d
}

/// U.S. party tags (`data/attribution/party_tags.tsv`): letter, party.
static PARTY_TAGS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    word_list(include_str!("../../../data/attribution/party_tags.tsv"))
        .into_iter()
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// "D-N.Y.", "R-Ohio", "I-Vt.": an apposition that is a party tag gives the party, as an
/// affiliation by name only: its range is empty, so no entity under the tag ("R-Pa." read
/// as an organization, "N.Y." the state) stands for it.
fn party_tag(ws: &[Word<'_>]) -> Option<(String, usize, usize)> {
    let first = ws.first()?;
    let text = &first.text;
    let (letter, state) = text.split_once('-')?;
    let tagged = state.starts_with(|c: char| c.is_ascii_uppercase())
        && ws
            .iter()
            .all(|w| !w.text.contains(' ') && w.end - first.start <= 12);
    let (_, party) = PARTY_TAGS
        .iter()
        .find(|(l, _)| *l == letter)
        .filter(|_| tagged)?;
    Some(((*party).to_owned(), first.start, first.start))
}

/// "text messages released by a county district attorney", "a poll conducted by the
/// university": where a participle with its "by" agent follows a lowercase noun, before
/// `end`. The agent made or gave out what the noun names; it is not the phrase's head.
fn agent_participle(ws: &[Word<'_>], end: usize) -> Option<usize> {
    (1..end.saturating_sub(1)).find(|&j| {
        let p = ws[j].text;
        ws[j + 1].lower() == "by"
            && p.starts_with(|c: char| c.is_ascii_lowercase())
            && (p.ends_with("ed") || p.ends_with("en"))
            && ws[j - 1].text.starts_with(|c: char| c.is_ascii_lowercase())
            // "30 pct owned by the group": a share, not what the phrase names.
            && !(j >= 2 && crate::phrase::numeric(ws[j - 2].lower()))
    })
}

/// "Vice President Kamala Harris's campaign", "Mr. Trump's lawyers": the titles before a
/// possessive name are its owner's, not the speaker's role or gender.
fn owner_titles(
    lex: &Lexicon,
    ws: &[Word<'_>],
    classes: &[Class],
    i: usize,
    role: &mut Vec<&str>,
    gender: &mut Option<Gender>,
) {
    let mut k = i;
    while k > 0 && classes[k - 1] == Class::Cap {
        k -= 1;
    }
    // The titles, and a portfolio or title head that went to the role with them ("U.S.
    // Treasury Secretary James Baker's debt initiative").
    while k > 0
        && (classes[k - 1] == Class::Title
            || (classes[k - 1] == Class::Cap && role.last() == Some(&ws[k - 1].text)))
    {
        k -= 1;
        if role.last() == Some(&ws[k].text) {
            role.pop();
        }
        if lex.title(ws[k].text).flatten().is_some() {
            *gender = None;
        }
    }
}

/// Whether word `i` is a participle of getting hold of a document with its agent after it,
/// "obtained by", "seen by", "reviewed by": how an outlet came by it.
fn obtained_by(ws: &[Word<'_>], i: usize) -> bool {
    // Not "issued by", "conducted by", "supplied by": their agent is the source.
    ws.get(i + 1).is_some_and(|w| w.lower() == "by")
        && matches!(
            ws[i].lower(),
            "obtained" | "seen" | "reviewed" | "viewed" | "examined" | "acquired" | "verified"
        )
}

/// Whether a determiner counts members of a group ("some", "many", "two"): before a plural
/// name ("Some Democrats") it makes an anonymous group, not the named body.
pub(crate) fn counts_members(lower: &str) -> bool {
    matches!(
        lower,
        "some"
            | "many"
            | "several"
            | "most"
            | "few"
            | "other"
            | "dozens"
            | "hundreds"
            | "thousands"
    ) || crate::phrase::two_to_ten(lower)
}

/// "University of Missouri economist", "Ministry of Defence spokesman", "Bank of Japan
/// Governor": when word `i` is an "of" joining two capitalized words of a body's name
/// before a lowercase head or a title, where that name ends; it is no complement. Only a
/// body's head noun takes "of" so ("Perrin Long of Lipper" is a person of a firm), a title
/// before it keeps it a complement ("Secretary of State Antony Blinken"), and a name with
/// no head after it ("the Bank of Japan") is the speaker itself.
fn of_joins_name(lex: &Lexicon, ws: &[Word<'_>], classes: &[Class], i: usize) -> Option<usize> {
    if i == 0
        || ws[i].lower() != "of"
        || !ws[i - 1].is_capitalized()
        || !lex
            .noun(ws[i - 1].lower())
            .is_some_and(|n| n.kind == NounKind::Org)
        || !ws.get(i + 1).is_some_and(Word::is_capitalized)
    {
        return None;
    }
    // Past the rest of the name ("Trade and Industry (MITI)"), the head must follow.
    let mut k = i + 2;
    while k < ws.len()
        && !title_starts(ws, classes, k)
        && (ws[k].is_capitalized()
            || ws[k].is("(")
            || ws[k].is(")")
            || (matches!(ws[k].lower(), "and" | "of" | "&")
                && ws.get(k + 1).is_some_and(Word::is_capitalized)))
    {
        k += 1;
    }
    (k < ws.len()
        && (title_starts(ws, classes, k)
            || (matches!(classes[k], Class::Noun | Class::Other) && !ws[k].is_capitalized())))
    .then_some(k)
}

/// Nouns that own or hold someone without naming a body they speak for: "the world's
/// richest person", "aid workers in the area".
fn no_body(lower: &str) -> bool {
    matches!(
        lower,
        "world" | "area" | "vicinity" | "neighborhood" | "neighbourhood" | "planet"
    )
}

/// A capitalized word before the name or head starts the affiliation, or goes on with it
/// when it follows it directly ("Chinese Foreign Ministry").
fn extend_affiliation(affiliation: &mut Option<(String, usize, usize)>, w: &Word<'_>) {
    match affiliation {
        None => *affiliation = Some((w.text.to_owned(), w.start, w.end)),
        Some(a) if a.2 + 1 == w.start => {
            a.0.push(' ');
            a.0.push_str(w.text);
            a.2 = w.end;
        }
        Some(_) => {}
    }
}
