//! gazette: a terminal corpus browser for Chinese local-government news.
//!
//! The flow: [`corpus`] decodes files into documents, [`extract`] finds mentions, [`index`]
//! groups them into entities, and [`tui`] shows them; [`cli`] holds the headless commands.

pub mod cache;
pub mod cli;
pub mod corpus;
pub mod debug_log;
pub mod eval;
pub mod extract;
pub mod formats;
pub mod index;
pub mod model;
pub mod review;
pub mod text;
pub mod tui;
