//! The article's publication date (not its last update): declared in meta tags or JSON-LD, else marked up with `<time>` or microdata, else printed in a short dateline by the headline or right after the text, else an agency's dateline opening the text, else named in the page's address.

use html5ever::local_name;

use crate::analysis::fold::fold;
use crate::article::PublicationDate;
use crate::date::Date;
use crate::extract::clues::date_value::parse_date_value;
use crate::extract::clues::dispatch::dispatch_date;
use crate::extract::clues::french_date::find_date_line_dates;
use crate::extract::clues::local_day::{stated_offset, utc_time, zone_of_address, UtcTime, Zone};
use crate::extract::clues::page_address::address_day;

use super::document::{is_subheading, Document, NodeId};
use super::measures::Measures;
use super::metadata::PageMetadata;
use super::{decided_by, url, Decided};

/// Meta tags that may hold the publication date, in order of trust.
const DATE_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "itemprop:datepublished",
];

/// Meta tags of the last update: their offset from UTC is the publisher's.
const MODIFIED_META_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "modified_time",
    "dc.date.modified",
    "dcterms.modified",
];

/// JSON-LD keys of the publication date, in order of trust.
const DATE_JSON_LD_KEYS: &[&str] = &["datePublished", "dateCreated"];

/// Longest element, in characters other than white space, read as a dateline.
const DATELINE_CHARS: u32 = 120;

/// How many elements after the headline are looked at for a printed dateline.
const DATELINE_REACH: usize = 60;

/// Paragraphs of text (a standfirst, a caption) a dateline may come after.
const HEADER_PARAGRAPHS: usize = 2;

/// How many elements after the article's last paragraph are looked at for a date.
const CLOSING_REACH: usize = 12;

/// How many candidate elements are read at most, whatever the page.
const CANDIDATES: usize = 200;

/// The date the page was published, as the publisher dates it (its local date).
///
/// `heading` is the article's `<h1>`, under which a dateline is looked for; `article` the
/// element holding its paragraphs, after which a signature may date it; `opening` the
/// article's first paragraph, which may open on an agency's dateline.
pub(crate) fn publication_date(
    document: &Document,
    measures: &Measures,
    metadata: &PageMetadata,
    heading: Option<NodeId>,
    article: Option<NodeId>,
    opening: Option<&str>,
    today: Date,
) -> Option<Decided<PublicationDate>> {
    let declared = |text: &str| {
        let date = parse_date_value(text, today)?;
        Some(match utc_time(text) {
            Some(time) => PublicationDate {
                date: publisher_day(time, document, measures, metadata, heading, today),
                ..date
            },
            None => date,
        })
    };
    metadata
        .meta(DATE_META_KEYS)
        .and_then(declared)
        .map(decided_by("the page's meta tags (published time)"))
        .or_else(|| {
            DATE_JSON_LD_KEYS
                .iter()
                .find_map(|key| {
                    metadata
                        .json_ld(key)
                        .and_then(|value| value.as_str())
                        .and_then(declared)
                })
                .map(decided_by("the page's JSON-LD (datePublished)"))
        })
        .or_else(|| {
            itemprop_date(document, measures, today)
                .map(decided_by("an element marked as the publication date"))
        })
        .or_else(|| {
            printed_date(document, measures, heading, today)
                .map(decided_by("a date line under the headline"))
        })
        .or_else(|| {
            closing_date(document, measures, article, today)
                .map(decided_by("a date line right after the article's text"))
        })
        .or_else(|| time_date(document, measures, today).map(decided_by("a <time> element")))
        .or_else(|| {
            dispatch_date(opening?, today).map(decided_by("an agency's dateline opening the text"))
        })
        .or_else(|| {
            let date = PublicationDate {
                date: address_day(&url(metadata)?, today)?,
                year_inferred: false,
            };
            Some((date, "the day in the page's address"))
        })
        .or_else(|| {
            // A page stating only its last update was published that day or before: the
            // nearest day it states.
            metadata
                .meta(MODIFIED_META_KEYS)
                .and_then(declared)
                .map(decided_by(
                    "the page's meta tags (modified time, no published time)",
                ))
        })
}

