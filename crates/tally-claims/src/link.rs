//! Linking figure arguments to entities, and sharing them between the figures of one
//! statement.

use tally_core::{AffiliationBasis, Argument, Document, EntityType, Figure, Measure, Speaker};

use crate::draft::Draft;
use crate::merge::same_quantity;

/// Fills `entity_id` of every figure's subject, agent and place from the entity mentions
/// inside them. Subjects prefer countries, then organizations, people, groups, places, leftmost
/// first ("U.S. President Joe Biden's administration" → `US`); places prefer the most
/// specific place, rightmost first ("in Russia's Kursk region" → Kursk).
pub fn link_figure_arguments(doc: &mut Document) {
    // Nothing to link: spare indexing every mention.
    if doc.entities.is_empty() || doc.figures.is_empty() {
        return;
    }
    // Mention offsets only (start, end, entity): cloning each mention's text cost more
    // than the linking. Sized up front: growing it mention by mention cost as much again.
    let mut mentions: Vec<(usize, usize, usize)> =
        Vec::with_capacity(doc.entities.iter().map(|e| e.mentions.len()).sum());
    mentions.extend(
        doc.entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start, m.end, i))),
    );
    mentions.sort_by_key(|&(start, _, _)| start);
    let entities = &doc.entities;
    let pick = |argument: &Argument, rank: &dyn Fn(EntityType) -> usize, rightmost: bool| {
        let span = &argument.span;
        let first = mentions.partition_point(|&(_, end, _)| end <= span.start);
        let inside = mentions[first..]
            .iter()
            .take_while(|&&(start, _, _)| start < span.end);
        let inside = inside.filter(|&&(start, end, _)| span.start <= start && end <= span.end);
        let best = if rightmost {
            inside.min_by_key(|&&(start, _, i)| (rank(entities[i].kind), std::cmp::Reverse(start)))
        } else {
            inside.min_by_key(|&&(start, _, i)| (rank(entities[i].kind), start))
        };
        best.map(|&(_, _, i)| entities[i].id.clone())
    };
    let mut links = Vec::new();
    for (f, figure) in doc.figures.iter().enumerate() {
        let subject = figure
            .subject
            .as_ref()
            .filter(|a| a.entity_id.is_none())
            .and_then(|a| pick(a, &subject_rank, false));
        let place = figure
            .place
            .as_ref()
            .filter(|a| a.entity_id.is_none())
            .and_then(|a| pick(a, &place_rank, true));
        let agent = figure
            .agent
            .as_ref()
            .filter(|a| a.entity_id.is_none())
            .and_then(|a| pick(a, &subject_rank, false));
        links.push((f, subject, place, agent));
    }
    for (f, subject, place, agent) in links {
        let figure = &mut doc.figures[f];
        if let (Some(arg), Some(id)) = (figure.subject.as_mut(), subject) {
            arg.entity_id = Some(id);
        }
        if let (Some(arg), Some(id)) = (figure.agent.as_mut(), agent) {
            arg.entity_id = Some(id);
        }
        if let (Some(arg), Some(id)) = (figure.place.as_mut(), place) {
            arg.entity_id = Some(id);
        }
    }
}

fn subject_rank(kind: EntityType) -> usize {
    match kind {
        EntityType::Country => 0,
        EntityType::Organization => 1,
        EntityType::Person => 2,
        EntityType::Group => 3,
        EntityType::Place => 4,
    }
}

fn place_rank(kind: EntityType) -> usize {
    match kind {
        EntityType::Place => 0,
        EntityType::Country => 1,
        _ => 2,
    }
}

/// Within one statement, figures of the same quantity are the same figure said twice: each
/// fills the other's missing subject and place and they share hedges ("several hundred"
/// casualties in the lead gets the quote's "latest estimate").
pub fn share_figure_arguments(drafts: &[Draft], doc: &mut Document) {
    for draft in drafts.iter().filter(|d| d.evidence.len() > 1) {
        let ids: Vec<usize> = doc
            .figures
            .iter()
            .enumerate()
            .filter(|(_, f)| draft.covers(&f.span))
            .map(|(i, _)| i)
            .collect();
        for (n, &a) in ids.iter().enumerate() {
            for &b in &ids[n + 1..] {
                if same_quantity(&doc.figures[a], &doc.figures[b]) {
                    share(doc, a, b);
                    share(doc, b, a);
                }
            }
        }
    }
}

