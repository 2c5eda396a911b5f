//! Annotation formats at gazette's boundary. Internally offsets are bytes; outside, code points.

pub mod jsonl;
pub mod offsets;
