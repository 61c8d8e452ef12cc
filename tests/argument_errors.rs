//! Errors in the command line echo what was typed with its control characters escaped, as every other message does: an argument can neither retitle nor garble the terminal.

use std::process::Command;

use assert_cmd::cargo::cargo_bin;

fn assert_escaped(errors: &[u8], shown: &str) {
    let text = String::from_utf8_lossy(errors);
    assert!(
        !errors.iter().any(|&byte| byte == 0x1b || byte == 0x07),
        "raw control characters reached the terminal: {text:?}"
    );
    assert!(text.contains(shown), "{shown:?} not in {text}");
}

#[test]
fn bad_values_and_unknown_flags_are_echoed_escaped() {
    let cases = [
        (
            vec!["query", "Corée", "--sort", "a\u{1b}]0;PWNED\u{7}b"],
            r"invalid value 'a\u{1b}]0;PWNED\u{7}b' for '--sort <ORDER>'",
        ),
        (
            vec!["query", "Corée", "-n", "1\u{1b}[2J"],
            r"invalid value '1\u{1b}[2J' for '--limit <N>'",
        ),
        (
            vec!["query", "Corée", "--fo\u{1b}[31mo"],
            r"unexpected argument '--fo\u{1b}[31mo' found",
        ),
    ];
    for (arguments, shown) in cases {
        let output = Command::new(cargo_bin!("newsearch"))
            .args(&arguments)
            .env_remove("NEWSEARCH_INDEX")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{arguments:?}");
        assert_escaped(&output.stderr, shown);
    }
}

#[test]
fn on_a_terminal_too() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("SKIPPED: no `script` command to give newsearch a terminal");
        return;
    }
    let command = format!(
        "'{}' query Corée --sort \"$(printf 'a\\033]0;PWNED\\007b')\"",
        cargo_bin!("newsearch").display()
    );
    let output = Command::new("script")
        .args(["-qfec", &command, "/dev/null"])
        .env_remove("NEWSEARCH_INDEX")
        .env("TERM", "xterm")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_escaped(&output.stdout, r"invalid value 'a\u{1b}]0;PWNED\u{7}b'");
}