/// The day a moment declared in UTC was where the article was published: the date printed
/// under the headline when it is that moment's day somewhere French-language news comes
/// from (a site may print the UTC day, as it states it); else the day at the offset the
/// page's other timestamps state; else at the time of the country the page says it is for
/// (its locale, its language tag, its address's domain), France's when it says none.
fn publisher_day(
    time: UtcTime,
    document: &Document,
    measures: &Measures,
    metadata: &PageMetadata,
    heading: Option<NodeId>,
    today: Date,
) -> Date {
    if let Some(printed) = printed_date(document, measures, heading, today)
        .filter(|printed| time.may_be_local(printed.date))
    {
        return printed.date;
    }
    let json_ld_stamps = ["datePublished", "dateModified", "dateCreated"]
        .iter()
        .filter_map(|key| metadata.json_ld(key).and_then(|value| value.as_str()));
    let time_stamps = document
        .elements_named("time")
        .filter_map(|(_, element)| element.attribute("datetime"));
    let offset = metadata
        .meta_all(DATE_META_KEYS)
        .chain(metadata.meta_all(MODIFIED_META_KEYS))
        .chain(json_ld_stamps)
        .chain(time_stamps)
        .take(CANDIDATES)
        .find_map(stated_offset)
        .unwrap_or_else(|| publisher_zone(document, metadata).offset_at(time));
    time.day_at(offset)
}

/// The zone of the country a page says it is for: its `og:locale` ("fr_CA"), its language
/// tag ("fr-BE"), else its address's domain; France's when none says.
fn publisher_zone(document: &Document, metadata: &PageMetadata) -> Zone {
    let locale = metadata
        .meta(&["og:locale"])
        .and_then(|locale| locale.split_once(['_', '-']))
        .map(|(_, country)| country.to_string());
    let language_tag = document
        .elements_named("html")
        .find_map(|(_, element)| element.attribute("lang"))
        .and_then(|tag| tag.split_once('-'))
        .map(|(_, country)| country.to_string());
    [locale, language_tag]
        .into_iter()
        .flatten()
        .find_map(|code| Zone::of_country(&code))
        .or_else(|| zone_of_address(&url(metadata)?))
        .unwrap_or(Zone::CentralEurope)
}

/// The date an element states: its `content` or `datetime` attribute, else its text
/// when short.
fn stated_date(
    document: &Document,
    measures: &Measures,
    id: NodeId,
    today: Date,
) -> Option<PublicationDate> {
    let element = document.element(id)?;
    element
        .attribute("content")
        .or_else(|| element.attribute("datetime"))
        .and_then(|value| parse_date_value(value, today))
        .or_else(|| {
            let text = measures.short_text(document, id, DATELINE_CHARS)?;
            // "Publié le 12/03/24, mis à jour le 13/03/24": the earlier date is the
            // publication, whichever comes first.
            find_date_line_dates(&text, today)
                .into_iter()
                .min_by_key(|mention| mention.date)
                .map(|mention| mention.as_publication())
                .or_else(|| parse_date_value(&text, today))
        })
}

/// `itemprop="datePublished"`.
fn itemprop_date(document: &Document, measures: &Measures, today: Date) -> Option<PublicationDate> {
    document
        .elements()
        .filter(|(id, _)| document.has_itemprop(*id, "datePublished"))
        .take(CANDIDATES)
        .find_map(|(id, _)| stated_date(document, measures, id, today))
}

/// The first `<time>` that is not marked as a modification date nor another article's: in a
/// link, an entry of a list (a teaser's date beside its link) or an `<aside>`.
fn time_date(document: &Document, measures: &Measures, today: Date) -> Option<PublicationDate> {
    let elsewhere = [local_name!("li"), local_name!("aside")];
    document
        .elements_named("time")
        .filter(|(id, _)| {
            !measures.unread[*id]
                && !measures.in_link[*id]
                && !document.has_itemprop(*id, "dateModified")
                && !document.is_inside(*id, &elsewhere)
        })
        .take(CANDIDATES)
        .find_map(|(id, _)| stated_date(document, measures, id, today))
}

