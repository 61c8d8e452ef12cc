//! An HTML page as a tree of elements and texts, built in time linear in the page's size, however deep or broken its markup.
//!
//! html5ever's tokenizer reads the markup (entities, attributes, raw text of scripts and
//! styles, comments); the tree is built here rather than by html5ever's tree builder,
//! whose scope checks scan the whole stack of open elements at every tag and so take
//! minutes on 100,000 nested or unclosed tags. The rules below are the parts of the HTML
//! standard's tree construction that decide where text goes for reading, each looking at
//! a bounded number of open elements:
//! - a block (`<p>`, `<div>`, `<h2>`…) closes an open `<p>` it would otherwise sit in;
//!   a `<li>` closes the previous `<li>`, a `<td>` the previous cell, and so on;
//! - an end tag closes the nearest open element of its name, with what is open inside it;
//!   an end tag of an inline element (`</b>`) never closes a block opened after it;
//! - void elements (`<br>`, `<img>`, `<meta>`) and self-closed tags (`<path/>`) hold nothing.
//!
//! Nodes are stored in document order, so a parent always comes before its children:
//! summing over the nodes backwards gives every element's totals in one pass.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{local_name, LocalName};

/// A node's place in [`Document::nodes`].
pub(crate) type NodeId = usize;

/// The page's root: the parent of everything, `<html>` or not.
pub(crate) const ROOT: NodeId = 0;

/// How many open elements the rules look through before giving up on a match.
const SCOPE_SCAN_LIMIT: usize = 48;

/// Elements beyond this many make the page too large to read (a memory bound: a 32 MiB
/// page of bare `<b>` tags would otherwise make ten million nodes).
pub(crate) const MAX_ELEMENTS: usize = 2_000_000;

/// Input is handed to the tokenizer in slices of this many bytes, so that the work
/// bound is checked while a page is read.
const FEED_BYTES: usize = 16 * 1024;

/// One element or text of the page.
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) parent: Option<NodeId>,
    pub(crate) first_child: Option<NodeId>,
    last_child: Option<NodeId>,
    pub(crate) next_sibling: Option<NodeId>,
    pub(crate) data: NodeData,
}

#[derive(Debug)]
pub(crate) enum NodeData {
    Root,
    Element(Element),
    /// Text as written (entities decoded, white space untouched).
    Text(String),
}

/// An element's name (lowercase) and attributes.
#[derive(Debug)]
pub(crate) struct Element {
    pub(crate) name: LocalName,
    attributes: Vec<(LocalName, String)>,
}

impl Element {
    /// The value of an attribute, if the element has it.
    pub(crate) fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| &**key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Whether a space-separated attribute (`rel`, `itemprop`) lists `token`, in any case.
    pub(crate) fn has_token(&self, attribute: &str, token: &str) -> bool {
        self.attribute(attribute).is_some_and(|tokens| {
            tokens
                .split_ascii_whitespace()
                .any(|listed| listed.eq_ignore_ascii_case(token))
        })
    }

    /// The words of its `class` and `id` attributes.
    pub(crate) fn class_and_id(&self) -> impl Iterator<Item = &str> {
        self.attribute("class")
            .into_iter()
            .chain(self.attribute("id"))
            .flat_map(str::split_ascii_whitespace)
    }
}

/// Why a page could not be read into a tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParseLimit {
    /// More than [`MAX_ELEMENTS`] elements.
    TooManyElements,
}

/// The parsed page.
#[derive(Debug)]
pub(crate) struct Document {
    pub(crate) nodes: Vec<Node>,
}

