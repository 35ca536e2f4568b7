//! Golden tests: each sentence printed with carets under every entity mention and its
//! entity's id and type.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use tally_core::{Document, DocumentMeta, Extractor};
use tally_entities::EntityExtractor;

/// Runs the segmenter and the entity extractor over `paragraphs`, then prints each
/// paragraph followed by one caret line per mention.
fn render(paragraphs: &[&str]) -> String {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    tally_text::Segmenter.run(&mut doc).unwrap();
    EntityExtractor::new().unwrap().run(&mut doc).unwrap();
    let mut mentions: Vec<(usize, usize, String)> = doc
        .entities
        .iter()
        .flat_map(|e| {
            let mut label = format!("{} {:?} {:?}", e.id, e.kind, e.name).to_lowercase();
            if let Some(parent) = &e.parent {
                label.push_str(&format!(" in {parent}"));
            }
            e.mentions
                .iter()
                .map(move |m| (m.start, m.end, label.clone()))
        })
        .collect();
    mentions.sort();
    let mut out = String::new();
    for p in &doc.paragraphs {
        out.push_str(&p.text);
        out.push('\n');
        for (start, end, label) in mentions.iter().filter(|m| p.start <= m.0 && m.1 <= p.end) {
            let pad = doc.body[p.start..*start].chars().count();
            let width = doc.body[*start..*end].chars().count();
            out.push_str(&format!(
                "{}{} {label}\n",
                " ".repeat(pad),
                "^".repeat(width)
            ));
        }
    }
    out
}

#[test]
fn seed_story_demonyms_metonyms_titles_and_coreference() {
    insta::assert_snapshot!(render(&[
        "North Korean forces have suffered \"several hundred\" casualties fighting against Ukrainian troops in Russia's Kursk region, a senior U.S. military official said Tuesday.",
        "The official's comments came after Ukraine's commander-in-chief Oleksandr Syrsky said Moscow has used North Korean troops.",
        "Experts say the nuclear-armed North's leader, Kim Jong Un, is keen to acquire technology, and U.S. President Joe Biden's administration has been a key supporter of Kyiv before President-elect Donald Trump takes office.",
        "Trump has repeatedly criticized U.S. assistance for Ukraine, comments that triggered fears at the hands of the Ukrainians.",
    ]));
}

#[test]
fn organizations_from_suffixes_heads_and_appositions() {
    insta::assert_snapshot!(render(&[
        "The Russian Defense Ministry said the Bank of Japan and Northrop Grumman were not involved.",
        "NPD Group, a market research firm, said Apple Inc. sold more, according to Reuters and the Associated Press.",
        "Northrop shares rose, said Paul Nesbit, 52, an analyst at JSA Research.",
    ]));
}

#[test]
fn all_caps_wire_report() {
    insta::assert_snapshot!(render(&[
        "SAN SALVADOR, 3 JAN 90 (ACAN-EFE) -- [TEXT] PRESIDENT ALFREDO CRISTIANI SAID THE SALVADORAN ARMED FORCES WILL INVESTIGATE THE KILLING, THE MINISTRY OF DEFENSE REPORTED.",
        "CRISTIANI ADDED THAT THE U.S. EMBASSY IN EL SALVADOR WAS INFORMED. LET US SEE.",
    ]));
}

#[test]
fn lowercase_words_are_not_places() {
    let out = render(&["Tell us about china, turkey and the march to the sea, said the chad."]);
    assert!(!out.contains('^'), "{out}");
}

#[test]
fn possessive_and_demonym_countries_are_parents() {
    insta::assert_snapshot!(render(&[
        "Russia's Gazprom cut supplies and Ukrainian Railways said the U.S. Department of Labor and Air Force would help.",
        "Fighting in Russia's Kursk region spread to Ukraine's Sumy Oblast.",
    ]));
}

#[test]
fn capitals_are_governments_except_where_used_as_places() {
    insta::assert_snapshot!(render(&[
        "Moscow said on Tuesday that Moscow's invasion was a reply to a pact between Pyongyang and Moscow, and Washington is a key supporter of Kyiv.",
        "The comments triggered fears in Kyiv and Europe, and officials in Moscow were silent.",
        "He told reporters in Kyiv that a restaurant in Moscow and a hotel in Beijing were hit, near a Moscow-based bank in the Kyiv suburbs and outside Moscow.",
        "Kyiv's mayor said the outskirts of Kyiv were shelled; Moscow residents and the mayor of Moscow watched.",
        "Brussels said the summit in Brussels would go ahead.",
        "MOSCOW, Dec 18 (Reuters) - Russia said talks with Beijing went well.",
    ]));
}

