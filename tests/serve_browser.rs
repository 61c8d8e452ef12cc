//! The web page in a real browser: headless Chromium, driven through chromedriver (WebDriver), types a query, checks the hits, clicks a facet, drags over the timeline, opens an article and checks that hostile markup stays text. A screenshot of each step is kept in `target/tmp/serve-browser/`.
//!
//! Needs `chromium` and `chromedriver` on PATH (Debian: `apt-get install chromium chromium-driver`,
//! which `.ci/run` does). Without them the test says so and passes, unless
//! `NEWSEARCH_BROWSER_TEST=required` (as in CI), where it fails.

mod common;
mod serve_support;

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{fixtures, index_into};
use serde_json::{json, Value};
use serve_support::{request, Server};
use tempfile::TempDir;

/// WebDriver's codes of the keys pressed.
const HOME: &str = "\u{E011}";
const RIGHT: &str = "\u{E014}";
const SHIFT: &str = "\u{E008}";
const ENTER: &str = "\u{E007}";

/// WebDriver's key for an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The first of `names` found on PATH.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|directory| names.iter().map(move |name| directory.join(name)))
        .find(|candidate| candidate.is_file())
}

/// A chromedriver process and one browser session in it, both ended when dropped.
struct Browser {
    driver: Child,
    addr: SocketAddr,
    session: String,
    screenshots: PathBuf,
    step: usize,
}

