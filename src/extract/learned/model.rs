//! A linear sequence model over hashed features: first-order Viterbi decoding, and the averaged
//! perceptron that trains it (Collins 2002). Weights are stored quantized to 16 bits.

use super::tags::{allowed, Tag, TAGS};

/// Bytes at the start of a weights file: the format and its version.
const MAGIC: &[u8; 8] = b"GZNER\x001\0";

/// A model's weights: `buckets` × `TAGS` feature weights and the tag transitions (the first row
/// is the start of a line), all in one integer scale.
pub struct Weights {
    buckets: usize,
    /// One row of sixteen-bit weights per bucket, padded to 8 so that a row is 16 aligned bytes
    /// (never split across cache lines) and its sum is one vector addition.
    rows: Vec<[i16; ROW]>,
    transitions: [[i32; TAGS]; TAGS + 1],
}

/// A score no path reaches: far below any sum of weights, and far from overflowing when added to
/// (Viterbi keeps its running scores near zero).
const UNREACHABLE: i32 = i32::MIN / 4;

/// Weights per feature row in memory: `TAGS` and padding.
const ROW: usize = 8;
const _: () = assert!(TAGS <= ROW);

/// Why a weights file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("not a gazette model file ({0})")]
pub struct BadWeights(&'static str);

impl Weights {
    /// Reads a weights file written by `Trainer::to_bytes`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Weights, BadWeights> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(BadWeights("header"))?;
        let word = |at: usize| -> Result<u32, BadWeights> {
            let b = rest.get(at..at + 4).ok_or(BadWeights("truncated"))?;
            Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let buckets = word(0)? as usize;
        if word(4)? as usize != TAGS || !buckets.is_power_of_two() {
            return Err(BadWeights("tag set or size"));
        }
        let n_trans = (TAGS + 1) * TAGS;
        let body = rest.get(8..).ok_or(BadWeights("truncated"))?;
        if body.len() != 2 * (n_trans + buckets * TAGS) {
            return Err(BadWeights("length"));
        }
        let values: Vec<i16> = body
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        let rows = values[n_trans..]
            .chunks_exact(TAGS)
            .map(|w| {
                let mut row = [0; ROW];
                row[..TAGS].copy_from_slice(w);
                row
            })
            .collect();
        Ok(Weights {
            buckets,
            transitions: masked(
                &values[..n_trans]
                    .iter()
                    .map(|&w| i32::from(w))
                    .collect::<Vec<_>>(),
                UNREACHABLE,
            ),
            rows,
        })
    }

    /// Feature buckets (a power of two): feature hashes are reduced to this range.
    pub fn buckets(&self) -> usize {
        self.buckets
    }

    /// The best tag sequence for positions whose features are the `width`-long chunks of
    /// `features`.
    pub fn decode(&self, features: &[u32], width: usize) -> Vec<Tag> {
        let scores: Vec<[i32; TAGS]> = features
            .chunks_exact(width)
            .map(|f| self.emissions(f))
            .collect();
        viterbi(&scores, &self.transitions)
    }

    /// One position's score for each tag: the sum of its features' weights (a few dozen 16-bit
    /// weights cannot overflow 32 bits).
    fn emissions(&self, features: &[u32]) -> [i32; TAGS] {
        let mut sum = [0i32; ROW];
        for &f in features {
            let row = &self.rows[f as usize & (self.buckets - 1)];
            for (s, w) in sum.iter_mut().zip(row) {
                *s += i32::from(*w);
            }
        }
        std::array::from_fn(|t| sum[t])
    }
}

/// Transition scores by row (`[0]`: from the start of the line, `[1 + t]`: from tag `t`), with
/// `unreachable` — a score far below any path's — where a tag may not follow: an inside tag
/// continues its own label only.
fn masked<S: Copy>(flat: &[S], unreachable: S) -> [[S; TAGS]; TAGS + 1] {
    std::array::from_fn(|row| {
        let from = row.checked_sub(1).map(Tag::from_index);
        std::array::from_fn(|to| {
            let to_tag = Tag::from_index(to);
            match flat.get(row * TAGS + to) {
                Some(&s) if allowed(from, to_tag) => s,
                _ => unreachable,
            }
        })
    })
}

/// Viterbi over per-position scores and `masked` transitions. Ties go to the lower tag. The
/// running scores are kept near zero (the best is subtracted from all at each position, which
/// changes no comparison), so that a line of any length cannot overflow them.
fn viterbi<S>(scores: &[[S; TAGS]], transitions: &[[S; TAGS]; TAGS + 1]) -> Vec<Tag>
where
    S: Copy + PartialOrd + std::ops::Add<Output = S> + std::ops::Sub<Output = S>,
{
    let Some(first) = scores.first() else {
        return Vec::new();
    };
    let mut best: [S; TAGS] = std::array::from_fn(|t| first[t] + transitions[0][t]);
    let mut back: Vec<[u8; TAGS]> = Vec::with_capacity(scores.len());
    for row in &scores[1..] {
        let mut next = best;
        let mut from = [0u8; TAGS];
        for to in 0..TAGS {
            let mut top = best[0] + transitions[1][to] + row[to];
            let mut arg = 0;
            for prev in 1..TAGS {
                let s = best[prev] + transitions[prev + 1][to] + row[to];
                if s > top {
                    top = s;
                    arg = prev;
                }
            }
            next[to] = top;
            from[to] = arg as u8;
        }
        back.push(from);
        let top = next
            .iter()
            .copied()
            .fold(next[0], |m, s| if s > m { s } else { m });
        best = next.map(|s| s - top);
    }
    let mut last = 0;
    for t in 1..TAGS {
        if best[t] > best[last] {
            last = t;
        }
    }
    let mut out = vec![Tag::from_index(last); scores.len()];
    for i in (0..back.len()).rev() {
        out[i] = Tag::from_index(back[i][out[i + 1] as usize] as usize);
    }
    out
}

/// The averaged structured perceptron: trains `Weights` from tagged lines.
pub struct Trainer {
    buckets: usize,
    weights: Vec<f32>,
    totals: Vec<f32>,
    step: f32,
}

impl Trainer {
    /// A model of `buckets` feature buckets (a power of two), all weights zero.
    pub fn new(buckets: usize) -> Trainer {
        let n = (TAGS + 1) * TAGS + buckets * TAGS;
        Trainer {
            buckets,
            weights: vec![0.0; n],
            totals: vec![0.0; n],
            step: 1.0,
        }
    }

    fn feature_at(&self, f: u32, t: Tag) -> usize {
        (TAGS + 1) * TAGS + (f as usize & (self.buckets - 1)) * TAGS + t as usize
    }

    fn transition_at(from: Option<Tag>, to: Tag) -> usize {
        from.map_or(0, |f| f as usize + 1) * TAGS + to as usize
    }

    fn add(&mut self, at: usize, by: f32) {
        self.weights[at] += by;
        self.totals[at] += self.step * by;
    }

    /// Learns from one line (features in `width`-long chunks, one per position): decodes it and,
    /// where the result differs from `gold`, moves the weights toward the gold tags. Returns
    /// whether the line was already right.
    pub fn learn(&mut self, features: &[u32], width: usize, gold: &[Tag]) -> bool {
        let scores: Vec<[f32; TAGS]> = features
            .chunks_exact(width)
            .map(|fs| {
                let mut s = [0f32; TAGS];
                for &f in fs {
                    for t in Tag::all() {
                        s[t as usize] += self.weights[self.feature_at(f, t)];
                    }
                }
                s
            })
            .collect();
        let transitions = masked(&self.weights[..(TAGS + 1) * TAGS], f32::NEG_INFINITY);
        let predicted = viterbi(&scores, &transitions);
        let right = predicted == gold;
        if !right {
            for (i, fs) in features.chunks_exact(width).enumerate() {
                let (g, p) = (gold[i], predicted[i]);
                let prev = |tags: &[Tag]| i.checked_sub(1).map(|j| tags[j]);
                let (gp, pp) = (prev(gold), prev(&predicted));
                if g != p {
                    for &f in fs {
                        self.add(self.feature_at(f, g), 1.0);
                        self.add(self.feature_at(f, p), -1.0);
                    }
                }
                if (gp, g) != (pp, p) {
                    self.add(Self::transition_at(gp, g), 1.0);
                    self.add(Self::transition_at(pp, p), -1.0);
                }
            }
        }
        self.step += 1.0;
        right
    }

    /// The averaged weights, quantized, in the file format `Weights::from_bytes` reads.
    pub fn to_bytes(&self) -> Vec<u8> {
        let averaged: Vec<f32> = self
            .weights
            .iter()
            .zip(&self.totals)
            .map(|(w, t)| w - t / self.step)
            .collect();
        let top = averaged.iter().fold(0f32, |m, w| m.max(w.abs()));
        // One scale for all: decoding only compares sums, so any common factor will do.
        let scale = if top > 0.0 { 32000.0 / top } else { 1.0 };
        let mut out = MAGIC.to_vec();
        out.extend((self.buckets as u32).to_le_bytes());
        out.extend((TAGS as u32).to_le_bytes());
        for w in averaged {
            out.extend(((w * scale).round() as i16).to_le_bytes());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy task: "x" starts a person, "y" continues it, anything else is outside.
    fn toy(line: &str) -> (Vec<u32>, Vec<Tag>) {
        let features = line.chars().flat_map(|c| [c as u32, 7]).collect();
        let gold = line
            .chars()
            .map(|c| match c {
                'x' => Tag::BPer,
                'y' => Tag::IPer,
                _ => Tag::O,
            })
            .collect();
        (features, gold)
    }

    #[test]
    fn the_perceptron_learns_a_toy_tagging_and_survives_the_file_format() {
        let lines = ["axyb", "xyyc", "abc", "cxyya"];
        let mut trainer = Trainer::new(64);
        for _ in 0..10 {
            for l in lines {
                let (f, g) = toy(l);
                trainer.learn(&f, 2, &g);
            }
        }
        let weights = Weights::from_bytes(&trainer.to_bytes()).expect("own format");
        let (f, g) = toy("bxyyyc");
        assert_eq!(weights.decode(&f, 2), g);
    }

    #[test]
    fn a_damaged_file_is_refused() {
        let bytes = Trainer::new(64).to_bytes();
        assert!(Weights::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Weights::from_bytes(b"nonsense").is_err());
    }

    #[test]
    fn a_line_of_any_length_decodes_without_overflow() {
        // Each position alone near the largest score a position can have: summed along the
        // line without renormalising, the scores would overflow 32 bits within a few thousand.
        let mut position = [0i32; TAGS];
        position[Tag::BPer as usize] = 1 << 20;
        let scores = vec![position; 100_000];
        let tags = viterbi(&scores, &masked(&[0; (TAGS + 1) * TAGS], UNREACHABLE));
        assert!(tags.iter().all(|&t| t == Tag::BPer));
    }

    #[test]
    fn an_inside_tag_never_follows_another_label() {
        // Scores that would prefer I-PER right after B-REG if nothing forbade it.
        let mut scores = [[0i32; TAGS]; 2];
        scores[0][Tag::BReg as usize] = 10;
        scores[1][Tag::IPer as usize] = 10;
        let tags = viterbi(&scores, &masked(&[0; (TAGS + 1) * TAGS], i32::MIN / 4));
        assert_ne!((tags[0], tags[1]), (Tag::BReg, Tag::IPer));
    }
}