#[test]
fn well_known_people_and_their_relatives() {
    insta::assert_snapshot!(render(&[
        "Barack Obama met Putin and Zelensky at the summit; Michelle Obama and Ivanka Trump were not invited to the dinner there.",
        "President Trump and Xi Jinping spoke, said Antonio Guterres and Elon Musk of Tesla.",
    ]));
}

#[test]
fn a_city_with_its_state_or_country_is_one_place() {
    insta::assert_snapshot!(render(&[
        "The planes will be assembled in Mobile, Alabama, and flown to Toulouse, France for a ceremony.",
        "A jet was damaged at the airport that serves Bangkok, Thailand, while a second one left Long Beach, California on Monday.",
        "Airbus has plants in Singapore, Malaysia and Germany, and Paris, Texas has none.",
    ]));
}

#[test]
fn a_country_government_is_a_mention_of_the_country() {
    insta::assert_snapshot!(render(&[
        "GM will receive loans from the government of Canada, and the US government's stake will grow, the Canadian Government said.",
        "The U.S. Government Accountability Office and the provincial government of Ontario disagreed.",
    ]));
}

#[test]
fn the_head_of_an_apposition_types_the_name() {
    insta::assert_snapshot!(render(&[
        "\"We will act,\" said Dana Perino, the White House Press Secretary.",
        "Hans Keller, a spokesman for the Defence Ministry, and Keller Tooling, a small machine firm, disagreed.",
    ]));
}

#[test]
fn given_names_that_are_words_surnames_shared_and_of_phrases() {
    insta::assert_snapshot!(render(&[
        "Mark Papermaster, formerly an Apple Inc. executive, has left. Apple confirmed that Papermaster had left.",
        "Betsy Ebeling and her husband, Tom Ebeling, were greeted by organizers. Ebeling said it was hard.",
        "Jusman Syafii Djamal, minister of transport for Indonesia, recommended it. Djamal told reporters.",
        "\"It's early,\" said Tom Campbell of First National Bank, adding that the Mark IV tank and Bill C-40 were other matters.",
        "At Boca West, Jay DiPietro, the club's president, said the loan was signed by the Executive Vice President of Home Federal Savings.",
    ]));
}

#[test]
fn all_caps_given_names_and_radio_stations() {
    insta::assert_snapshot!(render(&[
        "THE REPORT BY THE REBELS, BROADCAST FROM SAN SALVADOR BY TEGUCIGALPA RADIO AMERICA, ADDED THAT GONZALO RODRIGUEZ GACHA AND ENRIQUE BERMUDEZ WERE KILLED.",
        "BERNARDO JARAMILLO TOLD EFE THAT DANIEL ORTEGA OPENLY MADE THE OFFER AND HAS THE PRESIDENT BEEN INFORMED?",
        "THE CHRISTIAN DEMOCRATIC PARTY MET IN THE RAMON NEIGHBORHOOD WHILE PATRICIO AYLWIN WINS.",
    ]));
}

#[test]
fn title_case_lines_surname_titles_and_names_after_organizations() {
    insta::assert_snapshot!(render(&[
        "\u{201C}We can not afford a collapse.\u{201D}",
        "said Stephen Harper, Prime Minister of Canada.",
        "Clinton Wades Into Fight Over Ted Cruz Just Days Before Vote",
        "US markets were closed in honor of Martin Luther King, said Chrysler LLC Jim Press.",
        "\u{201C}This is a difficult day,\u{201D} said Jim Press, the Vice Chairman of Chrysler.",
    ]));
}

/// Companies named after their founders read as "Given Surname" to the person rules; the
/// curated list makes them organizations.
#[test]
fn companies_named_after_people() {
    insta::assert_snapshot!(render(&[
        "Analysts at Morgan Stanley and Merrill Lynch said the deal was fair, and Goldman Sachs declined to comment.",
    ]));
}

/// A titled name followed by "of" and a place is the person, then the place they are of.
#[test]
fn a_titled_person_of_a_place() {
    insta::assert_snapshot!(render(&[
        "She is locked in a dead heat with Sen. Bernie Sanders of Vermont, whose bid grew. Sanders said so.",
    ]));
}

/// Lowercase particles inside a person's name ("da", "del", "di") keep the name whole.
#[test]
fn name_particles_join_a_name() {
    let out = render(&[
        "President Luiz Inacio Lula da Silva visited the region with Alfredo del Mazo.",
    ]);
    assert!(out.contains("\"luiz inácio lula da silva\""), "{out}");
    assert!(out.contains("\"alfredo del mazo\""), "{out}");
}
