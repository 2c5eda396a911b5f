//! Exploring a corpus beyond one entity's mentions: an entity's profile (names, dates, a
//! monthly timeline, who appears with it, a person's roles) and who appears with whom.
//! Computed from the index and, for sentences and roles, the documents' texts read without
//! being kept.

pub mod cooc;
pub mod export;
pub mod profile;
pub mod roles;

pub use cooc::{cooc, Pair, Together};
pub use profile::{profile, Profile, Role, With};