/// A date printed right after the article's text, inside the element holding it: a
/// signature or a closing line ("Claire Dumas, le 18/06/2024", "Publié le … dans
/// Économie"), in the short elements after its last paragraph, outside links and asides,
/// before any heading (which opens another section: "À lire aussi").
fn closing_date(
    document: &Document,
    measures: &Measures,
    article: Option<NodeId>,
    today: Date,
) -> Option<PublicationDate> {
    let article = article?;
    let end = document.subtree_end(article);
    let within = || {
        document
            .elements()
            .skip_while(move |(id, _)| *id < article)
            .take_while(move |(id, _)| *id < end)
    };
    let (last_paragraph, _) = within()
        .filter(|(id, element)| {
            element.name == local_name!("p")
                && measures.text_chars[*id] > DATELINE_CHARS
                && !measures.unread[*id]
        })
        .last()?;
    let after = document.subtree_end(last_paragraph);
    within()
        .skip_while(|(id, _)| *id < after)
        .take_while(|(_, element)| !is_subheading(&element.name))
        .filter(|(id, element)| {
            !measures.unread[*id]
                && !measures.in_link[*id]
                && element.name != local_name!("a")
                && !document.is_inside(*id, &[local_name!("aside")])
        })
        .take(CLOSING_REACH)
        .find_map(|(id, _)| stated_date(document, measures, id, today))
}

/// A date printed under the headline: "Publié le 22 octobre 2024 à 14h05" or a `<time>`,
/// in one of the short blocks that follow the article's `<h1>`, outside links, before the
/// article's text has run for a few paragraphs (a standfirst may come first): dates after
/// them are the story's or other articles'.
fn printed_date(
    document: &Document,
    measures: &Measures,
    heading: Option<NodeId>,
    today: Date,
) -> Option<PublicationDate> {
    let after = document.subtree_end(heading?);
    let mut paragraphs = 0;
    document
        .elements()
        .skip_while(|(id, _)| *id < after)
        .take_while(|(id, element)| {
            let is_paragraph =
                element.name == local_name!("p") && measures.text_chars[*id] > DATELINE_CHARS;
            // A heading once the text has begun opens another section ("À lire aussi").
            let opens_a_section = paragraphs > 0 && is_subheading(&element.name);
            paragraphs += usize::from(is_paragraph);
            paragraphs <= HEADER_PARAGRAPHS && !opens_a_section
        })
        .filter(|(id, element)| {
            !measures.unread[*id] && !measures.in_link[*id] && element.name != local_name!("a")
        })
        .take(DATELINE_REACH)
        .filter_map(|(id, _)| {
            let date = stated_date(document, measures, id, today)?;
            Some((date, says_updated(document, measures, id)))
        })
        // A page may print its update above its publication ("Mis à jour le 20/06" then
        // "Publié le 18/06"): the first date not said to be an update, else the first.
        .fold(None, |chosen, (date, updated)| match chosen {
            Some((_, false)) => chosen,
            Some((_, true)) if updated => chosen,
            _ => Some((date, updated)),
        })
        .map(|(date, _)| date)
}

/// Whether the element, or the short line holding it, says its date is an update ("Mis à
/// jour le …") and not the publication.
fn says_updated(document: &Document, measures: &Measures, id: NodeId) -> bool {
    let line = |id: NodeId| measures.short_text(document, id, DATELINE_CHARS);
    let parent = document.nodes[id].parent;
    [Some(id), parent]
        .into_iter()
        .flatten()
        .filter_map(line)
        .map(|text| fold(&text))
        .any(|text| {
            !text.contains("publi")
                && ["mis a jour", "modifie", "actualise", "maj ", "updated"]
                    .iter()
                    .any(|word| text.contains(word))
        })
}

#[cfg(test)]
mod tests {
    use super::super::container::best_element;
    use super::*;

    fn date_of(html: &str) -> Option<String> {
        let document = Document::parse(html).unwrap();
        let measures = Measures::of(&document);
        let metadata = PageMetadata::read(&document);
        let heading = document.elements_named("h1").last().map(|(id, _)| id);
        publication_date(
            &document,
            &measures,
            &metadata,
            heading,
            best_element(&document, &measures),
            None,
            Date::new(2026, 11, 21).unwrap(),
        )
        .map(|(found, _)| found.date.to_string())
    }

