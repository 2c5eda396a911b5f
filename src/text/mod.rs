//! Text as the terminal shows it: control characters escaped, lines wrapped to a width.

pub mod sanitize;
pub mod terminal_out;
pub mod wrap;

pub use sanitize::{display_width, escape};
pub use wrap::{wrap, Wrapped};
