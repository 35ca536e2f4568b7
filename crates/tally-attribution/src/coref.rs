//! Speaker coreference: which speaker a source phrase refers to.
//!
//! Rules, in order:
//! - a name matches an earlier speaker with the same name, surname or linked entity,
//!   anywhere in the document ("Trump" → "President-elect Donald Trump");
//! - a definite descriptor ("the official", "the minister") refers to the nearest earlier
//!   speaker in the window whose head noun or role ends in the same word, or an
//!   organization's name holds ("the ministry" → "Economics Ministry"); with none, to the
//!   nearest earlier entity mention titled or named so (`antecedent`: "Vice President Joe
//!   Biden" ... "the vice president", "Unilever Plc" ... "the company"), named;
//! - "he" or "she" refers to the person who is the subject of its clause or of the sentence
//!   before when that subject is named after the latest speaker mention ("Sanders appeared to
//!   dismiss the issue, when he told ..."), else to the nearest earlier speaker in the window
//!   that agrees in number and gender (from a title, an earlier pronoun or a given name:
//!   `data/coref/first_names.tsv`); never to an organization, a place or an unlisted thing
//!   ("the camera"); a pronoun with no compatible antecedent is unknown, never guessed;
//! - an indefinite descriptor ("a senior defense official", "experts") always introduces a
//!   new speaker.
//!
//! The window is the last [`WINDOW`] speaker mentions within [`MAX_PARAGRAPHS`] paragraphs,
//! so resolution costs a constant per mention.

use std::collections::VecDeque;

use crate::lexicon::HashMap;

use tally_core::{AffiliationBasis, EntityType, Span, Speaker};

use crate::antecedent::Antecedent;
use crate::descriptor::{Descriptor, Form};
use crate::lexicon::{Gender, NounKind, Number};

/// How many recent speaker mentions a pronoun or descriptor may refer back to.
pub(crate) const WINDOW: usize = 12;
/// How many paragraphs back a pronoun or descriptor may refer.
pub(crate) const MAX_PARAGRAPHS: usize = 8;

#[derive(Debug, Clone)]
struct Known {
    speaker: Speaker,
    head: Option<String>,
    kind: Option<NounKind>,
    number: Number,
    gender: Option<Gender>,
    /// An organization or a place: never "he" or "she".
    not_person: Option<NotPerson>,
    /// The affiliation as written, lowercase ("trump" of "Trump's campaign").
    owner: Option<String>,
}

impl Known {
    /// A speaker introduced as "I", "we" or "you" (a columnist, a quoted first person):
    /// never what a later "he", "she" or "they" refers to.
    fn first_or_second_person(&self) -> bool {
        self.speaker.mentions.first().is_some_and(|m| {
            ["i", "we", "you"]
                .iter()
                .any(|p| m.text.eq_ignore_ascii_case(p))
        })
    }

    /// Whether "he" or "she" may refer to it: one, no body, and a name or a listed head
    /// noun (not "the camera", "the latest audit").
    fn could_be_person(&self) -> bool {
        self.number == Number::Singular
            && self.kind != Some(NounKind::Org)
            && self.not_person.is_none()
            && (self.speaker.named || self.kind.is_some())
    }
}

/// The speakers found so far and the recent mentions.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    known: Vec<Known>,
    /// (speaker index, paragraph index) of recent mentions, most recent last.
    recent: VecDeque<(usize, usize)>,
    names: HashMap<String, usize>,
    entities: HashMap<String, usize>,
    /// Where the latest mention of a speaker "he" or "she" could refer to starts: a
    /// pronoun's subject after it is the newer antecedent. A body mentioned after the
    /// subject does not make it older ("Cheatle resigned, the agency said. She wrote ...").
    last_person_start: Option<usize>,
}

/// A mention to register: where it is and what it says.
pub(crate) struct Mention<'d> {
    /// The mention's span.
    pub span: Span,
    /// The paragraph it is in.
    pub paragraph: usize,
    /// The parsed phrase.
    pub descriptor: &'d Descriptor,
    /// The entity the name links to, and its canonical name.
    pub entity: Option<(String, String)>,
    /// Affiliation resolved to an entity id, when entities exist.
    pub affiliation_id: Option<String>,
    /// Whether it names an organization or a place (never "he" or "she").
    pub not_person: Option<NotPerson>,
    /// For a definite descriptor no speaker in the window matches, the earlier named
    /// mention it refers to (see `antecedent`).
    pub antecedent: Option<Antecedent<'d>>,
    /// For "he" or "she", the person who is the subject of its clause or of the sentence
    /// before (see `Heads::subject`).
    pub subject: Option<Antecedent<'d>>,
    /// For a name, the gender its given name shows.
    pub name_gender: Option<Gender>,
}