impl Document {
    /// Parses a page. Fails only when the page holds more than [`MAX_ELEMENTS`] elements.
    pub(crate) fn parse(html: &str) -> Result<Document, ParseLimit> {
        let builder = TreeBuilder::new();
        let tokenizer = Tokenizer::new(builder, TokenizerOpts::default());
        let input = BufferQueue::default();
        let mut start = 0;
        while start < html.len() {
            let mut end = (start + FEED_BYTES).min(html.len());
            while !html.is_char_boundary(end) {
                end += 1;
            }
            input.push_back(StrTendril::from_slice(&html[start..end]));
            let _ = tokenizer.feed(&input);
            if tokenizer.sink.over_limit.get() {
                return Err(ParseLimit::TooManyElements);
            }
            start = end;
        }
        tokenizer.end();
        if tokenizer.sink.over_limit.get() {
            return Err(ParseLimit::TooManyElements);
        }
        Ok(tokenizer.sink.finish())
    }

    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id].data {
            NodeData::Element(element) => Some(element),
            _ => None,
        }
    }

    /// Whether the element's microdata `itemprop` names `wanted` (`articleBody`,
    /// `datePublished`), in any case.
    pub(crate) fn has_itemprop(&self, id: NodeId, wanted: &str) -> bool {
        self.element(id)
            .and_then(|element| element.attribute("itemprop"))
            .is_some_and(|names| {
                names
                    .split_ascii_whitespace()
                    .any(|name| name.eq_ignore_ascii_case(wanted))
            })
    }

    /// The node and the elements holding it, nearest first.
    fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(Some(id), |&node| self.nodes[node].parent)
    }

    /// The nearest element named `name` holding the node (itself included).
    pub(crate) fn ancestor_named(&self, id: NodeId, name: &LocalName) -> Option<NodeId> {
        self.ancestors(id).find(|&node| {
            self.element(node)
                .is_some_and(|element| element.name == *name)
        })
    }

    /// Whether the node is inside an element of one of `names` (itself included): its
    /// ancestors are walked once, whatever the names.
    pub(crate) fn is_inside(&self, id: NodeId, names: &[LocalName]) -> bool {
        self.ancestors(id).any(|node| {
            self.element(node)
                .is_some_and(|element| names.contains(&element.name))
        })
    }

    /// The children of a node, in order.
    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            document: self,
            next: self.nodes[id].first_child,
        }
    }

    /// Every element with its id, in document order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = (NodeId, &Element)> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter_map(|(id, node)| match &node.data {
                NodeData::Element(element) => Some((id, element)),
                _ => None,
            })
    }

    /// The ids of the elements named `name`, in document order.
    pub(crate) fn elements_named<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = (NodeId, &'a Element)> + 'a {
        self.elements()
            .filter(move |(_, element)| &*element.name == name)
    }

    /// The text of a node and its descendants, each run of white space one space, trimmed.
    /// A line break or a block inside sets its words apart ("Bretagne<br>Saint-Brieuc").
    pub(crate) fn text(&self, id: NodeId) -> String {
        let mut text = String::new();
        self.walk(id, |node| {
            match &self.nodes[node].data {
                NodeData::Text(piece) => push_collapsed(&mut text, piece),
                NodeData::Element(element)
                    if node != id
                        && (element.name == local_name!("br") || !is_phrasing(&element.name)) =>
                {
                    push_collapsed(&mut text, " ");
                }
                _ => {}
            }
            true
        });
        text.truncate(text.trim_end().len());
        text
    }

    /// Visits `id` and its descendants in document order; `enter` returns whether to go
    /// into a node's children.
    pub(crate) fn walk(&self, id: NodeId, mut enter: impl FnMut(NodeId) -> bool) {
        if !enter(id) {
            return;
        }
        let mut next = self.nodes[id].first_child;
        while let Some(node) = next {
            let child = if enter(node) {
                self.nodes[node].first_child
            } else {
                None
            };
            next = child.or_else(|| self.next_after(node, id));
        }
    }

    /// The id that follows the subtree of `id` (the ids of a subtree are contiguous).
    pub(crate) fn subtree_end(&self, id: NodeId) -> NodeId {
        self.next_after(id, ROOT).unwrap_or(self.nodes.len())
    }

    /// The node after `node`'s subtree within `root`'s, in document order.
    fn next_after(&self, mut node: NodeId, root: NodeId) -> Option<NodeId> {
        loop {
            if node == root {
                return None;
            }
            if let Some(sibling) = self.nodes[node].next_sibling {
                return Some(sibling);
            }
            node = self.nodes[node].parent?;
        }
    }
}

