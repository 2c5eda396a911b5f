//! The config file: key bindings and the labels' colours, in TOML
//! (`$XDG_CONFIG_HOME/gazette/config.toml`, or `--config FILE`). `gazette --print-config`
//! writes the defaults. Every problem is reported with the file and line and the rest of the
//! file still applies: one mistyped key never costs the others.

use super::keymap::{Key, Keymap, CONTEXTS};
use crate::corpus::LoadWarning;
use crate::model::Label;
use ratatui::style::{Color, Modifier};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The labels' colours (each keeps its text attribute, so labels stay apart without colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    pub person: Color,
    pub region: Color,
    pub org: Color,
}

impl Default for Colors {
    fn default() -> Self {
        Colors {
            person: Color::LightCyan,
            region: Color::LightGreen,
            org: Color::LightMagenta,
        }
    }
}

/// A label the config file adds to the schema (`[labels.NORP]`): the key that chooses it when
/// relabelling or saving a new mention, its colour, and the text attribute that tells it apart
/// without colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelSpec {
    pub label: Label,
    pub key: Option<Key>,
    pub color: Option<Color>,
    pub attribute: Modifier,
}

/// What the config file sets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub keymap: Keymap,
    pub colors: Colors,
    /// Labels beyond PERSON, REGION and ORG, in the file's order.
    pub labels: Vec<LabelSpec>,
    /// Filter sets saved by name (`[filters.NAME] clauses = ["…", …]`, each as typed in the
    /// filter prompt), in the file's order.
    pub filters: Vec<(String, Vec<String>)>,
}

/// Where the config file is looked for when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("gazette").join("config.toml"))
}

/// Reads the config file at `path`. A missing file is the defaults, silently unless the user
/// named it (`named`); anything else wrong is a warning naming the file and line.
pub fn load(path: &Path, named: bool) -> (Config, Vec<LoadWarning>) {
    let shown = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse(&text, &shown),
            Err(_) => (
                Config::default(),
                vec![warning(
                    &shown,
                    None,
                    "not UTF-8 text; the defaults are used",
                )],
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => (Config::default(), vec![]),
        Err(e) => (
            Config::default(),
            vec![warning(
                &shown,
                None,
                &format!("cannot be read ({e}); the defaults are used"),
            )],
        ),
    }
}

fn warning(path: &str, line: Option<usize>, message: &str) -> LoadWarning {
    LoadWarning {
        path: match line {
            Some(line) => format!("{path}:{line}"),
            None => path.to_string(),
        },
        message: message.to_string(),
    }
}

/// The configuration `text` sets (of the file shown as `path`), and its problems.
pub fn parse(text: &str, path: &str) -> (Config, Vec<LoadWarning>) {
    let line_of = |span: std::ops::Range<usize>| {
        text.get(..span.start)
            .map_or(1, |before| before.matches('\n').count() + 1)
    };
    let mut problems = Vec::new();
    let mut config = Config::default();
    let table = match DeTable::parse(text) {
        Ok(t) => t.into_inner(),
        Err(e) => {
            let line = e.span().map(line_of);
            let message = format!("{}; the defaults are used", e.message().trim_end());
            return (config, vec![warning(path, line, &message)]);
        }
    };
    let mut problem = |span: std::ops::Range<usize>, message: String| {
        let line = line_of(span);
        problems.push((line, warning(path, Some(line), &message)));
    };
    for (section, value) in &table {
        match (section.get_ref().as_ref(), value.get_ref()) {
            ("keys", DeValue::Table(contexts)) => {
                read_keys(contexts, &mut config.keymap, &mut problem)
            }
            ("colors", DeValue::Table(colors)) => {
                read_colors(colors, &mut config.colors, &mut problem)
            }
            ("labels", DeValue::Table(labels)) => {
                read_labels(labels, &mut config.labels, &mut problem)
            }
            ("filters", DeValue::Table(sets)) => {
                read_filters(sets, &mut config.filters, &mut problem)
            }
            ("keys" | "colors" | "labels" | "filters", _) => problem(
                value.span(),
                format!("[{}] must be a table", section.get_ref()),
            ),
            (other, _) => problem(
                section.span(),
                format!("unknown section {other:?} (known: keys, colors, labels, filters)"),
            ),
        }
    }
    // Tables are read in key order: the problems are told in the file's.
    problems.sort_by_key(|(line, _)| *line);
    (config, problems.into_iter().map(|(_, w)| w).collect())
}