/// A speaker that is not a person: never "he" or "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotPerson {
    /// An organization or a country: "it" may refer to it.
    Organization,
    /// Another place (a state, a city): "it" in news is rarely the place speaking.
    Place,
}

/// Whether `text` ASCII-lowercased ends with `suffix`, without allocating the lowercase copy.
fn ends_with_lowercased(text: &str, suffix: &str) -> bool {
    let (text, suffix) = (text.as_bytes(), suffix.as_bytes());
    text.len() >= suffix.len()
        && text[text.len() - suffix.len()..]
            .iter()
            .zip(suffix)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
}

/// Whether `front`, one capitalized word in mixed-case text ("Lebanese"), names a place
/// none of the speaker's mentions names: "Hungarian" after "the National Bank of Hungary"
/// places the same bank. Compared by the first four letters, which a demonym shares with
/// its country's name ("Leban-", "Hung-", "Isra-"). In all-capitals text a qualifier
/// cannot be told from a name's first word ("THE SAN SALVADORAN MASS MEDIA").
fn foreign_qualifier(front: &str, speaker: &Speaker) -> bool {
    let capitalized = front.starts_with(|c: char| c.is_uppercase())
        && front.chars().skip(1).any(|c| c.is_lowercase())
        && !front.contains(' ');
    let Some(stem) = front.get(..4).filter(|_| capitalized) else {
        return false;
    };
    !speaker.mentions.iter().any(|m| m.text.contains(stem))
}

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

impl Registry {
    /// Resolves a source mention to a speaker index, creating a speaker when the mention
    /// introduces one. `None` for a pronoun with no compatible antecedent.
    pub(crate) fn resolve(&mut self, m: &Mention<'_>) -> Option<usize> {
        // "A woman who said she watched ... told ...": the same words met again as a later
        // cue's source are the same speaker.
        if let Some(&(i, _)) = self.recent.iter().rev().find(|(i, _)| {
            self.known[*i]
                .speaker
                .mentions
                .last()
                .is_some_and(|s| s.start == m.span.start && s.end == m.span.end)
        }) {
            self.touch(i, m.paragraph, m.span.start);
            return Some(i);
        }
        let d = m.descriptor;
        let found = match d.form {
            Form::Pronoun(p) => {
                if !p.subject && !p.owner {
                    return None;
                }
                // "Trump said ... [¶] Sanders appeared to dismiss the issue, when he told
                // Clinton ...": a person named as subject after the latest speaker mention
                // is nearer than any speaker.
                if let Some(a) = &m.subject
                    && p.number == Number::Singular
                    && self
                        .last_person_start
                        .is_none_or(|last| a.mention.start > last)
                    && self.subject_fits(a, p.gender)
                {
                    let i = self.adopt(m, a);
                    self.touch(i, m.paragraph, m.span.start);
                    return Some(i);
                }
                self.nearest(m.paragraph, |k| {
                    let number_ok = match p.number {
                        Number::Plural => {
                            k.number == Number::Plural || k.kind == Some(NounKind::Org)
                        }
                        Number::Singular => k.number == Number::Singular,
                    };
                    let gender_ok = match p.gender {
                        Some(Gender::Neuter) => {
                            k.kind == Some(NounKind::Org)
                                || k.not_person == Some(NotPerson::Organization)
                        }
                        Some(g) => k.gender.is_none_or(|kg| kg == g) && k.could_be_person(),
                        None => true,
                    };
                    number_ok && gender_ok && !k.first_or_second_person()
                })
            }
            Form::Named => self.named(d, m.entity.as_ref()),
            Form::Definite => self.definite(m.paragraph, d),
            Form::Indefinite => None,
        };
        let index = match found {
            Some(i) => {
                let k = &mut self.known[i];
                // "Roffman" spoke first, "Marvin Roffman" later: the speaker's name is the
                // fuller one.
                if d.form == Form::Named
                    && let Some(longer) = m.entity.as_ref().map(|e| &e.1).or(d.name.as_ref())
                    && k.speaker.name.as_deref().is_some_and(|n| {
                        !n.contains(' ')
                            && longer.len() > n.len()
                            && longer.ends_with(n)
                            && longer[..longer.len() - n.len()].ends_with(' ')
                    })
                {
                    k.speaker.name = Some(longer.clone());
                }
                // "the electoral commission" named later: the institution takes the name.
                if d.form == Form::Named
                    && k.speaker.entity_id.is_none()
                    && k.speaker.name.is_some()
                    && k.speaker.name == k.speaker.descriptor
                {
                    k.speaker.name = m.entity.as_ref().map(|e| e.1.clone()).or(d.name.clone());
                    k.speaker.entity_id = m.entity.as_ref().map(|e| e.0.clone());
                }
                if k.gender.is_none()
                    && let Form::Pronoun(p) = d.form
                {
                    k.gender = p.gender.filter(|g| *g != Gender::Neuter);
                }
                if k.gender.is_none() && d.form == Form::Named {
                    k.gender = m.name_gender;
                }
                k.speaker.mentions.push(m.span.clone());
                i
            }
            None => {
                if matches!(d.form, Form::Pronoun(_)) {
                    return None;
                }
                match &m.antecedent {
                    Some(a) => self.adopt(m, a),
                    None => self.create(m),
                }
            }
        };
        self.touch(index, m.paragraph, m.span.start);
        Some(index)
    }

