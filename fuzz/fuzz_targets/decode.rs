//! Any bytes: decoded to text or refused with a reason, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = gazette::corpus::decode::decode(bytes);
});