fn read_keys(
    contexts: &DeTable,
    keymap: &mut Keymap,
    problem: &mut impl FnMut(std::ops::Range<usize>, String),
) {
    for (name, actions) in contexts {
        let Some(context) = CONTEXTS
            .into_iter()
            .find(|c| c.name() == name.get_ref().as_ref())
        else {
            let known: Vec<&str> = CONTEXTS.iter().map(|c| c.name()).collect();
            problem(
                name.span(),
                format!(
                    "unknown key context {:?} (known: {})",
                    name.get_ref(),
                    known.join(", ")
                ),
            );
            continue;
        };
        let DeValue::Table(actions) = actions.get_ref() else {
            problem(
                actions.span(),
                format!("[keys.{}] must be a table", context.name()),
            );
            continue;
        };
        for (action_name, keys) in actions {
            let Some(action) = keymap.action_named(context, action_name.get_ref()) else {
                problem(
                    action_name.span(),
                    format!(
                        "{:?} is not an action of [keys.{}] (gazette --print-config lists them)",
                        action_name.get_ref(),
                        context.name()
                    ),
                );
                continue;
            };
            let items: Vec<&Spanned<DeValue>> = match keys.get_ref() {
                DeValue::Array(items) => items.iter().collect(),
                DeValue::String(_) => vec![keys],
                _ => {
                    problem(
                        keys.span(),
                        "keys must be a string or a list of strings".into(),
                    );
                    continue;
                }
            };
            let mut parsed = Vec::new();
            for item in items {
                match item.get_ref() {
                    DeValue::String(s) => match Key::parse(s) {
                        Ok(key) => parsed.push(key),
                        Err(e) => problem(item.span(), e),
                    },
                    _ => problem(item.span(), "a key must be a string".into()),
                }
            }
            keymap.rebind(context, action, parsed);
        }
    }
}

fn read_colors(
    colors: &DeTable,
    into: &mut Colors,
    problem: &mut impl FnMut(std::ops::Range<usize>, String),
) {
    for (name, value) in colors {
        let slot = match name.get_ref().as_ref() {
            "person" => &mut into.person,
            "region" => &mut into.region,
            "org" => &mut into.org,
            other => {
                problem(
                    name.span(),
                    format!("unknown colour {other:?} (known: person, region, org)"),
                );
                continue;
            }
        };
        let parsed = match value.get_ref() {
            DeValue::String(s) => Color::from_str(s).ok(),
            _ => None,
        };
        match parsed {
            Some(c) => *slot = c,
            None => problem(
                value.span(),
                "not a colour: a name (\"lightcyan\", \"yellow\"), \"#rrggbb\" or a number 0–255 in quotes".into(),
            ),
        }
    }
}

/// `[filters.NAME] clauses = ["lian maojun | yang maorong", "date:2020..2022"]`.
fn read_filters(
    sets: &DeTable,
    into: &mut Vec<(String, Vec<String>)>,
    problem: &mut impl FnMut(std::ops::Range<usize>, String),
) {
    for (name, set) in sets {
        let clauses = match set.get_ref() {
            DeValue::Table(t) => t.get("clauses").map(|c| (c.get_ref(), c.span())),
            _ => None,
        };
        let Some((DeValue::Array(items), _)) = clauses else {
            problem(
                set.span(),
                format!("[filters.{}] needs clauses = [\"…\", …]", name.get_ref()),
            );
            continue;
        };
        let mut typed = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => typed.push(s.to_string()),
                _ => problem(item.span(), "a clause must be a string".into()),
            }
        }
        into.push((name.get_ref().to_string(), typed));
    }
}

/// The text that saves filter set `name` with `clauses` (appended to the config file).
pub fn filters_section(name: &str, clauses: &[String]) -> String {
    let quoted: Vec<String> = (clauses.iter())
        .map(|c| toml::Value::String(c.clone()).to_string())
        .collect();
    let key = toml::Value::String(name.to_string()).to_string();
    format!("\n[filters.{key}]\nclauses = [{}]\n", quoted.join(", "))
}

fn read_labels(
    labels: &DeTable,
    into: &mut Vec<LabelSpec>,
    problem: &mut impl FnMut(std::ops::Range<usize>, String),
) {
    for (name, fields) in labels {
        let label = Label::from_name(name.get_ref());
        if !matches!(label, Label::Other(_)) {
            problem(
                name.span(),
                format!(
                    "{:?} is built in: its colour is set in [colors], its key in [keys.relabel]",
                    name.get_ref()
                ),
            );
            continue;
        }
        let DeValue::Table(fields) = fields.get_ref() else {
            problem(
                fields.span(),
                format!("[labels.{}] must be a table", name.get_ref()),
            );
            continue;
        };
        let mut spec = LabelSpec {
            label,
            key: None,
            color: None,
            attribute: Modifier::BOLD | Modifier::ITALIC,
        };
        for (field, value) in fields {
            let text = match value.get_ref() {
                DeValue::String(s) => s.as_ref(),
                _ => {
                    problem(value.span(), "must be a string".into());
                    continue;
                }
            };
            match field.get_ref().as_ref() {
                "key" => match Key::parse(text) {
                    Ok(key) => spec.key = Some(key),
                    Err(e) => problem(value.span(), e),
                },
                "color" => match Color::from_str(text) {
                    Ok(c) => spec.color = Some(c),
                    Err(_) => problem(value.span(), format!("{text:?} is not a colour")),
                },
                "attribute" => match attribute(text) {
                    Some(m) => spec.attribute = m,
                    None => problem(
                        value.span(),
                        format!("{text:?} is not an attribute (bold, italic, underlined, dim, reversed, crossed_out)"),
                    ),
                },
                other => problem(
                    field.span(),
                    format!("unknown field {other:?} (known: key, color, attribute)"),
                ),
            }
        }
        into.push(spec);
    }
}