/// Appends `piece` to `text`, each run of white space becoming one space and no space at
/// the start. No-break spaces are kept as written.
pub(crate) fn push_collapsed(text: &mut String, piece: &str) {
    let mut pending_space = text.ends_with(' ');
    for character in piece.chars() {
        if character.is_ascii_whitespace() {
            pending_space = true;
        } else {
            if pending_space && !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
            pending_space = false;
            text.push(character);
        }
    }
    if pending_space && !text.is_empty() && !text.ends_with(' ') {
        text.push(' ');
    }
}

pub(crate) struct Children<'a> {
    document: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let current = self.next?;
        self.next = self.document.nodes[current].next_sibling;
        Some(current)
    }
}

/// Elements that hold nothing.
fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("keygen")
    )
}

/// Elements that sit inside a line of text (they do not close an open `<p>`, and their end
/// tag does not close blocks).
pub(crate) fn is_phrasing(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("abbr")
            | local_name!("b")
            | local_name!("bdi")
            | local_name!("bdo")
            | local_name!("cite")
            | local_name!("code")
            | local_name!("data")
            | local_name!("dfn")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("kbd")
            | local_name!("label")
            | local_name!("mark")
            | local_name!("nobr")
            | local_name!("q")
            | local_name!("s")
            | local_name!("samp")
            | local_name!("small")
            | local_name!("span")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("sub")
            | local_name!("sup")
            | local_name!("time")
            | local_name!("tt")
            | local_name!("u")
            | local_name!("var")
    )
}

/// Start tags that close an open `<p>` (the HTML standard's list, less the rare ones).
fn closes_paragraph(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("center")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("form")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("hr")
            | local_name!("li")
            | local_name!("dd")
            | local_name!("dt")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("table")
            | local_name!("ul")
    )
}

/// `<h2>` to `<h6>`: a heading under the page's headline, which opens a section.
pub(crate) fn is_subheading(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
    )
}

fn is_heading(name: &LocalName) -> bool {
    *name == local_name!("h1") || is_subheading(name)
}

/// The elements a new one of this name closes when they are open above the nearest
/// element of `boundary` (`<li>` closes an `<li>` of the same list, not of an outer one).
fn closed_siblings(name: &LocalName) -> Option<(&'static [LocalName], &'static [LocalName])> {
    static LIST_ITEM: [LocalName; 1] = [local_name!("li")];
    static LIST: [LocalName; 2] = [local_name!("ul"), local_name!("ol")];
    static DEFINITION: [LocalName; 2] = [local_name!("dt"), local_name!("dd")];
    static DEFINITION_LIST: [LocalName; 1] = [local_name!("dl")];
    static CELL: [LocalName; 2] = [local_name!("td"), local_name!("th")];
    static ROW: [LocalName; 1] = [local_name!("tr")];
    static TABLE: [LocalName; 1] = [local_name!("table")];
    static OPTION: [LocalName; 1] = [local_name!("option")];
    static SELECT: [LocalName; 1] = [local_name!("select")];
    match *name {
        local_name!("li") => Some((&LIST_ITEM, &LIST)),
        local_name!("dt") | local_name!("dd") => Some((&DEFINITION, &DEFINITION_LIST)),
        local_name!("td") | local_name!("th") => Some((&CELL, &TABLE)),
        local_name!("tr") => Some((&ROW, &TABLE)),
        local_name!("option") => Some((&OPTION, &SELECT)),
        _ => None,
    }
}

/// Receives the tokens and builds the tree.
struct TreeBuilder {
    state: RefCell<BuildState>,
    over_limit: Cell<bool>,
}

#[derive(Default)]
struct BuildState {
    nodes: Vec<Node>,
    /// The open elements, outermost first (the root is not in it).
    open: Vec<NodeId>,
    /// How many elements of each name are open: an end tag whose element is not open is
    /// ignored without scanning the stack.
    open_by_name: HashMap<LocalName, usize>,
    elements: usize,
}

impl BuildState {
    fn current(&self) -> NodeId {
        self.open.last().copied().unwrap_or(ROOT)
    }

    fn name_of(&self, id: NodeId) -> &LocalName {
        match &self.nodes[id].data {
            NodeData::Element(element) => &element.name,
            _ => unreachable!("open nodes are elements"),
        }
    }

