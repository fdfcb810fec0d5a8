//! Heading levels of the report's sections, for the app and the page without JavaScript.

/// The HTML heading level (2–6) of a section `depth` steps below the top (0 for 一、).
///
/// The level follows the section's place in the tree, not its numbering style: a report may go
/// from 三、 straight to 1. (as the seed does in its problems section), and an h2 followed by
/// an h4 is a skipped level that screen-reader users and the HTML checker stumble on. The page
/// title is the h1; below h6, HTML has no level, so deeper sections stay h6.
pub fn heading_level(depth: usize) -> u8 {
    u8::try_from(depth.saturating_add(2)).unwrap_or(6).min(6)
}

#[cfg(test)]
mod tests {
    use super::heading_level;

    #[test]
    fn one_level_per_step_down_the_tree_from_h2_to_h6() {
        let levels: Vec<u8> = (0..8).map(heading_level).collect();
        assert_eq!(levels, vec![2, 3, 4, 5, 6, 6, 6, 6]);
        assert_eq!(heading_level(usize::MAX), 6);
    }
}
