//! A dispatch's dateline: "LYON, 18 juin 2024 (AFP) - …", the place and the date an agency's story opens on.

use crate::article::PublicationDate;
use crate::date::Date;

use super::french_date::find_dates;

/// Words of the place before the date ("SAINT-DENIS DE LA RÉUNION").
const MAX_PLACE_WORDS: usize = 5;

/// Words of the agency's credit in brackets after the date ("(AFP)", "(Reuters)").
const MAX_CREDIT_WORDS: usize = 3;

/// The date of the dateline `paragraph` opens on: a place, a comma, the date, maybe the
/// agency in brackets, then a dash or a colon ("PARIS, 3 mars 2024 (AFP) - Le gouvernement…").
pub(crate) fn dispatch_date(paragraph: &str, today: Date) -> Option<PublicationDate> {
    let (place, rest) = paragraph.split_once(',')?;
    let place_words = place.split_whitespace().count();
    let is_place = (1..=MAX_PLACE_WORDS).contains(&place_words)
        && place.starts_with(char::is_uppercase)
        && !place.chars().any(|c| c.is_ascii_digit());
    if !is_place {
        return None;
    }
    let mention = find_dates(rest, today).into_iter().next()?;
    if !rest[..mention.span.start].trim().is_empty() || mention.year_inferred {
        return None;
    }
    let mut after = rest[mention.span.end..].trim_start();
    if let Some(credit) = after.strip_prefix('(') {
        let (inside, beyond) = credit.split_once(')')?;
        if inside.split_whitespace().count() > MAX_CREDIT_WORDS {
            return None;
        }
        after = beyond.trim_start();
    }
    after
        .starts_with(['-', '–', '—', ':'])
        .then_some(PublicationDate {
            date: mention.date,
            year_inferred: false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(paragraph: &str) -> Option<String> {
        dispatch_date(paragraph, Date::new(2026, 11, 21).unwrap())
            .map(|found| found.date.to_string())
    }

    #[test]
    fn an_agency_dateline_dates_its_dispatch() {
        assert_eq!(
            date("LYON, 18 juin 2024 (AFP) - La métropole a reconnu mardi un retard.").as_deref(),
            Some("2024-06-18")
        );
        assert_eq!(
            date("Bruxelles, 3 mars 2024 – Les Vingt-Sept ont adopté le texte.").as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            date("SAINT-DENIS DE LA RÉUNION, 12/01/2023 (Reuters) : Le cyclone approche.")
                .as_deref(),
            Some("2023-01-12")
        );
    }

    #[test]
    fn a_sentence_opening_on_a_date_is_no_dateline() {
        for paragraph in [
            "Le 18 juin 2024, la métropole a reconnu un retard de deux ans.",
            "Mardi, 18 juin 2024 restera une date noire pour le chantier.",
            "LYON, 18 juin 2024 (AFP). La métropole a reconnu un retard.",
            "Selon la métropole, le 18 juin 2024 - une date annoncée - marque un retard.",
        ] {
            assert_eq!(date(paragraph), None, "{paragraph}");
        }
    }
}
