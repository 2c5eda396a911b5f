//! Styles. Every entity type has a colour and a text attribute, so types stay distinct under
//! NO_COLOR (crossterm drops colours there but keeps attributes).

use crate::model::Label;
use ratatui::style::{Color, Modifier, Style};

/// The styles in use, with or without colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// The labels' colours (from the config file).
    pub colors: super::config::Colors,
    /// The labels the config file adds, with their keys, colours and attributes.
    pub labels: std::sync::Arc<Vec<super::config::LabelSpec>>,
}

impl Theme {
    /// The default colours, or none.
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            colors: Default::default(),
            labels: Default::default(),
        }
    }

    /// Colour unless the NO_COLOR convention (https://no-color.org) asks otherwise.
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// A mention of this type in the reader.
    pub fn label(&self, label: &Label) -> Style {
        match label {
            Label::Person => self.fg(self.colors.person).add_modifier(Modifier::BOLD),
            Label::Region => self
                .fg(self.colors.region)
                .add_modifier(Modifier::UNDERLINED),
            Label::Org => self.fg(self.colors.org).add_modifier(Modifier::ITALIC),
            Label::Other(name) => match self.labels.iter().find(|s| s.label == *label) {
                Some(spec) => (self.fg(spec.color.unwrap_or_else(|| other_colour(name))))
                    .add_modifier(spec.attribute),
                None => self
                    .fg(other_colour(name))
                    .add_modifier(Modifier::BOLD | Modifier::ITALIC),
            },
        }
    }

    /// The mention the reader is on: reversed, whatever its type.
    pub fn current_mention(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A mention's outcome against the gold in compare mode: each with an attribute of its own,
    /// so they are told apart without colour.
    pub fn outcome(&self, outcome: crate::eval::Outcome) -> Style {
        use crate::eval::Outcome::*;
        match outcome {
            Correct => self
                .fg(Color::LightGreen)
                .add_modifier(Modifier::UNDERLINED),
            WrongLabel => self
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::ITALIC),
            WrongBoundary | WrongBoth => self
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Spurious => self
                .fg(Color::LightMagenta)
                .add_modifier(Modifier::CROSSED_OUT),
            Missed => self.fg(Color::LightRed).add_modifier(Modifier::REVERSED),
        }
    }

    /// In compare mode, a rejected mention the gold does not have either: dim (crossed out is
    /// the mark of a spurious mention there).
    pub fn rightly_rejected(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// The reader's review marks.
    pub fn review_mark(&self) -> Style {
        self.fg(Color::LightGreen).add_modifier(Modifier::BOLD)
    }

    /// A rejected mention: crossed out and dim, whatever its type.
    pub fn rejected(&self) -> Style {
        Style::new().add_modifier(Modifier::CROSSED_OUT | Modifier::DIM)
    }

    /// Other mentions of the current entity.
    pub fn current_entity(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Indexed(237))
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// A place the text searched for occurs, in the reader (told apart without colour too).
    pub fn search_hit(&self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::ITALIC)
        }
    }

    /// Page chrome in the reader.
    pub fn chrome(&self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::DIM)
    }

    /// A selected row.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// The border of a pane.
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    /// A header naming columns.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::DIM)
    }

    /// Secondary text: dates, counts, hints.
    pub fn muted(&self) -> Style {
        self.fg(Color::Gray)
    }

    /// Matched characters in the filter's candidates.
    pub fn matched(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// Progress (the loading gauge).
    pub fn progress(&self) -> Style {
        self.fg(Color::Cyan)
    }

    /// Warnings in the status line.
    pub fn warning(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }
}

/// Colours for labels from other tools, none used by the three built-in types.
const OTHER_COLOURS: [Color; 6] = [
    Color::Yellow,
    Color::LightBlue,
    Color::LightRed,
    Color::Indexed(208),
    Color::Indexed(147),
    Color::Indexed(180),
];

/// The colour of a label from another tool: chosen by its name, so it is the same every run.
fn other_colour(name: &str) -> Color {
    let hash = name
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    OTHER_COLOURS[hash as usize % OTHER_COLOURS.len()]
}

/// A short marker for a label in lists, readable without colour.
pub fn label_tag(label: &Label) -> &str {
    label.tag()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_from_other_tools_get_stable_colours_of_their_own() {
        let t = Theme::new(true);
        let builtin: Vec<Style> = [Label::Person, Label::Region, Label::Org]
            .iter()
            .map(|l| t.label(l))
            .collect();
        let fac = t.label(&Label::Other("FACILITY".into()));
        assert!(!builtin.contains(&fac));
        assert_eq!(fac, t.label(&Label::Other("FACILITY".into())));
        assert_ne!(fac.fg, t.label(&Label::Other("EVENT".into())).fg);
        assert!(Theme::new(false)
            .label(&Label::Other("EVENT".into()))
            .add_modifier
            .contains(Modifier::ITALIC));
    }
}