/// A text attribute by name.
fn attribute(name: &str) -> Option<Modifier> {
    Some(match name.to_ascii_lowercase().as_str() {
        "bold" => Modifier::BOLD,
        "italic" => Modifier::ITALIC,
        "underlined" => Modifier::UNDERLINED,
        "dim" => Modifier::DIM,
        "reversed" => Modifier::REVERSED,
        "crossed_out" => Modifier::CROSSED_OUT,
        _ => return None,
    })
}

/// The defaults as a config file, every binding and colour written out.
pub fn default_text() -> String {
    let keymap = Keymap::default();
    let colors = Colors::default();
    let mut out = String::from(
        "# gazette configuration: copy to $XDG_CONFIG_HOME/gazette/config.toml (or pass --config FILE)\n\
         # and change what you like; what you leave out keeps its default.\n\
         # Keys: a character (\"j\", \"G\"), Ctrl-x, Alt-x, F1-F12, or Enter, Esc, Tab, Shift-Tab,\n\
         # Backspace, Delete, Insert, Down, Up, Left, Right, PgDn, PgUp, Home, End, Space.\n\
         # A key given to one action is taken from any other action of the same context; the\n\
         # focused pane's keys (list, reader, entities) are tried before [keys.global]'s.\n",
    );
    out.push_str("\n[colors]\n");
    for (name, color) in [
        ("person", colors.person),
        ("region", colors.region),
        ("org", colors.org),
    ] {
        out.push_str(&format!("{name} = \"{}\"\n", color_name(color)));
    }
    for context in CONTEXTS {
        out.push_str(&format!(
            "\n# {}\n[keys.{}]\n",
            context.title(),
            context.name()
        ));
        for b in keymap.bindings.iter().filter(|b| b.context == context) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("{:?}", k.label())).collect();
            out.push_str(&format!(
                "{} = [{}]  # {}\n",
                b.action.name(),
                keys.join(", "),
                b.help
            ));
        }
    }
    out
}

/// A colour as the config file writes it (what `Color::from_str` reads back).
fn color_name(color: Color) -> String {
    color.to_string().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Action, Context};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn the_printed_defaults_read_back_as_the_defaults() {
        let (config, problems) = parse(&default_text(), "defaults.toml");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config, Config::default());
    }

    #[test]
    fn each_problem_names_its_line_and_the_rest_applies() {
        let text = "[keys.global]\naccept = \"y\"\nfly = [\"f\"]\nreject = [\"Ctrl-\"]\n\n[keys.nowhere]\n\n[colors]\nperson = \"yellow\"\nregion = \"not-a-colour\"\n";
        let (config, problems) = parse(text, "c.toml");
        let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(said.len(), 4, "{said:?}");
        assert!(
            said[0].starts_with("c.toml:3: \"fly\" is not an action"),
            "{said:?}"
        );
        assert!(
            said[1].starts_with("c.toml:4: \"Ctrl-\" is not a key"),
            "{said:?}"
        );
        assert!(
            said[2].starts_with("c.toml:6: unknown key context \"nowhere\""),
            "{said:?}"
        );
        assert!(said[3].starts_with("c.toml:10: not a colour"), "{said:?}");
        let y = KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE);
        assert_eq!(
            config.keymap.lookup(Context::Global, y),
            Some(Action::Accept)
        );
        assert_eq!(config.colors.person, Color::Yellow);
        assert_eq!(config.colors.region, Colors::default().region);
    }

    #[test]
    fn a_file_that_is_not_toml_is_named_with_its_line_and_the_defaults_stand() {
        let (config, problems) = parse("[keys.global]\naccept = [\"y\"\n", "bad.toml");
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].path.starts_with("bad.toml:"),
            "{:?}",
            problems[0]
        );
        assert!(problems[0].message.ends_with("the defaults are used"));
    }

    #[test]
    fn a_missing_file_is_the_defaults_and_says_so_only_when_named() {
        let dir = tempfile::tempdir().unwrap();
        let absent = dir.path().join("config.toml");
        assert!(load(&absent, false).1.is_empty());
        let (_, problems) = load(&absent, true);
        assert!(problems[0]
            .to_string()
            .contains("config.toml: cannot be read"));
    }
}