    fn append(&mut self, data: NodeData) -> NodeId {
        let parent = self.current();
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent: Some(parent),
            first_child: None,
            last_child: None,
            next_sibling: None,
            data,
        });
        match self.nodes[parent].last_child {
            Some(last) => self.nodes[last].next_sibling = Some(id),
            None => self.nodes[parent].first_child = Some(id),
        }
        self.nodes[parent].last_child = Some(id);
        id
    }

    fn append_text(&mut self, text: &str) {
        let parent = self.current();
        if let Some(last) = self.nodes[parent].last_child {
            if let NodeData::Text(existing) = &mut self.nodes[last].data {
                existing.push_str(text);
                return;
            }
        }
        self.append(NodeData::Text(text.to_string()));
    }

    fn pop(&mut self) {
        if let Some(id) = self.open.pop() {
            let name = self.name_of(id).clone();
            if let Some(count) = self.open_by_name.get_mut(&name) {
                *count = count.saturating_sub(1);
            }
        }
    }

    /// Pops open elements down to and including the one at `position` in `open`.
    fn pop_to(&mut self, position: usize) {
        while self.open.len() > position {
            self.pop();
        }
    }

    fn is_open(&self, name: &LocalName) -> bool {
        self.open_by_name.get(name).is_some_and(|count| *count > 0)
    }

    /// The position in `open` of the nearest open element that `matches`, looking
    /// through at most [`SCOPE_SCAN_LIMIT`] elements and stopping at one that `stops`.
    fn find_open(
        &self,
        matches: impl Fn(&LocalName) -> bool,
        stops: impl Fn(&LocalName) -> bool,
    ) -> Option<usize> {
        for (position, id) in self.open.iter().enumerate().rev().take(SCOPE_SCAN_LIMIT) {
            let name = self.name_of(*id);
            if matches(name) {
                return Some(position);
            }
            if stops(name) {
                return None;
            }
        }
        None
    }

    fn start_tag(&mut self, name: LocalName, attributes: Vec<(LocalName, String)>, empty: bool) {
        if matches!(
            name,
            local_name!("html") | local_name!("head") | local_name!("body")
        ) {
            // One tree for the whole page: these only wrap it.
            return;
        }
        if closes_paragraph(&name) && self.is_open(&local_name!("p")) {
            if let Some(position) =
                self.find_open(|open| *open == local_name!("p"), |open| !is_phrasing(open))
            {
                self.pop_to(position);
            }
        }
        if is_heading(&name)
            && self
                .open
                .last()
                .is_some_and(|id| is_heading(self.name_of(*id)))
        {
            self.pop();
        }
        if let Some((closed, boundary)) = closed_siblings(&name) {
            if closed.iter().any(|closed| self.is_open(closed)) {
                if let Some(position) =
                    self.find_open(|open| closed.contains(open), |open| boundary.contains(open))
                {
                    self.pop_to(position);
                }
            }
        }
        if name == local_name!("a") && self.is_open(&local_name!("a")) {
            if let Some(position) = self.find_open(|open| *open == local_name!("a"), |_| false) {
                self.pop_to(position);
            }
        }
        self.elements += 1;
        let holds_nothing = empty || is_void(&name);
        let id = self.append(NodeData::Element(Element {
            name: name.clone(),
            attributes,
        }));
        if !holds_nothing {
            self.open.push(id);
            *self.open_by_name.entry(name).or_insert(0) += 1;
        }
    }

    fn end_tag(&mut self, name: LocalName) {
        if name == local_name!("br") {
            self.start_tag(name, Vec::new(), true);
            return;
        }
        if !self.is_open(&name) {
            return;
        }
        let position = if is_phrasing(&name) {
            // `</b>` closes a `<b>` only when no block was opened inside it since.
            self.find_open(|open| *open == name, |open| !is_phrasing(open))
        } else {
            // Counted open, so it is there: a linear scan, paid for by the pops.
            self.open.iter().rposition(|id| *self.name_of(*id) == name)
        };
        if let Some(position) = position {
            self.pop_to(position);
        }
    }
}

impl TokenSink for TreeBuilder {
    type Handle = ();