    /// Adds a mention that is not a source ("the official's comments") when it refers to a
    /// known speaker; never creates one.
    pub(crate) fn mention_only(&mut self, m: &Mention<'_>) -> Option<usize> {
        if m.descriptor.form != Form::Definite {
            return None;
        }
        let head = m.descriptor.head.clone()?;
        let i = self.nearest(m.paragraph, |k| k.head.as_deref() == Some(head.as_str()))?;
        self.known[i].speaker.mentions.push(m.span.clone());
        self.touch(i, m.paragraph, m.span.start);
        Some(i)
    }

    /// Adds a mention to a known speaker: "the statement" of the one who made it.
    pub(crate) fn attach(&mut self, index: usize, m: &Mention<'_>) {
        self.known[index].speaker.mentions.push(m.span.clone());
        self.touch(index, m.paragraph, m.span.start);
    }

    /// Adds sourcing conditions to a speaker, once each.
    pub(crate) fn add_conditions(&mut self, index: usize, conditions: &[String]) {
        if let Some(k) = self.known.get_mut(index) {
            for c in conditions {
                if !k.speaker.conditions.contains(c) {
                    k.speaker.conditions.push(c.clone());
                }
            }
        }
    }

    /// Sets role and affiliation on a speaker that has none, e.g. from a title written
    /// before another mention of the same entity ("President-elect Donald Trump").
    pub(crate) fn fill_role(
        &mut self,
        index: usize,
        role: Option<String>,
        affiliation: Option<String>,
        basis: AffiliationBasis,
    ) {
        if let Some(k) = self.known.get_mut(index) {
            if k.speaker.role.is_none() {
                k.speaker.role = role;
            }
            if k.speaker.affiliation.is_none() && affiliation.is_some() {
                k.speaker.affiliation = affiliation;
                k.speaker.affiliation_basis = Some(basis);
            }
        }
    }

    /// The nearest anonymous speaker in the window, a group or one person.
    pub(crate) fn nearest_anonymous(&self, paragraph: usize, group: bool) -> Option<usize> {
        self.nearest(paragraph, |k| {
            k.speaker.anonymous && (k.number == Number::Plural) == group
        })
    }

    /// Whether the speaker at `index` has a role.
    pub(crate) fn has_role(&self, index: usize) -> bool {
        self.known
            .get(index)
            .is_some_and(|k| k.speaker.role.is_some())
    }

    /// The speaker id of an index.
    pub(crate) fn id(&self, index: usize) -> Option<String> {
        self.known.get(index).map(|k| k.speaker.id.clone())
    }

    /// The speakers, in order of first mention.
    pub(crate) fn into_speakers(self) -> Vec<Speaker> {
        self.known.into_iter().map(|k| k.speaker).collect()
    }

    /// "the electoral commission said ..." then "the Electoral Commission of Zambia said":
    /// an institution first described in lowercase is the one named later by the same
    /// words (before any "of" complement).
    fn described_before(&self, name: &str) -> Option<usize> {
        let head = name.split(" of ").next().unwrap_or(name);
        if !head.contains(' ') {
            return None;
        }
        self.known.iter().rposition(|k| {
            k.not_person == Some(NotPerson::Organization)
                && k.speaker.named
                && k.speaker.descriptor.as_deref().is_some_and(|t| {
                    // "The electoral commission" opening a sentence is still lowercase.
                    let t = t
                        .get(..4)
                        .filter(|p| p.eq_ignore_ascii_case("the "))
                        .map_or(t, |_| &t[4..]);
                    t.eq_ignore_ascii_case(head) && t.chars().all(|c| !c.is_uppercase())
                })
        })
    }

