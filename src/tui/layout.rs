//! Where each pane goes, as a pure function of the terminal size and the focused pane. Used by
//! drawing and by update (wrap width, page size, mouse hit-testing) alike.

use ratatui::layout::{Constraint, Direction, Layout as Split, Rect};

/// The three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
    Entities,
}

impl Pane {
    /// Focus order for Tab.
    pub const ORDER: [Pane; 3] = [Pane::List, Pane::Reader, Pane::Entities];

    /// Its name, as the review database keeps the focused pane.
    pub fn name(self) -> &'static str {
        match self {
            Pane::List => "list",
            Pane::Reader => "reader",
            Pane::Entities => "entities",
        }
    }

    /// The pane called `name`.
    pub fn named(name: &str) -> Option<Pane> {
        Pane::ORDER.into_iter().find(|p| p.name() == name)
    }
}

/// Smallest terminal gazette draws its panes in.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// Below this width only the focused pane is shown.
const ONE_PANE_BELOW: u16 = 60;
/// From this width the entity pane gets a column of its own.
const THREE_COLUMNS_FROM: u16 = 110;

/// Pane rectangles (with borders); a pane not shown is None.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub entities: Option<Rect>,
    pub status: Rect,
    /// The terminal is smaller than the minimum: only a notice is drawn.
    pub too_small: bool,
}

impl Layout {
    /// The rectangle of a pane, if shown.
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Entities => self.entities,
        }
    }

    /// The pane under a screen position.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let hit = |r: Option<Rect>| {
            r.is_some_and(|r| r.contains(ratatui::layout::Position { x: column, y: row }))
        };
        Pane::ORDER.into_iter().find(|&p| hit(self.rect(p)))
    }
}

/// Computes the layout for a terminal `area` with `focus` as the focused pane and a status
/// area `status_rows` tall (a long message takes more than one).
pub fn layout(area: Rect, focus: Pane, status_rows: u16) -> Layout {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Layout {
            status: area,
            too_small: true,
            ..Layout::default()
        };
    }
    // The panes keep at least four rows.
    let status_rows = status_rows.clamp(1, area.height.saturating_sub(4).max(1));
    let [body, status] =
        Split::vertical([Constraint::Min(1), Constraint::Length(status_rows)]).areas(area);
    let mut out = Layout {
        status,
        ..Layout::default()
    };
    if area.width < ONE_PANE_BELOW {
        match focus {
            Pane::List => out.list = Some(body),
            Pane::Reader => out.reader = Some(body),
            Pane::Entities => out.entities = Some(body),
        }
        return out;
    }
    if area.width < THREE_COLUMNS_FROM {
        let [left, reader] =
            Split::horizontal([Constraint::Percentage(38), Constraint::Min(20)]).areas(body);
        let [list, entities] = Split::new(
            Direction::Vertical,
            [Constraint::Percentage(45), Constraint::Min(3)],
        )
        .areas(left);
        out.list = Some(list);
        out.entities = Some(entities);
        out.reader = Some(reader);
        return out;
    }
    let [list, reader, entities] = Split::horizontal([
        Constraint::Percentage(28),
        Constraint::Min(40),
        Constraint::Length(34),
    ])
    .areas(body);
    out.list = Some(list);
    out.reader = Some(reader);
    out.entities = Some(entities);
    out
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}
