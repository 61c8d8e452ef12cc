//! The query language: user text to a syntax tree (words, "phrases", prefixes, -exclusions, +required words, OR, AND, NOT, parentheses, field prefixes, date ranges, `"phrase"~N`, `word~`), or an error that names the column.

use std::fmt;

use crate::date::{DateRangeError, DayRange};

/// Where a word or phrase is looked for, or which property it restricts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Title and body (no prefix).
    Text,
    Title,
    /// The article's text, title included (the body is not indexed on its own).
    Body,
    Category,
    Author,
    Source,
    Date,
}

impl Scope {
    /// The scope a `name:` prefix names, if it is one of ours.
    fn from_prefix(name: &str) -> Option<Scope> {
        Some(match name {
            "title" => Scope::Title,
            "body" => Scope::Body,
            "category" => Scope::Category,
            "author" => Scope::Author,
            "source" => Scope::Source,
            "date" => Scope::Date,
            _ => return None,
        })
    }
}

/// How the text of a leaf is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextKind {
    Word,
    /// Quoted: the words together, in order.
    Phrase,
    /// `word*`: any word starting with it.
    Prefix,
    /// `"words"~N`: the words in this order, with at most N other words among them.
    Near(u32),
    /// `word~` (or `word~1`, `word~2`): the word or a spelling that many edits away (`None`:
    /// as many as `--fuzzy` allows for its length).
    Typo(Option<u8>),
}

/// The most words `"phrase"~N` may let in between its words.
pub(crate) const MAX_PHRASE_SLOP: u32 = 50;

/// One node of a parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// A word, phrase or prefix in a text field, or a value of a keyword field.
    Leaf {
        scope: Scope,
        kind: TextKind,
        /// The text as typed (without quotes or the final `*`).
        text: String,
    },
    /// Published within these inclusive day bounds.
    DateRange(DayRange),
    /// `-x`: articles matching `x` are left out.
    Not(Box<Node>),
    /// `( … )`: every part is required.
    Group(Vec<Node>),
    /// `a OR b`: any of the parts.
    Or(Vec<Node>),
}

/// How deeply parentheses may nest (`((a))` is 2 deep). Deeper queries are refused: the
/// parser, the query builder and tantivy's scorers all recurse once per level, and a bound
/// keeps every one of them far from the end of a thread's stack, whatever the text.
pub const MAX_NESTING: usize = 32;

/// Why a query was refused, and where (1-based column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QueryError {
    pub column: usize,
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{} (column {})", self.message, self.column)
    }
}

/// Parses query text into the top-level parts of the query (joined by spaces).
///
/// Grammar (`OR` binds tighter than juxtaposition, so `a b OR c` is `a (b OR c)`):
/// ```text
/// sequence := both*
/// both     := item ("AND" item)*
/// item     := unary ("OR" unary)*
/// unary    := ("-" | "NOT ") atom | "+" atom | atom
/// atom     := "(" sequence ")" | FIELD ":" atom | "phrase" | "phrase"~N | word | word* | word~ | word~N
/// ```
/// `a AND b` is the group `(a b)`: both required; `+a` is `(a)`: required.
/// Text that is not syntax is searched as words: punctuation goes to the analyzer, an
/// unclosed quote runs to the end, an unknown `name:` is a word. Unbalanced parentheses, a
/// dangling `OR`, `AND` or `NOT`, an empty field prefix, bad dates, a `~N` out of bounds and
/// parentheses nested deeper than [`MAX_NESTING`] are errors.
pub(crate) fn parse_query(text: &str) -> Result<Vec<Node>, QueryError> {
    let mut parser = Parser {
        characters: text.chars().collect(),
        cursor: 0,
        depth: 0,
    };
    let nodes = parser.sequence(Scope::Text)?;
    match parser.peek() {
        Some(')') => Err(parser.error_here("')' has no matching '('")),
        _ => Ok(nodes),
    }
}