    fn named(&self, d: &Descriptor, entity: Option<&(String, String)>) -> Option<usize> {
        if let Some((id, _)) = entity
            && let Some(&i) = self.entities.get(id)
        {
            return Some(i);
        }
        let name = d.name.as_deref()?;
        if let Some(&i) = self.names.get(name) {
            return Some(i);
        }
        if let Some(i) = self.described_before(name) {
            return Some(i);
        }
        // "Marvin Roffman" after "Roffman", "the Statistics Office" after "the Federal
        // Statistics Office" or "the Office"; but "the International Organization for
        // Migration" is not "the World Health Organization": of two names of one
        // organization, the shorter has no word the longer lacks.
        let Some(&i) = self.names.get(surname(name)) else {
            return self.family_name_first(name);
        };
        let k = &self.known[i];
        if k.not_person == Some(NotPerson::Organization) && self.another_body(i, name, entity) {
            return None;
        }
        let within = |a: &str, b: &str| a.split(' ').all(|w| b.split(' ').any(|f| f == w));
        (k.not_person != Some(NotPerson::Organization)
            || k.speaker
                .name
                .as_deref()
                .is_some_and(|n| within(name, n) || within(n, name)))
        .then_some(i)
    }

    /// "the Lebanese Health Ministry" after "the Health Ministry in Hamas-run Gaza": a
    /// later name that qualifies a placed organization's whole name in front, and that the
    /// entities stage took for another entity, is another body of that name (another
    /// country's), not the one named before. The shorter name after the longer ("the
    /// Statistics Office" after "the Federal Statistics Office") is still the same body.
    fn another_body(&self, i: usize, name: &str, entity: Option<&(String, String)>) -> bool {
        let Some((id, _)) = entity else {
            return false;
        };
        let speaker = &self.known[i].speaker;
        // A one-word name is a bare head ("the Office"), and a body placed nowhere may be
        // the one the qualifier places ("the Foreign Ministry", then "the Honduran
        // Foreign Ministry").
        let Some(known) = speaker.name.as_deref().filter(|n| n.contains(' ')) else {
            return false;
        };
        if speaker.affiliation.is_none() {
            return false;
        }
        let Some(front) = name
            .strip_suffix(known)
            .and_then(|front| front.strip_suffix(' '))
        else {
            return false;
        };
        foreign_qualifier(front, speaker) && self.entities.iter().any(|(e, &j)| j == i && e != id)
    }

    /// "Li" after "Li Qiang", "Kim" after "Kim Jong Un": a single name that is the first
    /// word of a person speaker's full name (family name first in Chinese and Korean names)
    /// when no speaker has it as a surname.
    fn family_name_first(&self, name: &str) -> Option<usize> {
        if name.contains(' ') {
            return None;
        }
        self.known.iter().rposition(|k| {
            k.not_person.is_none()
                && k.speaker.named
                && k.speaker.name.as_deref().is_some_and(|n| {
                    n.split(' ').nth(1).is_some() && n.split(' ').next() == Some(name)
                })
        })
    }

    fn nearest(&self, paragraph: usize, ok: impl Fn(&Known) -> bool) -> Option<usize> {
        self.recent
            .iter()
            .rev()
            .take_while(|(_, p)| paragraph.saturating_sub(*p) <= MAX_PARAGRAPHS)
            .map(|(i, _)| *i)
            .find(|i| self.known.get(*i).is_some_and(&ok))
    }

    fn touch(&mut self, index: usize, paragraph: usize, start: usize) {
        if self.known[index].could_be_person() {
            self.last_person_start = Some(self.last_person_start.map_or(start, |s| s.max(start)));
        }
        self.recent.push_back((index, paragraph));
        if self.recent.len() > WINDOW {
            self.recent.pop_front();
        }
    }

    /// Where the latest mention of a speaker "he" or "she" could refer to starts.
    pub(crate) fn last_person_start(&self) -> Option<usize> {
        self.last_person_start
    }