    #[test]
    fn declared_before_marked_before_printed() {
        let declared = r#"<meta property="article:published_time" content="2024-10-22T23:30:00+02:00">
            <time datetime="2024-10-25">25 octobre</time>"#;
        assert_eq!(date_of(declared).as_deref(), Some("2024-10-22"));
        let json_ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-11-02","datePublished":"2024-10-21"}</script>"#;
        assert_eq!(date_of(json_ld).as_deref(), Some("2024-10-21"));
        let related_first = r#"<ul><li><a href="/x"><time datetime="2023-01-01">1er janvier</time> Un autre</a></li></ul>
            <h1>Le titre</h1><time datetime="2024-10-20T10:00">20 octobre 2024</time>"#;
        assert_eq!(date_of(related_first).as_deref(), Some("2024-10-20"));
        let printed = "<h1>Le titre</h1><div class=x><span>Par Jeanne Martin</span><span>Publié le 12 février 2025 à 08h10</span></div><p>Texte</p>";
        assert_eq!(date_of(printed).as_deref(), Some("2025-02-12"));
        assert_eq!(date_of("<h1>Le titre</h1><p>Pas de date ici.</p>"), None);
        let addressed = r#"<link rel="canonical" href="https://exemple.fr/monde/2024/10/03/le-titre_123_456.html">
            <h1>Le titre</h1><p>Pas de date ici.</p>"#;
        assert_eq!(date_of(addressed).as_deref(), Some("2024-10-03"));
        let addressed_and_printed = r#"<link rel="canonical" href="https://exemple.fr/le-titre-20241003">
            <h1>Le titre</h1><p>Publié le 4 octobre 2024</p>"#;
        assert_eq!(
            date_of(addressed_and_printed).as_deref(),
            Some("2024-10-04")
        );
    }

    /// A `<time>` away from the headline dates the page unless it dates another article (an
    /// entry of a list, an aside); a page stating only its update is dated by it.
    #[test]
    fn a_time_elsewhere_and_the_update_alone() {
        let paragraph = "<p>Le conseil municipal a adopté mardi soir un nouveau plan de circulation pour le centre-ville, après plusieurs mois de concertation avec les habitants et les commerçants du quartier.</p>";
        let article = format!("<h1>Le titre</h1>{}", paragraph.repeat(3));
        let related = r#"<aside><ul><li><a href="/x">Un autre article</a> <time datetime="2020-01-01">1er janvier 2020</time></li></ul></aside>"#;
        let own = r#"<footer><time datetime="2024-10-20T10:00">20 octobre 2024</time></footer>"#;
        assert_eq!(date_of(&format!("{article}{related}")), None);
        assert_eq!(
            date_of(&format!("{article}{related}{own}")).as_deref(),
            Some("2024-10-20")
        );
        let updated = r#"<meta property="og:updated_time" content="2024-10-22T10:00:00+02:00">"#;
        assert_eq!(
            date_of(&format!("{updated}{article}{related}")).as_deref(),
            Some("2024-10-22")
        );
        let compact = r#"<meta name="pubdate" content="20241021">"#;
        assert_eq!(
            date_of(&format!("{compact}{updated}{article}")).as_deref(),
            Some("2024-10-21")
        );
    }