struct Parser {
    characters: Vec<char>,
    cursor: usize,
    /// How many parentheses are open at the cursor.
    depth: usize,
}

/// Characters that open or close a phrase.
fn is_quote(character: char) -> bool {
    matches!(character, '"' | '“' | '”' | '«' | '»')
}

/// Characters that end a bare word.
fn ends_word(character: char) -> bool {
    character.is_whitespace() || matches!(character, '(' | ')') || is_quote(character)
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.characters.get(self.cursor).copied()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.cursor += 1;
        }
    }

    fn error_at(&self, index: usize, message: impl Into<String>) -> QueryError {
        QueryError {
            column: index + 1,
            message: message.into(),
        }
    }

    fn error_here(&self, message: impl Into<String>) -> QueryError {
        self.error_at(self.cursor, message)
    }

    /// Whether an `OR` operator starts at the cursor (upper case, standing alone).
    fn at_or(&self) -> bool {
        self.at_operator("OR")
    }

    /// Whether the upper-case operator `name` starts at the cursor, standing alone.
    fn at_operator(&self, name: &str) -> bool {
        let length = name.chars().count();
        name.chars()
            .enumerate()
            .all(|(offset, letter)| self.characters.get(self.cursor + offset) == Some(&letter))
            && self
                .characters
                .get(self.cursor + length)
                .is_none_or(|&next| ends_word(next))
    }

    /// Whether an operator that needs something after it starts at the cursor.
    fn at_binary_operator(&self) -> bool {
        self.at_or() || self.at_operator("AND")
    }

    /// Parts until a `)` or the end.
    fn sequence(&mut self, scope: Scope) -> Result<Vec<Node>, QueryError> {
        let mut nodes = Vec::new();
        loop {
            self.skip_spaces();
            match self.peek() {
                None | Some(')') => return Ok(nodes),
                _ if self.at_or() => {
                    return Err(self.error_here("OR needs a word, phrase or group on its left"))
                }
                _ if self.at_operator("AND") => {
                    return Err(self.error_here("AND needs a word, phrase or group on its left"))
                }
                _ => nodes.push(self.both(scope)?),
            }
        }
    }

    /// Items joined by `AND`: one group of them, every one required.
    fn both(&mut self, scope: Scope) -> Result<Node, QueryError> {
        let mut parts = vec![self.item(scope)?];
        loop {
            let before = self.cursor;
            self.skip_spaces();
            if !self.at_operator("AND") {
                self.cursor = before;
                break;
            }
            let and_at = self.cursor;
            self.cursor += 3;
            self.skip_spaces();
            if matches!(self.peek(), None | Some(')')) || self.at_binary_operator() {
                return Err(self.error_at(and_at, "AND needs a word, phrase or group on its right"));
            }
            parts.push(self.item(scope)?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Node::Group(parts)
        })
    }

    fn item(&mut self, scope: Scope) -> Result<Node, QueryError> {
        let mut alternatives = vec![self.unary(scope)?];
        loop {
            let before = self.cursor;
            self.skip_spaces();
            if !self.at_or() {
                self.cursor = before;
                break;
            }
            let or_at = self.cursor;
            self.cursor += 2;
            self.skip_spaces();
            if matches!(self.peek(), None | Some(')')) || self.at_binary_operator() {
                return Err(self.error_at(or_at, "OR needs a word, phrase or group on its right"));
            }
            alternatives.push(self.unary(scope)?);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            Node::Or(alternatives)
        })
    }

    fn unary(&mut self, scope: Scope) -> Result<Node, QueryError> {
        let signed = |sign: char| {
            self.peek() == Some(sign)
                && self
                    .characters
                    .get(self.cursor + 1)
                    .is_some_and(|&next| !next.is_whitespace() && next != sign && next != ')')
        };
        if signed('-') {
            self.cursor += 1;
            return Ok(Node::Not(Box::new(self.atom(scope)?)));
        }
        if signed('+') {
            self.cursor += 1;
            return Ok(Node::Group(vec![self.atom(scope)?]));
        }
        if self.at_operator("NOT") {
            let not_at = self.cursor;
            self.cursor += 3;
            self.skip_spaces();
            if matches!(self.peek(), None | Some(')')) || self.at_binary_operator() {
                return Err(self.error_at(not_at, "NOT needs a word, phrase or group after it"));
            }
            if self.at_operator("NOT") {
                return Err(self.error_here("NOT NOT: say what to leave out once"));
            }
            return Ok(Node::Not(Box::new(self.atom(scope)?)));
        }
        self.atom(scope)
    }

    fn atom(&mut self, scope: Scope) -> Result<Node, QueryError> {
        let start = self.cursor;
        match self.peek() {
            Some('(') => {
                if self.depth == MAX_NESTING {
                    return Err(
                        self.error_here(format!("parentheses nest more than {MAX_NESTING} deep"))
                    );
                }
                self.cursor += 1;
                self.depth += 1;
                let nodes = self.sequence(scope)?;
                self.depth -= 1;
                if self.peek() != Some(')') {
                    return Err(self.error_at(start, "'(' is never closed"));
                }
                self.cursor += 1;
                if nodes.is_empty() {
                    return Err(self.error_at(start, "empty parentheses"));
                }
                Ok(Node::Group(nodes))
            }
            Some(character) if is_quote(character) => {
                self.cursor += 1;
                let text_start = self.cursor;
                while self.peek().is_some_and(|c| !is_quote(c)) {
                    self.cursor += 1;
                }
                let text: String = self.characters[text_start..self.cursor].iter().collect();
                if self.peek().is_some() {
                    self.cursor += 1;
                }
                let kind = self.phrase_slop()?.map_or(TextKind::Phrase, TextKind::Near);
                leaf(scope, kind, text.trim(), start)
            }
            _ => {
                while self.peek().is_some_and(|c| !ends_word(c)) {
                    self.cursor += 1;
                }
                let word: String = self.characters[start..self.cursor].iter().collect();
                if let Some((name, rest)) = word.split_once(':') {
                    if let Some(field) = Scope::from_prefix(name) {
                        return self.field_value(field, rest, start, name.chars().count() + 1);
                    }
                }
                word_leaf(scope, &word, start)
            }
        }
    }

    /// The `~N` right after a closing quote, if any.
    fn phrase_slop(&mut self) -> Result<Option<u32>, QueryError> {
        if self.peek() != Some('~') {
            return Ok(None);
        }
        let tilde = self.cursor;
        self.cursor += 1;
        let digits_start = self.cursor;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.cursor += 1;
        }
        let digits: String = self.characters[digits_start..self.cursor].iter().collect();
        let bad = |parser: &Parser| {
            parser.error_at(
                tilde,
                format!(
                    "\"…\"~N needs a number of words from 0 to {MAX_PHRASE_SLOP} right after the ~"
                ),
            )
        };
        if self.peek().is_some_and(|c| !ends_word(c)) {
            return Err(bad(self));
        }
        match digits.parse::<u32>() {
            Ok(slop) if slop <= MAX_PHRASE_SLOP => Ok(Some(slop)),
            _ => Err(bad(self)),
        }
    }

    /// What follows `field:` — the rest of the word, or a phrase or group right after the colon.
    fn field_value(
        &mut self,
        field: Scope,
        rest: &str,
        start: usize,
        prefix_chars: usize,
    ) -> Result<Node, QueryError> {
        if !rest.is_empty() {
            return word_leaf(field, rest, start + prefix_chars);
        }
        match self.peek() {
            Some(next) if next == '(' || is_quote(next) => self.atom(field),
            _ => Err(self.error_at(
                start,
                format!(
                    "{} needs a word, a \"phrase\" or a (group) right after the colon",
                    self.characters[start..start + prefix_chars]
                        .iter()
                        .collect::<String>()
                ),
            )),
        }
    }
}