    /// The speaker an entity already is: linked to it, or with its name or surname (the
    /// entities stage may give one person two entities, "Rahm Emanuel" and "Emanuel").
    fn known_entity(&self, e: &tally_core::Entity) -> Option<usize> {
        self.entities
            .get(&e.id)
            .or_else(|| self.names.get(&e.name))
            .or_else(|| self.names.get(surname(&e.name)))
            .copied()
    }

    /// Whether "he" or "she" may refer to a pronoun's subject: a person whose gender, as
    /// known from the speaker it already is or from its title or given name, agrees.
    fn subject_fits(&self, a: &Antecedent<'_>, pronoun: Option<Gender>) -> bool {
        let Some(g @ (Gender::Male | Gender::Female)) = pronoun else {
            return false;
        };
        match self.known_entity(a.entity).and_then(|i| self.known.get(i)) {
            Some(k) => {
                k.not_person.is_none()
                    && !k.first_or_second_person()
                    && k.gender.or(a.gender).is_none_or(|kg| kg == g)
            }
            None => a.gender.is_none_or(|kg| kg == g),
        }
    }

    /// Whether a definite descriptor finds a speaker to refer to in the window.
    pub(crate) fn has_definite(&self, m: &Mention<'_>) -> bool {
        m.descriptor.form == Form::Definite && self.definite(m.paragraph, m.descriptor).is_some()
    }

    fn definite(&self, paragraph: usize, d: &Descriptor) -> Option<usize> {
        let head = d.head.as_deref()?;
        let owner = owner(d);
        // "the interior ministry" is not "the health ministry" said before, nor "the
        // finance minister" "Defense Minister X": portfolios before the head must agree.
        let portfolios = |text: Option<&str>| -> Vec<String> {
            text.map(|t| crate::descriptor::portfolios(t).collect())
                .unwrap_or_default()
        };
        let ours = portfolios(d.role.as_deref());
        // Tested last, on a speaker whose head matches: collecting the portfolio words of
        // every recent speaker, for each definite mention, was most of the look-up's cost.
        let described = |k: &Known| {
            ours.is_empty() || {
                let theirs = portfolios(k.speaker.role.as_deref().or(k.speaker.name.as_deref()));
                theirs.is_empty() || ours.iter().any(|m| theirs.contains(m))
            }
        };
        // "the country's public health agency": a body of the country resolved later, not
        // the agency named before.
        let found = self.nearest(paragraph, |k| {
            if d.country_owned && k.owner.is_none() {
                return false;
            }
            // "Harris's campaign" is not "Trump's campaign" said before; "the Salomon
            // analysts" are "analysts at Salomon Brothers".
            if let (Some(a), Some(b)) = (&owner, &k.owner)
                && !a.contains(b.as_str())
                && !b.contains(a.as_str())
            {
                return false;
            }
            let same_head = k.head.as_deref() == Some(head)
                // "the source" after "one of the sources" (of "two sources briefed ...").
                || (k.head.as_deref().and_then(|h| h.strip_suffix('s')) == Some(head)
                    && k.speaker.mentions.iter().any(|m| {
                        m.text
                            .get(..7)
                            .is_some_and(|t| t.eq_ignore_ascii_case("one of "))
                    }))
                || k.speaker
                    .role
                    .as_deref()
                    .is_some_and(|r| ends_with_lowercased(r, head))
                // "The ministry" after "the Economics Ministry said": an organization's
                // name holds its head noun.
                || (k.not_person == Some(NotPerson::Organization)
                    && k.speaker.name.as_deref().is_some_and(|n| {
                        n.split(' ').any(|w| w.eq_ignore_ascii_case(head))
                    }));
            same_head && described(k)
        });
        // "two of the sources" after "three people familiar with the matter", when no
        // speaker was called sources: the unnamed people are what "the sources" refers to.
        found.or_else(|| {
            matches!(head, "sources" | "source").then_some(())?;
            self.nearest(paragraph, |k| {
                k.speaker.anonymous
                    && k.number == Number::Plural
                    && matches!(k.head.as_deref(), Some("people" | "persons"))
            })
        })
    }