    /// A moment declared in UTC is dated on the publisher's clock: by the date printed under
    /// the headline, else the offset of the page's other timestamps, else its country's zone.
    #[test]
    fn a_utc_moment_is_dated_where_it_was_published() {
        let declared = |stamp: &str, more: &str| {
            format!(
                r#"<meta property="article:published_time" content="{stamp}">{more}<h1>Le titre</h1><p>Texte.</p>"#
            )
        };
        let late = "2024-04-29T22:15:00Z";
        assert_eq!(date_of(&declared(late, "")).as_deref(), Some("2024-04-30"));
        assert_eq!(
            date_of(&declared("2024-01-15T22:15:00+00:00", "")).as_deref(),
            Some("2024-01-15"),
            "23:15 in Paris in winter"
        );
        assert_eq!(
            date_of(&declared("2024-04-29T12:15:00Z", "")).as_deref(),
            Some("2024-04-29")
        );
        let modified =
            r#"<meta property="article:modified_time" content="2024-04-29T21:00:00-04:00">"#;
        assert_eq!(
            date_of(&declared("2024-04-30T02:15:00Z", modified)).as_deref(),
            Some("2024-04-29"),
            "the page's other timestamp gives its offset"
        );
        let quebec = r#"<meta property="og:locale" content="fr_CA">"#;
        assert_eq!(
            date_of(&declared("2024-04-30T02:15:00Z", quebec)).as_deref(),
            Some("2024-04-29")
        );
        let printed_utc_day = r#"<meta property="article:published_time" content="2024-04-29T22:15:00+00:00">
            <h1>Le titre</h1><p class=date>29 avril 2024</p><p>Texte.</p>"#;
        assert_eq!(date_of(printed_utc_day).as_deref(), Some("2024-04-29"));
    }

    /// A page that prints its date only in the signature under its text is dated by it; a
    /// teaser's date under a heading after the text is another article's.
    #[test]
    fn the_signature_under_the_text_dates_the_article() {
        let paragraph = "<p>Les fromageries du massif jurassien ont reçu cet été près de dix pour cent de lait en moins que l'an dernier, selon l'interprofession du comté, qui s'inquiète pour l'hiver.</p>";
        let signed = format!(
            "<h1>Le titre</h1><main>{paragraph}{paragraph}{paragraph}<p class=s>Claire Dumas, le 18/06/2024</p></main>"
        );
        assert_eq!(date_of(&signed).as_deref(), Some("2024-06-18"));
        let teaser = format!(
            "<h1>Le titre</h1><main>{paragraph}{paragraph}<h2>À lire aussi</h2><p><a href=/x>Un autre article</a> 3 septembre 2024</p></main>"
        );
        assert_eq!(date_of(&teaser), None);
    }

    /// A page printing its update above its publication is dated by the publication.
    #[test]
    fn the_update_printed_first_is_passed_over() {
        let html = "<h1>Le titre</h1><div>Mis à jour le 20/06/2024 à 09:00</div><div>Publié le 18/06/2024 à 07:45</div><p>Texte.</p>";
        assert_eq!(date_of(html).as_deref(), Some("2024-06-18"));
        let only_update =
            "<h1>Le titre</h1><div>Mis à jour le <time>20/06/2024</time></div><p>Texte.</p>";
        assert_eq!(date_of(only_update).as_deref(), Some("2024-06-20"));
        let one_line = "<h1>Le titre</h1><p>Mis à jour le 20 juin 2024 à 09:00 Publié le 18 juin 2024 à 07:45</p><p>Texte.</p>";
        assert_eq!(date_of(one_line).as_deref(), Some("2024-06-18"));
    }

    /// A dateline that says it gives the publication may write its year in two digits.
    #[test]
    fn a_labelled_dateline_with_a_two_digit_year() {
        let html = "<h1>Le titre</h1><p>Publié le 18/06/24 à 07h45 — Mis à jour le 20/06/24</p><p>Texte.</p>";
        assert_eq!(date_of(html).as_deref(), Some("2024-06-18"));
        let english_month = "<h1>Le titre</h1><p>Publié le 18 Jun 24 à 07:45</p><p>Texte.</p>";
        assert_eq!(date_of(english_month), None);
    }

    /// A date after the article's first paragraphs is no dateline: the related articles'
    /// under the text are passed over for the date printed above the headline.
    #[test]
    fn the_dateline_comes_before_the_text_runs() {
        let paragraph = "<p>Les ostréiculteurs de la baie de Quiberon ont découvert lundi matin une nappe d'hydrocarbures à quelques centaines de mètres de leurs parcs, selon la préfecture maritime.</p>";
        let html = format!(
            r#"<p><time>mardi 12 mars 2024</time></p><h1>Le titre</h1>{paragraph}{paragraph}{paragraph}
            <ul><li><a href="/x">Un autre article</a> <time>28 février 2024</time></li></ul>"#
        );
        assert_eq!(date_of(&html).as_deref(), Some("2024-03-12"));
    }
}