/// A pronoun agent in a claim is its claimant when the pronoun fits: "Israel says it has
/// killed about 20,000 militants" was killed by Israel, "the ministry said they had shot
/// down 40 drones" by the ministry. Only the entity is set; the span stays the pronoun.
pub fn resolve_pronoun_agents(drafts: &[Draft], doc: &mut Document) {
    // Most documents have no unlinked agent at all: spare the claims a speaker lookup.
    let unlinked = |f: &Figure| f.agent.as_ref().is_some_and(|a| a.entity_id.is_none());
    if !doc.figures.iter().any(unlinked) {
        return;
    }
    for draft in drafts {
        let Some(speaker) = draft
            .claimant
            .speaker_id
            .as_deref()
            .and_then(|id| doc.speakers.iter().find(|s| s.id == id))
        else {
            continue;
        };
        let Some(entity) = speaker_entity(speaker) else {
            continue;
        };
        let kind = doc.entities.iter().find(|e| e.id == entity).map(|e| e.kind);
        let fits = |pronoun: &str| match kind {
            Some(EntityType::Person) => ["he", "she", "i"]
                .iter()
                .any(|p| pronoun.eq_ignore_ascii_case(p)),
            Some(EntityType::Country | EntityType::Organization) => ["it", "they", "we"]
                .iter()
                .any(|p| pronoun.eq_ignore_ascii_case(p)),
            _ => false,
        };
        for figure in doc.figures.iter_mut().filter(|f| draft.covers(&f.span)) {
            if let Some(agent) = figure.agent.as_mut()
                && agent.entity_id.is_none()
                && fits(&agent.span.text)
            {
                agent.entity_id = Some(entity.clone());
            }
        }
    }
}

/// The entity a speaker is, or for a body named by what it is, the country or organization
/// written in its mention: "The Israeli military says it killed more than 2,500 fighters"
/// was killed by Israel's military, linked as IL. An anonymous speaker's affiliation is
/// not the speaker ("an Israeli official said they ...").
fn speaker_entity(speaker: &Speaker) -> Option<String> {
    if speaker.entity_id.is_some() {
        return speaker.entity_id.clone();
    }
    let stated = speaker.affiliation_basis == Some(AffiliationBasis::Stated);
    if speaker.anonymous || !stated {
        return None;
    }
    speaker.affiliation.clone()
}

fn share(doc: &mut Document, from: usize, to: usize) {
    let source = doc.figures[from].clone();
    let target = &mut doc.figures[to];
    if target.subject.is_none() {
        target.subject.clone_from(&source.subject);
    }
    if target.place.is_none() {
        target.place.clone_from(&source.place);
    }
    // Hedges only between figures of one range ("several hundred" in a paraphrase and in
    // its quote, "latest estimate" from the quote): the exact "50,021" is not "more than"
    // because "more than 50,000" is. A hedge of the statement ("estimated") is lost with
    // them: hedges do not say which they are.
    let bounds = |f: &Figure| (f.low, f.high, f.open_low, f.open_high);
    if bounds(&source) != bounds(target) {
        return;
    }
    for hedge in source.hedges {
        if !target.hedges.contains(&hedge) {
            target.hedges.push(hedge);
        }
    }
}

/// Which figures share a document's subject: losses (casualties, killed, wounded, missing,
/// captured) form one family, troop counts another.
fn family(measure: Measure) -> Option<u8> {
    match measure {
        Measure::Casualties
        | Measure::Killed
        | Measure::Wounded
        | Measure::Missing
        | Measure::Captured => Some(0),
        Measure::Troops => Some(1),
        _ => None,
    }
}