    fn process_token(&self, token: Token, _line_number: u64) -> TokenSinkResult<()> {
        if self.over_limit.get() {
            return TokenSinkResult::Continue;
        }
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => {
                    let raw_kind = match tag.name {
                        local_name!("script") => Some(RawKind::ScriptData),
                        local_name!("style")
                        | local_name!("xmp")
                        | local_name!("iframe")
                        | local_name!("noembed")
                        | local_name!("noframes")
                        | local_name!("noscript") => Some(RawKind::Rawtext),
                        local_name!("title") | local_name!("textarea") => Some(RawKind::Rcdata),
                        _ => None,
                    };
                    let empty = tag.self_closing && raw_kind.is_none();
                    let attributes = tag
                        .attrs
                        .into_iter()
                        .map(|attribute| (attribute.name.local, attribute.value.to_string()))
                        .collect();
                    state.start_tag(tag.name, attributes, empty);
                    if state.elements > MAX_ELEMENTS {
                        self.over_limit.set(true);
                    }
                    if let Some(kind) = raw_kind.filter(|_| !tag.self_closing) {
                        return TokenSinkResult::RawData(kind);
                    }
                }
                TagKind::EndTag => state.end_tag(tag.name),
            },
            Token::CharacterTokens(text) => state.append_text(&text),
            Token::NullCharacterToken => state.append_text("\u{FFFD}"),
            Token::DoctypeToken(_)
            | Token::CommentToken(_)
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

impl TreeBuilder {
    fn new() -> TreeBuilder {
        let root = Node {
            parent: None,
            first_child: None,
            last_child: None,
            next_sibling: None,
            data: NodeData::Root,
        };
        TreeBuilder {
            state: RefCell::new(BuildState {
                nodes: vec![root],
                ..BuildState::default()
            }),
            over_limit: Cell::new(false),
        }
    }

    fn finish(&self) -> Document {
        let mut state = self.state.borrow_mut();
        Document {
            nodes: std::mem::take(&mut state.nodes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(html: &str) -> String {
        let document = Document::parse(html).unwrap();
        let mut out = String::new();
        outline_of(&document, ROOT, &mut out);
        out
    }

    fn outline_of(document: &Document, id: NodeId, out: &mut String) {
        for child in document.children(id) {
            match &document.nodes[child].data {
                NodeData::Element(element) => {
                    out.push_str(&format!("<{}>", element.name));
                    outline_of(document, child, out);
                    out.push_str(&format!("</{}>", element.name));
                }
                NodeData::Text(text) => out.push_str(text),
                NodeData::Root => {}
            }
        }
    }

    #[test]
    fn implied_end_tags() {
        assert_eq!(
            outline("<p>un<p>deux<div>trois</div>"),
            "<p>un</p><p>deux</p><div>trois</div>"
        );
        assert_eq!(
            outline("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>"),
            "<ul><li>a</li><li>b<ul><li>c</li></ul></li><li>d</li></ul>"
        );
        assert_eq!(
            outline("<table><tr><td>a<td>b<tr><td>c</table>x"),
            "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>x"
        );
        assert_eq!(
            outline("<p><b>gras <i>et</b> suite</p>"),
            "<p><b>gras <i>et</i></b> suite</p>"
        );
    }

    #[test]
    fn inline_end_tags_do_not_close_blocks() {
        assert_eq!(
            outline("<div><b><p>un</b>deux</p></div>"),
            "<div><b><p>undeux</p></b></div>"
        );
    }

    #[test]
    fn raw_text_voids_and_entities() {
        assert_eq!(
            outline("<script>if (a<b) x = '<p>'</script><br><img src=x>caf&eacute; &amp; th&#233;<svg><path/><path/></svg>fin"),
            "<script>if (a<b) x = '<p>'</script><br></br><img></img>café & thé<svg><path></path><path></path></svg>fin"
        );
        assert_eq!(outline("<title>A &amp; B</title>"), "<title>A & B</title>");
    }

    #[test]
    fn stray_end_tags_are_ignored() {
        assert_eq!(outline("</div></p>texte</span>"), "texte");
    }

    #[test]
    fn deep_nesting() {
        let depth = 100_000;
        let html = format!(
            "{}<p>au fond</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let document = Document::parse(&html).unwrap();
        assert_eq!(document.nodes.len(), depth + 3);
        assert_eq!(document.text(ROOT), "au fond");
    }
}
