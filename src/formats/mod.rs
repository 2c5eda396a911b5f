//! Annotation formats at gazette's boundary. Internally offsets are bytes; outside, code points
//! (or UTF-16 units or bytes, as the user says).

pub mod brat;
pub mod doccano;
pub mod export;
pub mod import;
pub mod jsonl;
pub mod offsets;
pub mod spacy;

pub use import::InputError;
pub use offsets::Unit;