    /// The speaker of a named antecedent a descriptor refers to: the one already linked to
    /// its entity, else a new named speaker introduced by the antecedent's mention.
    fn adopt(&mut self, m: &Mention<'_>, a: &Antecedent<'_>) -> usize {
        if let Some(i) = self.known_entity(a.entity) {
            self.entities.entry(a.entity.id.clone()).or_insert(i);
            let k = &mut self.known[i];
            k.speaker.mentions.push(m.span.clone());
            if k.gender.is_none() {
                k.gender = m.descriptor.gender.filter(|g| *g != Gender::Neuter);
            }
            // "The ministry" after "the Economics Ministry" spoke: later ones match by head.
            if k.head.is_none() {
                k.head.clone_from(&m.descriptor.head);
            }
            // "The company" refers to it: an organization, never a later "she".
            if a.entity.kind != EntityType::Person {
                k.not_person.get_or_insert(NotPerson::Organization);
            }
            return i;
        }
        let d = m.descriptor;
        let affiliation = affiliation_of(m);
        let person = a.entity.kind == EntityType::Person;
        let speaker = Speaker {
            id: format!("S{}", self.known.len() + 1),
            mentions: vec![a.mention.clone(), m.span.clone()],
            named: true,
            name: Some(a.entity.name.clone()),
            entity_id: Some(a.entity.id.clone()),
            descriptor: None,
            role: a.role.clone().or_else(|| d.role.clone()),
            affiliation_basis: affiliation.as_ref().map(|_| AffiliationBasis::Stated),
            affiliation,
            affiliation_evidence: None,
            seniority: d.seniority.clone(),
            anonymous: false,
            group: false,
            conditions: Vec::new(),
        };
        self.push(Known {
            speaker,
            head: d.head.clone(),
            kind: d.kind.or(person.then_some(NounKind::Person)),
            number: Number::Singular,
            gender: d.gender.filter(|g| *g != Gender::Neuter).or(a.gender),
            not_person: (!person).then_some(NotPerson::Organization),
            owner: owner(d),
        })
    }

    fn create(&mut self, m: &Mention<'_>) -> usize {
        let d = m.descriptor;
        // An organization identified by a definite description ("Lebanon's health
        // ministry", "the state's civil defense agency") is a named source (CONVENTIONS:
        // "named (a person or organization)"), not an anonymous one; "a Western bank" is.
        let institution = d.form == Form::Definite && d.kind == Some(NounKind::Org);
        let named = d.form == Form::Named || institution;
        let name = match (&m.entity, &d.name) {
            (Some((_, canonical)), _) if d.form == Form::Named => Some(canonical.clone()),
            (_, None) if institution => Some(d.text.clone()),
            (_, name) => name.clone(),
        };
        let affiliation = affiliation_of(m);
        let speaker = Speaker {
            id: format!("S{}", self.known.len() + 1),
            mentions: vec![m.span.clone()],
            named,
            name,
            entity_id: m.entity.as_ref().map(|(id, _)| id.clone()),
            descriptor: (d.form != Form::Named).then(|| d.text.clone()),
            role: d.role.clone(),
            affiliation_basis: affiliation.as_ref().map(|_| AffiliationBasis::Stated),
            affiliation,
            affiliation_evidence: None,
            seniority: d.seniority.clone(),
            anonymous: !named,
            group: !named && d.number == Number::Plural,
            conditions: Vec::new(),
        };
        let index = self.push(Known {
            speaker,
            head: d.head.clone(),
            kind: d.kind,
            number: d.number,
            gender: d.gender.or(m.name_gender),
            not_person: m.not_person,
            owner: owner(d),
        });
        // The name as written may differ from the entity's canonical one ("Biden" for "Joe
        // Biden"): both find the speaker.
        if let Some(n) = &d.name {
            self.names.entry(n.clone()).or_insert(index);
            self.names.entry(surname(n).to_owned()).or_insert(index);
        }
        index
    }

    /// Adds a speaker, findable by its name, its surname and its entity.
    fn push(&mut self, known: Known) -> usize {
        let index = self.known.len();
        if let Some(n) = &known.speaker.name {
            self.names.insert(n.clone(), index);
            self.names.entry(surname(n).to_owned()).or_insert(index);
        }
        if let Some(id) = &known.speaker.entity_id {
            self.entities.insert(id.clone(), index);
        }
        self.known.push(known);
        index
    }
}

/// The speaker's affiliation: the entity it links to, else the phrase's own.
/// A descriptor's affiliation as written, lowercase and without its possessive ending.
fn owner(d: &Descriptor) -> Option<String> {
    d.affiliation
        .as_ref()
        .map(|(a, ..)| crate::descriptor::strip_possessive(a).to_lowercase())
}

fn affiliation_of(m: &Mention<'_>) -> Option<String> {
    m.affiliation_id
        .clone()
        .or_else(|| m.descriptor.affiliation.as_ref().map(|a| a.0.clone()))
}
