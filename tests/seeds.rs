//! The five sample pages: every field the foundation issue expects, read through the library.

use std::path::Path;

use newsearch::date::Date;
use newsearch::extract::{read_file, FieldMap, FileContext, Format};

struct Expected {
    file: &'static str,
    title: &'static str,
    date: Option<&'static str>,
    inferred: bool,
    category: Option<&'static str>,
    author: Option<&'static str>,
    /// Words of the article that the body must hold.
    body_has: &'static [&'static str],
    /// Words the page shows only in menus, lists and footers.
    body_lacks: &'static [&'static str],
}

const SEEDS: &[Expected] = &[
    Expected {
        file: "000_2dac6ccf9dbe1700.txt",
        title: "Soldats nord-coréens en Ukraine : la goutte de trop pour la Corée du Sud, qui pourrait enfin armer Kiev",
        date: Some("2024-10-22"),
        inferred: false,
        category: Some("International"),
        author: Some("Francisco Lawson"),
        body_has: &["exige ce lundi le retrait", "Black Panther", "stratégies nord-coréennes"],
        body_lacks: &["Ngannou", "Macky Sall", "Articles récents", "Partager", "Password", "Annemasse", "Hezbollah", "FONI"],
    },
    Expected {
        file: "001_222e70790d304ee5.txt",
        title: "La Corée du Sud hausse le ton et s’inquiète pour sa sécurité",
        date: Some("2024-10-21"),
        inferred: true,
        category: None,
        author: Some("Zoé SAMIN avec AFP"),
        body_has: &["ce lundi 21 octobre", "Georgy Zinoviev", "Kim Jong-un", "transferts d’armes"],
        body_lacks: &["Rublev", "Cerundolo", "Google", "image/avif", "femmes soldats", "couverture complète", "nouvelle fenêtre"],
    },
    Expected {
        file: "002_222fd036282c38d2.txt",
        title: "des milliers de soldats nord-coréens déjà engagés sur le front ?",
        date: None,
        inferred: false,
        category: Some("International"),
        author: None,
        body_has: &["Lloyd Austin", "Marioupol", "Sébastien Lecornu"],
        body_lacks: &["nouvelles les plus importantes", "version mobile"],
    },
    Expected {
        file: "003_ab8cf38a567ce122.txt",
        title: "La Corée du Sud révèle l’échange de missiles entre la Russie et la Corée du Nord",
        date: None,
        inferred: false,
        category: None,
        author: Some("Sara"),
        body_has: &["Shin Won-sik", "Choe Son Hui", "Yoon Suk-yeol"],
        body_lacks: &["You may also like", "Leave a Comment", "Home"],
    },
    Expected {
        file: "004_562ef2b587480822.txt",
        title: "Des militaires nord-coréens se rendent en Russie et affichent un rapprochement qui inquiète Séoul",
        date: Some("2024-07-11"),
        inferred: false,
        category: None,
        author: Some("Ludeny Phedjyna Eugene"),
        body_has: &["mardi 9 juillet", "Yoon Suk-yeol", "plein régime"],
        body_lacks: &["Commentaires", "min de lecture"],
    },
];

#[test]
fn every_seed_reads_as_expected() {
    let today = Date::new(2026, 11, 21).unwrap();
    for expected in SEEDS {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/seeds")
            .join(expected.file);
        let context = FileContext {
            path: &path,
            folder_category: None,
            today,
            field_map: &FieldMap::default(),
        };
        let mut articles = Vec::new();
        let problems = read_file(Format::PageText, &context, &mut |article| {
            articles.push(article)
        })
        .unwrap();
        assert!(problems.is_empty());
        assert_eq!(articles.len(), 1);
        let article = &articles[0];
        let file = expected.file;
        assert_eq!(article.title, expected.title, "title of {file}");
        assert_eq!(
            article.date.map(|d| d.date.to_string()).as_deref(),
            expected.date,
            "date of {file}"
        );
        assert_eq!(
            article.date.is_some_and(|d| d.year_inferred),
            expected.inferred,
            "inferred year of {file}"
        );
        assert_eq!(
            article.category.as_deref(),
            expected.category,
            "category of {file}"
        );
        assert_eq!(
            article.author.as_deref(),
            expected.author,
            "author of {file}"
        );
        for words in expected.body_has {
            assert!(article.body.contains(words), "{file}: body lacks {words:?}");
        }
        for words in expected.body_lacks {
            assert!(
                !article.body.contains(words),
                "{file}: body has {words:?}:\n{}",
                article.body
            );
        }
        assert!(
            !article.body.contains(expected.title),
            "{file}: the title is repeated in the body"
        );
    }
}