/// A bare word: a prefix when it ends with `*`, typo tolerant when it ends with `~`, `~1`
/// or `~2`.
fn word_leaf(scope: Scope, word: &str, column: usize) -> Result<Node, QueryError> {
    if let Some((stem, distance)) = word.rsplit_once('~') {
        if scope != Scope::Date && stem.chars().any(char::is_alphanumeric) {
            let distance = match distance {
                "" => None,
                "0" | "1" | "2" => distance.parse().ok(),
                _ if !distance.chars().all(|c| c.is_ascii_digit()) => {
                    return word_or_prefix(scope, word, column)
                }
                _ => {
                    return Err(QueryError {
                        column: column + stem.chars().count() + 1,
                        message: format!(
                            "{word}: ~ allows 0, 1 or 2 typos (word~1, word~2), or as many as the word's length allows (word~)"
                        ),
                    })
                }
            };
            let kind = match distance {
                Some(0) => TextKind::Word,
                _ => TextKind::Typo(distance),
            };
            return leaf(scope, kind, stem, column);
        }
    }
    word_or_prefix(scope, word, column)
}

/// A bare word without `~`: a prefix when it ends with `*`.
fn word_or_prefix(scope: Scope, word: &str, column: usize) -> Result<Node, QueryError> {
    match word.strip_suffix('*') {
        Some(stem) if scope != Scope::Date && stem.chars().any(char::is_alphanumeric) => {
            let stem = stem.trim_end_matches('*');
            if stem.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                return Err(QueryError {
                    column: column + 1,
                    message: format!("{word}: a prefix needs at least 2 letters before the *"),
                });
            }
            leaf(scope, TextKind::Prefix, stem, column)
        }
        _ => leaf(scope, TextKind::Word, word, column),
    }
}

