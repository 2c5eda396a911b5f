//! The order of the entity pane's lists, for a whole index at once.

use super::{Entity, EntityId};

/// The order of the entity pane's lists (label, then most mentioned, then name) with labels
/// and names ranked once: sorting each document's entities then compares numbers.
pub(super) struct EntityOrder {
    /// For each entity, the rank of the first entity of its label.
    label: Vec<u32>,
    /// For each entity, its rank by label and name.
    name: Vec<u32>,
}

impl EntityOrder {
    pub(super) fn of(entities: &[Entity]) -> EntityOrder {
        let mut by_name: Vec<u32> = (0..entities.len() as u32).collect();
        by_name.sort_by(|&a, &b| {
            let (ea, eb) = (&entities[a as usize], &entities[b as usize]);
            (&ea.label, &ea.name).cmp(&(&eb.label, &eb.name))
        });
        let mut order = EntityOrder {
            label: vec![0; entities.len()],
            name: vec![0; entities.len()],
        };
        let mut first_of_label = 0;
        for (rank, &e) in by_name.iter().enumerate() {
            let previous = rank.checked_sub(1).map(|r| by_name[r] as usize);
            if previous.is_some_and(|p| entities[p].label != entities[e as usize].label) {
                first_of_label = rank as u32;
            }
            order.label[e as usize] = first_of_label;
            order.name[e as usize] = rank as u32;
        }
        order
    }

    /// Each document's entities with their mention counts, in the pane's order (as
    /// [`super::Index::doc_entities`]), from the entity of each mention and each document's number of
    /// mentions.
    pub(super) fn doc_entities(
        &self,
        mention_entity: &[EntityId],
        doc_sizes: impl Iterator<Item = usize>,
    ) -> Vec<Vec<(EntityId, usize)>> {
        let mut next = mention_entity.iter();
        let mut ids: Vec<EntityId> = Vec::new();
        doc_sizes
            .map(|count| {
                ids.clear();
                ids.extend(next.by_ref().take(count));
                let mut counts = entity_counts(&mut ids);
                counts.sort_by_key(|&(e, n)| {
                    let e = e.index();
                    (self.label[e], std::cmp::Reverse(n), self.name[e])
                });
                counts
            })
            .collect()
    }
}

/// Each entity among `ids` (a document's mentions' entities) with how many times it occurs,
/// by entity id.
pub(super) fn entity_counts(ids: &mut [EntityId]) -> Vec<(EntityId, usize)> {
    ids.sort_unstable();
    let mut counts: Vec<(EntityId, usize)> = Vec::new();
    for &id in ids.iter() {
        match counts.last_mut() {
            Some((last, n)) if *last == id => *n += 1,
            _ => counts.push((id, 1)),
        }
    }
    counts
}