/// Whether `figure` may count what `source` counts: it names no noun of its own ("several
/// hundred killed") or the same one. "Russian soldiers" do not lend their subject to
/// "three other people" wounded in Kyiv, nor "Palestinians" to "251 hostages".
fn same_noun(figure: &Figure, source: &Figure) -> bool {
    match (&figure.noun, &source.noun) {
        (None, _) => true,
        (Some(noun), Some(other)) => noun.eq_ignore_ascii_case(other),
        (Some(_), None) => false,
    }
}

/// Whether the sentence of figure `i` names a country other than `subject`, and not
/// `subject`'s: "the overall Palestinian death toll had passed 43,000" is no count of the
/// Israeli hostages another paragraph names.
fn names_another_country(doc: &Document, i: usize, subject: Option<&str>) -> bool {
    let Some(sentence) = doc
        .sentence_at(doc.figures[i].span.start)
        .and_then(|s| doc.sentences.get(s))
    else {
        return false;
    };
    let named = |e: &&tally_core::Entity| {
        e.kind == EntityType::Country
            && e.mentions
                .iter()
                .any(|m| sentence.start <= m.start && m.end <= sentence.end)
    };
    let mut countries = doc.entities.iter().filter(named);
    // "Chadian troops killed 384 Libyans and captured 48": the subject's country is there.
    countries.clone().any(|e| Some(e.id.as_str()) != subject)
        && !countries.any(|e| Some(e.id.as_str()) == subject)
}

/// A loss or troop figure with no subject in its own sentence ("We assess several hundred
/// killed or wounded so far," the official said) takes the subject of its family's other
/// figures when all of those with an entity name the same country: the nearest such
/// figure's subject, earlier first, marked `subject_inherited`, from a figure counting the
/// same noun when it names one ([`same_noun`]); never a figure with a named agent, whose
/// loss is the other side's, nor one whose sentence names another country
/// ([`names_another_country`]). A document whose figures
/// name two entities (both sides' losses) gives none, nor one whose subject is a person or
/// a group found only in it: who lost what is then not for tally to guess.
pub fn inherit_document_subject(doc: &mut Document) {
    for fam in [0, 1] {
        let country = |id: &str| {
            doc.entities
                .iter()
                .any(|e| e.id == id && e.kind == EntityType::Country)
        };
        let with_entity: Vec<usize> = doc
            .figures
            .iter()
            .enumerate()
            .filter(|(_, f)| family(f.measure) == Some(fam) && !f.subject_inherited)
            .filter(|(_, f)| f.subject.as_ref().is_some_and(|a| a.entity_id.is_some()))
            .map(|(i, _)| i)
            .collect();
        let entity = |i: usize| {
            doc.figures[i]
                .subject
                .as_ref()
                .and_then(|a| a.entity_id.as_deref())
        };
        let Some(&first) = with_entity.first() else {
            continue;
        };
        if with_entity.iter().any(|&i| entity(i) != entity(first))
            || !entity(first).is_some_and(country)
        {
            continue;
        }
        for i in 0..doc.figures.len() {
            let f = &doc.figures[i];
            // A figure whose agent is named ("Russia ..., killing at least seven people")
            // counts someone else's loss than the story's subject's.
            if family(f.measure) != Some(fam) || f.subject.is_some() || f.agent.is_some() {
                continue;
            }
            let counts_alike = |j: &&usize| same_noun(f, &doc.figures[**j]);
            let earlier = with_entity
                .iter()
                .rev()
                .filter(counts_alike)
                .find(|&&j| j < i);
            let source =
                earlier.or_else(|| with_entity.iter().filter(counts_alike).find(|&&j| j > i));
            if let Some(&j) = source {
                let subject = doc.figures[j].subject.clone();
                let id = subject.as_ref().and_then(|a| a.entity_id.as_deref());
                if names_another_country(doc, i, id) {
                    continue;
                }
                let target = &mut doc.figures[i];
                target.subject = subject;
                target.subject_inherited = true;
            }
        }
    }
}
