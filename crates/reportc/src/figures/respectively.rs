//! 分别 ("respectively"): "全社会固定资产投资和建安投资分别实现1000亿元和550亿元，同比增长
//! 5.6%和2.7%" pairs each figure with its own noun, in order: 固定资产投资 1000亿元 +5.6%,
//! 建安投资 550亿元 +2.7%.
//!
//! A group is: nouns joined by 和/、/及/与 before 分别, then as many figures joined the same way
//! in its clause. The next clause may carry one more figure for each ("同比增长5.6%和2.7%"):
//! the k-th qualifies the k-th figure of the group.

use super::extracted::Context;
use super::naming;
use super::roles::Role;
use super::token::Token;

/// One 分别 group, by figure index (into the sentence's figures).
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub members: Vec<usize>,
    pub nouns: Vec<String>,
    /// Figures of the next clause that qualify the members, one each (or none).
    pub follow: Vec<usize>,
}

/// Joiners between the nouns and between the figures.
fn is_joiner(s: &str) -> bool {
    matches!(s, "和" | "、" | "及" | "与" | "以及")
}

/// Figures `from..` that follow each other joined by 和/、 in one clause, as many as `n`.
fn run(chars: &[char], figs: &[&Token], from: usize, n: usize) -> Option<Vec<usize>> {
    let mut out = vec![from];
    while out.len() < n {
        let last = *out.last()?;
        let next = last + 1;
        let (a, b) = (figs.get(last)?, figs.get(next)?);
        let between: String = chars.get(a.end..b.start)?.iter().collect();
        if !is_joiner(between.trim()) {
            return None;
        }
        out.push(next);
    }
    Some(out)
}

/// The 分别 groups of a sentence.
pub fn groups(
    chars: &[char],
    figs: &[&Token],
    clause_start_of: &dyn Fn(usize) -> usize,
    ctx: &Context,
) -> Vec<Group> {
    let mut out = Vec::new();
    for p in (0..chars.len().saturating_sub(1))
        .filter(|&p| chars.get(p) == Some(&'分') && chars.get(p + 1) == Some(&'别'))
    {
        let cs = clause_start_of(p);
        let subject: String = chars.get(cs..p).unwrap_or(&[]).iter().collect();
        let nouns: Vec<String> = subject
            .split(['和', '、', '及', '与'])
            .map(|n| naming::clean_phrase(n, ctx))
            .collect();
        if nouns.len() < 2 || nouns.iter().any(|n| n.chars().count() < 2) {
            continue;
        }
        // The first figure within a few chars after 分别, in the same clause.
        let Some(first) = figs
            .iter()
            .position(|f| f.start > p + 1 && f.start <= p + 10 && clause_start_of(f.start) == cs)
        else {
            continue;
        };
        let Some(members) = run(chars, figs, first, nouns.len()) else {
            continue;
        };
        // The next clause: a short lead ("同比增长") and one figure per member.
        let mut follow = Vec::new();
        if let Some(&last) = members.last() {
            if let (Some(a), Some(b)) = (figs.get(last), figs.get(last + 1)) {
                let between: Vec<char> = chars.get(a.end..b.start).unwrap_or(&[]).to_vec();
                let delims = between
                    .iter()
                    .filter(|c| matches!(c, '，' | ',' | '；' | ';'))
                    .count();
                if delims == 1 && between.len() <= 10 {
                    follow = run(chars, figs, last + 1, nouns.len()).unwrap_or_default();
                }
            }
        }
        out.push(Group {
            members,
            nouns,
            follow,
        });
    }
    out
}

/// The roles and names of a sentence's figures once its 分别 groups are applied.
pub struct Grouped {
    /// Each figure's role: a member takes the role of its group's first member (unless that
    /// is a plain value or a baseline), a follower that of the first follower.
    pub roles: Vec<Role>,
    /// A member's name: its own noun.
    pub names: Vec<Option<String>>,
    /// A follower: the member (figure index) it qualifies.
    pub attach_to: Vec<Option<usize>>,
}

/// Applies `groups` to the figures' `roles`; `None` when there is no group.
pub fn apply(groups: &[Group], roles: &[Role]) -> Option<Grouped> {
    if groups.is_empty() {
        return None;
    }
    let mut grouped_roles = roles.to_vec();
    let mut name_override: Vec<Option<String>> = vec![None; roles.len()];
    let mut attach_to_fig: Vec<Option<usize>> = vec![None; roles.len()];
    for g in groups {
        let lead = g
            .members
            .first()
            .and_then(|&m| grouped_roles.get(m))
            .cloned();
        for (k, (&m, noun)) in g.members.iter().zip(&g.nouns).enumerate() {
            if let (true, Some(r), Some(slot)) = (k > 0, &lead, grouped_roles.get_mut(m)) {
                if !matches!(r, Role::Value | Role::BaselineOf(_)) {
                    *slot = r.clone();
                }
            }
            if let Some(slot) = name_override.get_mut(m) {
                *slot = Some(noun.clone());
            }
        }
        let lead = g
            .follow
            .first()
            .and_then(|&f| grouped_roles.get(f))
            .cloned();
        for (k, (&f, &m)) in g.follow.iter().zip(&g.members).enumerate() {
            if let (true, Some(r), Some(slot)) = (k > 0, &lead, grouped_roles.get_mut(f)) {
                *slot = r.clone();
            }
            if let Some(slot) = attach_to_fig.get_mut(f) {
                *slot = Some(m);
            }
        }
    }
    Some(Grouped {
        roles: grouped_roles,
        names: name_override,
        attach_to: attach_to_fig,
    })
}
