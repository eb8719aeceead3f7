//! Phrase pass: short text blocks judged by the phrase rules.
//!
//! Each block is judged on its whole text, so "Share this article" goes while
//! "The council will share its findings" stays. Only rules that may fire
//! anywhere run here; head and tail rules need the article's extent and run
//! in [`refine`](super::refine).

use super::Pruned;
use crate::blocks::{segment, TextBlock};
use crate::document::Kind;
use crate::parse::Dom;
use crate::rules::compiled::{CompiledRules, Place};
use crate::rules::thresholds::LINK_DENSE;

/// How many following link-dense blocks a "Related" heading takes with it.
const RELATED_LIST_MAX_BLOCKS: usize = 12;

pub(super) fn prune(dom: &Dom, rules: &CompiledRules, pruned: &mut Pruned) {
    let blocks = segment(dom, &pruned.removed, 0);
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        i += 1;
        if block.chars > rules.max_phrase_chars() {
            continue;
        }
        let Some(hit) = rules.classify_text(&block.text, Place::NOWHERE) else {
            continue;
        };
        remove_block(dom, pruned, block);
        let node = block.start;
        pruned.log.push((node, super::removal(hit.kind, hit.id, &block.text)));
        // A "Related" or "Read more" heading heads a list of links: take it along.
        if matches!(hit.kind, Kind::Related | Kind::SeeAlso) {
            let mut taken = 0;
            while i < blocks.len()
                && taken < RELATED_LIST_MAX_BLOCKS
                && blocks[i].link_density() >= LINK_DENSE
                && blocks[i].chars <= rules.max_phrase_chars()
            {
                remove_block(dom, pruned, &blocks[i]);
                pruned.log.push((blocks[i].start, super::removal(hit.kind, hit.id, &blocks[i].text)));
                i += 1;
                taken += 1;
            }
        }
    }
}

/// Marks the nodes of one block removed: its owner when the block is all the
/// owner holds, else the maximal subtrees inside the block's node range.
pub(crate) fn remove_block(dom: &Dom, pruned: &mut Pruned, block: &TextBlock) {
    let owner_only = block.start > block.owner
        && !(block.owner + 1..block.start).any(|j| dom.text(j).is_some_and(|t| !t.trim().is_empty()))
        && !(block.stop..dom.end(block.owner)).any(|j| dom.text(j).is_some_and(|t| !t.trim().is_empty()));
    if owner_only && block.owner != 0 && dom.tag(block.owner).is_some_and(|t| !matches!(t, crate::parse::Tag::Body | crate::parse::Tag::Html)) {
        pruned.removed[block.owner] = true;
        return;
    }
    let mut j = block.start;
    while j < block.stop {
        if dom.end(j) <= block.stop {
            pruned.removed[j] = true;
            j = dom.end(j);
        } else {
            j += 1;
        }
    }
}