impl Browser {
    fn start(chromedriver: &Path, chromium: &Path) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let started = Instant::now();
        while std::net::TcpStream::connect(addr).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver does not listen"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let screenshots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-browser");
        // The pictures of an earlier run go: each run's are its own.
        let _ = std::fs::remove_dir_all(&screenshots);
        std::fs::create_dir_all(&screenshots).unwrap();
        let mut browser = Browser {
            driver,
            addr,
            session: String::new(),
            screenshots,
            step: 0,
        };
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fr-FR"],
            },
        }}});
        let created = browser.command("POST", "/session", &capabilities);
        browser.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {created}"))
            .to_string();
        browser
    }

    /// A WebDriver command; its `value`.
    fn command(&self, method: &str, path: &str, body: &Value) -> Value {
        let (status, value) = self.try_command(method, path, body);
        assert_eq!(status, 200, "{method} {path}: {value}");
        value["value"].clone()
    }

    /// A WebDriver command; its status and answer.
    fn try_command(&self, method: &str, path: &str, body: &Value) -> (u16, Value) {
        let path = if self.session.is_empty() {
            path.to_string()
        } else {
            format!("/session/{}{path}", self.session)
        };
        let body = body.to_string();
        let answer = request(self.addr, method, &path, Some(&body));
        (answer.status, serde_json::from_str(&answer.body).unwrap())
    }

    fn open(&self, url: &str) {
        self.command("POST", "/url", &json!({ "url": url }));
    }

    /// The value of a script run in the page (`return …`).
    fn script(&self, script: &str) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            &json!({"script": script, "args": []}),
        )
    }

    /// Waits until the expression is true in the page, failing with `what` after 10 s.
    fn wait_for(&self, expression: &str, what: &str) {
        let started = Instant::now();
        loop {
            if self.script(&format!("return Boolean({expression});")) == json!(true) {
                return;
            }
            if started.elapsed() > Duration::from_secs(10) {
                let status = self.script("return document.getElementById('status').textContent;");
                panic!("{what}: not true after 10 s: {expression} (status: {status})");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn element(&self, selector: &str) -> String {
        let found = self.command(
            "POST",
            "/element",
            &json!({"using": "css selector", "value": selector}),
        );
        found[ELEMENT].as_str().unwrap().to_string()
    }

    /// Clicks the element; when the page redraws it between finding and clicking (an answer
    /// arriving), finds it again, for up to 10 s.
    fn click(&self, selector: &str) {
        let started = Instant::now();
        loop {
            let (status, found) = self.try_command(
                "POST",
                "/element",
                &json!({"using": "css selector", "value": selector}),
            );
            if status == 200 {
                let element = found["value"][ELEMENT].as_str().unwrap();
                let (status, clicked) =
                    self.try_command("POST", &format!("/element/{element}/click"), &json!({}));
                if status == 200 {
                    return;
                }
                assert!(
                    clicked["value"]["error"] == "stale element reference",
                    "click on {selector}: {clicked}"
                );
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{selector}: no element to click after 10 s: {found}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn type_into(&self, selector: &str, text: &str) {
        let element = self.element(selector);
        self.command(
            "POST",
            &format!("/element/{element}/value"),
            &json!({ "text": text }),
        );
    }

    /// Presses the mouse at `from` and releases it at `to` (viewport coordinates), moving
    /// through the points between as a hand would.
    fn drag(&self, from: (f64, f64), to: (f64, f64)) {
        let mut moves = vec![
            json!({"type": "pointerMove", "duration": 0, "x": from.0 as i64, "y": from.1 as i64, "origin": "viewport"}),
            json!({"type": "pointerDown", "button": 0}),
        ];
        for step in 1..=5 {
            let x = from.0 + (to.0 - from.0) * step as f64 / 5.0;
            moves.push(json!({"type": "pointerMove", "duration": 30, "x": x as i64, "y": to.1 as i64, "origin": "viewport"}));
        }
        moves.push(json!({"type": "pointerUp", "button": 0}));
        self.command(
            "POST",
            "/actions",
            &json!({"actions": [{"type": "pointer", "id": "mouse",
                "parameters": {"pointerType": "mouse"}, "actions": moves}]}),
        );
    }

    /// Presses and releases these keys (WebDriver key codes) on the focused element.
    fn keys(&self, keys: &[&str]) {
        let actions: Vec<Value> = keys
            .iter()
            .flat_map(|key| {
                [
                    json!({"type": "keyDown", "value": key}),
                    json!({"type": "keyUp", "value": key}),
                ]
            })
            .collect();
        self.command(
            "POST",
            "/actions",
            &json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        );
    }

    /// The same with Shift held down.
    fn keys_with_shift(&self, keys: &[&str]) {
        let mut actions = vec![json!({"type": "keyDown", "value": SHIFT})];
        for key in keys {
            actions.push(json!({"type": "keyDown", "value": key}));
            actions.push(json!({"type": "keyUp", "value": key}));
        }
        actions.push(json!({"type": "keyUp", "value": SHIFT}));
        self.command(
            "POST",
            "/actions",
            &json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        );
    }

    /// Keeps a picture of the page as the test's output.
    fn screenshot(&mut self, name: &str) {
        let picture = self.command("GET", "/screenshot", &json!({}));
        self.step += 1;
        let file = self
            .screenshots
            .join(format!("{:02}-{name}.png", self.step));
        std::fs::write(&file, decode_base64(picture.as_str().unwrap())).unwrap();
        println!("screenshot: {}", file.display());
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = request(
                self.addr,
                "DELETE",
                &format!("/session/{}", self.session),
                None,
            );
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |byte: u8| match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {byte}"),
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|byte| !byte.is_ascii_whitespace() && *byte != b'=')
        .map(value)
        .collect();
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    for group in digits.chunks(4) {
        let bits = group
            .iter()
            .enumerate()
            .fold(0u32, |bits, (index, &digit)| {
                bits | (digit as u32) << (18 - 6 * index)
            });
        bytes.extend_from_slice(&bits.to_be_bytes()[1..group.len()]);
    }
    bytes
}

/// The titles of the hits on the page, in order.
const TITLES: &str =
    "return [...document.querySelectorAll('#results .hit h3')].map(h => h.textContent);";

#[test]
fn a_journalist_searches_filters_zooms_and_reads_in_a_real_browser() {
    let required = std::env::var("NEWSEARCH_BROWSER_TEST").as_deref() == Ok("required");
    let (Some(chromedriver), Some(chromium)) = (
        on_path(&["chromedriver"]),
        on_path(&["chromium", "chromium-browser", "google-chrome"]),
    ) else {
        assert!(
            !required,
            "NEWSEARCH_BROWSER_TEST=required but chromium or chromedriver is not on PATH"
        );
        eprintln!("SKIPPED the browser test: chromium and chromedriver are not on PATH (apt-get install chromium chromium-driver)");
        return;
    };

    let index = TempDir::new().unwrap();
    let output = index_into(index.path(), &[&fixtures().join("web")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let server = Server::start(index.path(), &[]);
    let home = format!("http://{}/", server.addr);
    let mut browser = Browser::start(&chromedriver, &chromium);

    // The home page: what the index holds, and its months.
    browser.open(&home);
    browser.wait_for(
        "document.getElementById('status').textContent.includes('11 articles')",
        "the index's size on the home page",
    );
    browser.wait_for(
        "document.querySelectorAll('svg.timeline rect.bar').length === 11",
        "the months of 2024 on the home timeline",
    );
    browser.screenshot("home");

    // With no text yet, dragging over June and July lists the articles of those months.
    let months = browser.script(
        "const box = p => { const r = document.querySelector(`svg.timeline rect.bar[data-period='${p}']`).getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height - 3]; };
         return [box('2024-06'), box('2024-07')];",
    );
    let at = |index: usize| {
        (
            months[index][0].as_f64().unwrap(),
            months[index][1].as_f64().unwrap(),
        )
    };
    browser.drag(at(0), at(1));
    browser.wait_for(
        "document.querySelectorAll('#results .hit').length === 3",
        "the three articles of June and July",
    );
    let dates = browser.script(
        "return [...document.querySelectorAll('#results .hit time')].map(t => t.getAttribute('datetime')).sort();",
    );
    assert_eq!(dates, json!(["2024-06-20", "2024-06-28", "2024-07-06"]));
    browser.click(".chip[data-facet=period]");
    browser.wait_for(
        "!location.search.includes('since') && document.querySelectorAll('#results .hit').length === 0",
        "the home page again",
    );

    // Typing a query: hits with their words marked, facets, and a timeline of the matches.
    browser.click("#q");
    browser.type_into("#q", "Corée du Nord");
    browser.wait_for(
        "document.querySelectorAll('#results .hit').length >= 5",
        "hits for the query typed",
    );
    browser.wait_for(
        "new URLSearchParams(location.search).get('q') === 'Corée du Nord'",
        "the query in the URL",
    );
    // The hits are the command line's, in its order.
    let expected: Value =
        serde_json::from_slice(&common::query(index.path(), &["Corée du Nord", "--json"]).stdout)
            .unwrap();
    let expected_titles: Vec<&Value> = expected["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| &hit["title"])
        .collect();
    assert_eq!(browser.script(TITLES), json!(expected_titles));
    let marked = browser.script(
        "return [...document.querySelectorAll('#results .hit')[0].querySelectorAll('.snippet mark')].map(m => m.textContent);",
    );
    assert!(
        marked
            .as_array()
            .unwrap()
            .iter()
            .any(|word| word.as_str().unwrap().starts_with("Corée")),
        "{marked}"
    );
    // The near-duplicate pair is one hit with its copy folded under it.
    let folded = browser.script(
        "return [...document.querySelectorAll('#results .hit .duplicates summary')].map(s => s.textContent);",
    );
    assert_eq!(folded, json!(["1 version proche repliée"]));
    let monde = browser.script(
        "return document.querySelector('button.facet[data-facet=category][data-value=Monde] .count').textContent;",
    );
    assert_eq!(monde, "6");
    browser.wait_for(
        "[...document.querySelectorAll('svg.timeline rect.bar')].filter(b => b.dataset.count > 0).length === 7",
        "seven months with matches on the timeline",
    );
    browser.screenshot("typed-query");

    // A facet filters; a second one combines with it; its chip removes it; back undoes it.
    browser.click("button.facet[data-facet=category][data-value='Économie']");
    browser.wait_for(
        "new URLSearchParams(location.search).get('category') === 'Économie'",
        "the category in the URL",
    );
    browser.wait_for(
        "[...document.querySelectorAll('#results .hit .category')].every(c => c.textContent === 'Économie') && document.querySelectorAll('#results .hit').length === 2",
        "only the articles of Économie",
    );
    browser.click("button.facet[data-facet=author][data-value='Marc Petit']");
    browser.wait_for(
        "document.querySelectorAll('#results .hit').length === 1 && document.querySelector('#results .hit .author').textContent === 'Marc Petit'",
        "Économie and Marc Petit combined",
    );
    browser.screenshot("facets");
    browser.click(".chip[data-facet=author]");
    browser.wait_for(
        "document.querySelectorAll('#results .hit').length === 2",
        "the author's filter removed",
    );
    browser.command("POST", "/back", &json!({}));
    browser.command("POST", "/back", &json!({}));
    browser.command("POST", "/back", &json!({}));
    browser.wait_for(
        "!location.search.includes('category') && document.querySelectorAll('#results .hit').length >= 5",
        "back to the unfiltered query",
    );

    // Dragging over the timeline from March to June filters to that period.
    let bars = browser.script(
        "const box = p => { const r = document.querySelector(`svg.timeline rect.bar[data-period='${p}']`).getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height - 3]; };
         return [box('2024-03'), box('2024-06')];",
    );
    let point = |at: usize| (bars[at][0].as_f64().unwrap(), bars[at][1].as_f64().unwrap());
    browser.drag(point(0), point(1));
    browser.wait_for(
        "new URLSearchParams(location.search).get('since') === '2024-03' && new URLSearchParams(location.search).get('until') === '2024-06'",
        "the period dragged in the URL",
    );
    browser.wait_for(
        "[...document.querySelectorAll('#results .hit time')].every(t => t.getAttribute('datetime') >= '2024-03' && t.getAttribute('datetime') <= '2024-06-30') && document.querySelectorAll('#results .hit').length === 3",
        "only the hits from March to June",
    );
    browser.wait_for(
        "document.querySelector('.chip[data-facet=period]') && document.querySelectorAll('svg.timeline rect.bar').length === 4",
        "the timeline zoomed on March to June",
    );
    browser.screenshot("timeline-dragged");

    // An article (the hit with a near-duplicate folded under it): its text with the query's
    // words marked, its metadata, similar articles.
    browser.script(
        "[...document.querySelectorAll('#results .hit')].find(hit => hit.querySelector('.duplicates')).querySelector('h3 a').click();",
    );
    browser.wait_for(
        "!document.getElementById('article').hidden && document.querySelector('#article h2')",
        "the article view",
    );
    let marks = browser.script(
        "return [...document.querySelectorAll('#article .body mark')].map(m => m.textContent.toLowerCase());",
    );
    assert!(
        marks.as_array().unwrap().iter().any(|word| word == "corée"),
        "{marks}"
    );
    browser.wait_for(
        "document.querySelectorAll('#article .similar li').length >= 1",
        "similar articles",
    );
    // Its near-duplicate, by its title.
    browser.wait_for(
        "[...document.querySelectorAll('#article .related:not(.similar) a')].map(a => a.textContent).join() .startsWith('La Corée du Nord multiplie')",
        "the near-duplicate's title",
    );
    browser.screenshot("article");
    browser.command("POST", "/back", &json!({}));
    browser.wait_for(
        "document.getElementById('article').hidden && document.querySelectorAll('#results .hit').length === 3",
        "back to the results",
    );

    // The keyboard: on the focused timeline, Home then the right arrow, Shift-extended, then
    // Enter picks April to May 2024 (zoomed per day).
    browser.command("POST", "/back", &json!({}));
    browser.wait_for(
        "!location.search.includes('since') && document.querySelectorAll('svg.timeline rect.bar').length === 11",
        "the whole timeline again",
    );
    browser.script("document.querySelector('svg.timeline').focus();");
    browser.keys(&[HOME, RIGHT, RIGHT, RIGHT]);
    browser.keys_with_shift(&[RIGHT]);
    browser.keys(&[ENTER]);
    browser.wait_for(
        "new URLSearchParams(location.search).get('since') === '2024-04' && new URLSearchParams(location.search).get('until') === '2024-05'",
        "the period chosen with the keyboard",
    );
    browser.wait_for(
        "document.getElementById('timeline-unit').textContent === '(par jour)'",
        "the timeline per day once zoomed to two months",
    );

    // A query that cannot be read says where, in the text typed (the filters sent before it
    // do not shift the column).
    browser.click(".chip[data-facet=period]");
    browser.wait_for(
        "document.querySelector(\"button.facet[data-facet=author][data-value='Claire Dubois']\")",
        "the facets of the query without a period",
    );
    browser.click("button.facet[data-facet=author][data-value='Claire Dubois']");
    browser.wait_for(
        "document.querySelectorAll('#results .hit').length === 3",
        "Claire Dubois's articles",
    );
    browser.type_into("#q", " (Séoul");
    browser.wait_for(
        "document.getElementById('status').classList.contains('error')",
        "the error shown",
    );
    let status = browser.script("return document.getElementById('status').textContent;");
    assert_eq!(
        status, "invalid query: '(' is never closed (colonne 15)",
        "the column in what was typed"
    );

    // On a phone-sized window nothing runs off the side.
    browser.command(
        "POST",
        "/window/rect",
        &json!({"width": 390, "height": 844}),
    );
    browser.open(&format!("{home}?q=Cor%C3%A9e"));
    browser.wait_for(
        "document.querySelectorAll('#results .hit').length >= 5",
        "hits on a phone",
    );
    let overflow = browser.script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
    );
    assert!(
        overflow.as_f64().unwrap() <= 0.0,
        "{overflow} pixels too wide"
    );
    browser.screenshot("phone");
    browser.command(
        "POST",
        "/window/rect",
        &json!({"width": 1280, "height": 1000}),
    );

    // Hostile markup in every field of an article is shown as text and runs nothing.
    browser.open(&format!("{home}?q=gras"));
    browser.wait_for(
        "document.querySelectorAll('#results .hit').length === 1",
        "the hostile article found",
    );
    browser.click("#results .hit h3 a");
    browser.wait_for(
        "!document.getElementById('article').hidden && document.querySelector('#article h2')",
        "the hostile article's view",
    );
    browser.screenshot("hostile-article");
    let page = browser.script(
        "return {
            injected: window.__injected === undefined ? null : window.__injected,
            title: document.querySelector('#article h2').textContent,
            body: document.querySelector('#article .body').textContent,
            elements: document.querySelectorAll('main script, main img, main iframe, #article svg, #results svg, #facets svg, main b, main i').length,
            links: [...document.querySelectorAll('#article a')].map(a => a.getAttribute('href')).filter(h => !h.startsWith('/')),
        };",
    );
    assert_eq!(page["injected"], Value::Null, "{page}");
    assert!(
        page["title"]
            .as_str()
            .unwrap()
            .starts_with("<script>window.__injected"),
        "{page}"
    );
    assert!(
        page["body"]
            .as_str()
            .unwrap()
            .contains("<img src=x onerror="),
        "{page}"
    );
    assert_eq!(page["elements"], 0, "{page}");
    assert_eq!(
        page["links"],
        json!([]),
        "a javascript: link is not a link: {page}"
    );
    browser.command("POST", "/back", &json!({}));
    browser.wait_for(
        "document.querySelectorAll('#results .hit').length === 1 && document.querySelector('button.facet[data-facet=author]')",
        "the hostile hit with its facets",
    );
    let listing = browser.script(
        "return { injected: window.__injected === undefined ? null : window.__injected,
                  elements: document.querySelectorAll('main script, main img, main iframe, #results svg, #facets svg, main b, main i').length,
                  author: document.querySelector('button.facet[data-facet=author] .value').textContent };",
    );
    assert_eq!(listing["injected"], Value::Null, "{listing}");
    assert_eq!(listing["elements"], 0, "{listing}");
    assert!(
        listing["author"].as_str().unwrap().starts_with("<img"),
        "{listing}"
    );
    browser.screenshot("hostile-results");

    // A misspelt word: the suggestion is a link to the search with the word the index holds.
    browser.open(&format!("{home}?q=misiles"));
    browser.wait_for(
        "document.querySelector('#results .suggestions a')?.textContent.startsWith('missile')",
        "a suggestion for the misspelt word",
    );
    browser.click("#results .suggestions a");
    browser.wait_for(
        "new URLSearchParams(location.search).get('q').startsWith('missile') && document.querySelectorAll('#results .hit').length >= 1",
        "the search with the suggested word",
    );
    // Articles with only some of the words are listed as partial, not as no match.
    browser.open(&format!("{home}?q=Cor%C3%A9e%20pingouin"));
    browser.wait_for(
        "document.querySelector('#status').textContent.startsWith('Aucun article n’a tous les mots')
         && document.querySelectorAll('#results .hit').length > 0
         && document.querySelectorAll('#results .hit.partial .missing').length === document.querySelectorAll('#results .hit').length",
        "partial matches marked as such",
    );
}