fn leaf(scope: Scope, kind: TextKind, text: &str, column: usize) -> Result<Node, QueryError> {
    if scope == Scope::Date {
        return date_range(text, column);
    }
    Ok(Node::Leaf {
        scope,
        kind,
        text: text.to_string(),
    })
}

/// `2024`, `2024-10`, `2024-10-01`, `FROM..TO`, `FROM..` or `..TO` as inclusive day bounds.
fn date_range(text: &str, column: usize) -> Result<Node, QueryError> {
    let message = match DayRange::parse(text) {
        Ok(range) => return Ok(Node::DateRange(range)),
        Err(DateRangeError::NotADate(date)) => format!(
            "date:{text}: {date:?} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM..TO"
        ),
        Err(DateRangeError::Reversed) => format!("date:{text}: the range ends before it starts"),
    };
    Err(QueryError {
        column: column + 1,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn word(scope: Scope, text: &str) -> Node {
        Node::Leaf {
            scope,
            kind: TextKind::Word,
            text: text.to_string(),
        }
    }

    fn phrase(scope: Scope, text: &str) -> Node {
        Node::Leaf {
            scope,
            kind: TextKind::Phrase,
            text: text.to_string(),
        }
    }

    fn error(text: &str) -> (usize, String) {
        let error = parse_query(text).unwrap_err();
        (error.column, error.message)
    }

    #[test]
    fn words_phrases_and_exclusions() {
        assert_eq!(
            parse_query(r#"Séoul "Corée du Nord" -Russie -"Corée du Sud" -l'Ukraine"#).unwrap(),
            [
                word(Scope::Text, "Séoul"),
                phrase(Scope::Text, "Corée du Nord"),
                Node::Not(Box::new(word(Scope::Text, "Russie"))),
                Node::Not(Box::new(phrase(Scope::Text, "Corée du Sud"))),
                Node::Not(Box::new(word(Scope::Text, "l'Ukraine"))),
            ]
        );
    }

    #[test]
    fn or_binds_tighter_than_spaces() {
        assert_eq!(
            parse_query("missiles Corée OR Japon").unwrap(),
            [
                word(Scope::Text, "missiles"),
                Node::Or(vec![word(Scope::Text, "Corée"), word(Scope::Text, "Japon")]),
            ]
        );
        assert_eq!(
            parse_query("(Macron retraites) OR \"Élisabeth Borne\"").unwrap(),
            [Node::Or(vec![
                Node::Group(vec![
                    word(Scope::Text, "Macron"),
                    word(Scope::Text, "retraites")
                ]),
                phrase(Scope::Text, "Élisabeth Borne"),
            ])]
        );
    }

    #[test]
    fn lower_case_or_is_a_word() {
        assert_eq!(
            parse_query("or noir").unwrap(),
            [word(Scope::Text, "or"), word(Scope::Text, "noir")]
        );
    }

    #[test]
    fn field_prefixes_scope_words_phrases_and_groups() {
        assert_eq!(
            parse_query(r#"title:"corée du nord" category:Économie author:(AFP OR Reuters)"#)
                .unwrap(),
            [
                phrase(Scope::Title, "corée du nord"),
                word(Scope::Category, "Économie"),
                Node::Group(vec![Node::Or(vec![
                    word(Scope::Author, "AFP"),
                    word(Scope::Author, "Reuters")
                ])]),
            ]
        );
        assert_eq!(
            parse_query("-body:Kremlin Macron:").unwrap(),
            [
                Node::Not(Box::new(word(Scope::Body, "Kremlin"))),
                word(Scope::Text, "Macron:"),
            ]
        );
    }

    #[test]
    fn prefixes() {
        assert_eq!(
            parse_query("gouvern* title:écono*").unwrap(),
            [
                Node::Leaf {
                    scope: Scope::Text,
                    kind: TextKind::Prefix,
                    text: "gouvern".to_string()
                },
                Node::Leaf {
                    scope: Scope::Title,
                    kind: TextKind::Prefix,
                    text: "écono".to_string()
                },
            ]
        );
        assert_eq!(
            error("a* b"),
            (
                1,
                "a*: a prefix needs at least 2 letters before the *".into()
            )
        );
    }

    #[test]
    fn dates_and_ranges() {
        assert_eq!(
            parse_query("date:2024-10 date:2024-10-01..2024-11-15 date:..2020").unwrap(),
            [
                Node::DateRange(DayRange {
                    from: Date::new(2024, 10, 1),
                    to: Date::new(2024, 10, 31),
                }),
                Node::DateRange(DayRange {
                    from: Date::new(2024, 10, 1),
                    to: Date::new(2024, 11, 15),
                }),
                Node::DateRange(DayRange {
                    from: None,
                    to: Date::new(2020, 12, 31),
                }),
            ]
        );
        assert_eq!(error("Macron date:2024-13").0, 13);
        assert!(error("date:2024-11..2024-10")
            .1
            .contains("ends before it starts"));
        assert_eq!(
            error("date:.."),
            (
                6,
                "date:..: \"..\" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM..TO"
                    .into()
            )
        );
    }

    #[test]
    fn errors_point_at_the_column() {
        assert_eq!(
            error("Corée (Nord OR Sud"),
            (7, "'(' is never closed".into())
        );
        assert_eq!(error("Corée) Nord"), (6, "')' has no matching '('".into()));
        assert_eq!(
            error("OR Corée"),
            (1, "OR needs a word, phrase or group on its left".into())
        );
        assert_eq!(
            error("Corée OR"),
            (7, "OR needs a word, phrase or group on its right".into())
        );
        assert_eq!(error("( )").1, "empty parentheses");
        assert_eq!(
            error("title: Macron"),
            (
                1,
                "title: needs a word, a \"phrase\" or a (group) right after the colon".into()
            )
        );
    }

    #[test]
    fn operators_of_other_engines() {
        let not = |node: Node| Node::Not(Box::new(node));
        assert_eq!(
            parse_query("Trump AND Poutine NOT Corée +Séoul").unwrap(),
            [
                Node::Group(vec![
                    word(Scope::Text, "Trump"),
                    word(Scope::Text, "Poutine")
                ]),
                not(word(Scope::Text, "Corée")),
                Node::Group(vec![word(Scope::Text, "Séoul")]),
            ]
        );
        // AND binds looser than OR, and chains.
        assert_eq!(
            parse_query("a AND b OR c AND NOT d").unwrap(),
            [Node::Group(vec![
                word(Scope::Text, "a"),
                Node::Or(vec![word(Scope::Text, "b"), word(Scope::Text, "c")]),
                not(word(Scope::Text, "d")),
            ])]
        );
        assert_eq!(
            parse_query(r#""Trump Poutine"~5 title:Pyongyagn~ Trump~1 Kiev~0"#).unwrap(),
            [
                Node::Leaf {
                    scope: Scope::Text,
                    kind: TextKind::Near(5),
                    text: "Trump Poutine".into()
                },
                Node::Leaf {
                    scope: Scope::Title,
                    kind: TextKind::Typo(None),
                    text: "Pyongyagn".into()
                },
                Node::Leaf {
                    scope: Scope::Text,
                    kind: TextKind::Typo(Some(1)),
                    text: "Trump".into()
                },
                word(Scope::Text, "Kiev"),
            ]
        );
        // Lower case, they are words; a tilde inside a word is punctuation.
        assert_eq!(
            parse_query("and not a~b").unwrap(),
            [
                word(Scope::Text, "and"),
                word(Scope::Text, "not"),
                word(Scope::Text, "a~b")
            ]
        );
    }

    #[test]
    fn operators_without_their_operands_are_refused() {
        assert_eq!(
            error("AND Corée"),
            (1, "AND needs a word, phrase or group on its left".into())
        );
        assert_eq!(
            error("Corée AND"),
            (7, "AND needs a word, phrase or group on its right".into())
        );
        assert_eq!(
            error("Corée AND OR Japon").1,
            "AND needs a word, phrase or group on its right"
        );
        assert_eq!(
            error("Corée NOT"),
            (7, "NOT needs a word, phrase or group after it".into())
        );
        assert_eq!(error("NOT NOT Corée").0, 5);
        assert_eq!(error(r#""Trump Poutine"~51"#).0, 16);
        assert_eq!(error(r#""Trump Poutine"~x"#).0, 16);
        assert_eq!(error("Trump~5").0, 6);
    }

    #[test]
    fn nesting_is_bounded() {
        let nested = |depth: usize| format!("{}Corée{}", "(".repeat(depth), ")".repeat(depth));
        assert!(parse_query(&nested(MAX_NESTING)).is_ok());
        assert_eq!(
            error(&nested(MAX_NESTING + 1)),
            (
                MAX_NESTING + 1,
                format!("parentheses nest more than {MAX_NESTING} deep")
            )
        );
        // Deep enough to overflow a recursive parser's stack: refused at the same column.
        assert_eq!(error(&nested(100_000)).0, MAX_NESTING + 1);
        assert_eq!(error(&"-(".repeat(1000)).0, 2 * MAX_NESTING + 2);
    }

    #[test]
    fn plain_text_never_fails() {
        for text in [
            "Macron: réforme",
            "C++ ?",
            "- -- \"\"",
            "\"Corée du",
            "http://exemple.fr/page",
            "   ",
            "« Kim Jong-un »",
            "l’économie",
            "100 % *",
        ] {
            assert!(parse_query(text).is_ok(), "{text}");
        }
        assert_eq!(
            parse_query("\"Corée du").unwrap(),
            [phrase(Scope::Text, "Corée du")]
        );
    }
}
