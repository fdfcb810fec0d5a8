//! Embed mode's query parameter (`embed=1`): not part of the view state, but kept through
//! every change of it.

/// Whether `query` ("" or "?…") asks for embed mode.
pub fn is_embed_query(query: &str) -> bool {
    query
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "embed=1")
}

/// The query to put in the address bar for a view whose query is `view_query` ("" or "?…"),
/// keeping embed mode when the page is embedded.
pub fn with_embed(view_query: &str, embed: bool) -> String {
    match (embed, view_query.is_empty()) {
        (false, _) => view_query.to_string(),
        (true, true) => "?embed=1".to_string(),
        (true, false) => format!("{view_query}&embed=1"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_is_one_exact_parameter() {
        assert!(is_embed_query("?embed=1"));
        assert!(is_embed_query("?q=绿化&embed=1"));
        assert!(!is_embed_query("?embed=0"));
        assert!(!is_embed_query("?embed=10"));
        assert!(!is_embed_query("?q=embed=1x"));
        assert!(!is_embed_query(""));
    }

    #[test]
    fn embed_survives_a_view_change() {
        assert_eq!(with_embed("", true), "?embed=1");
        assert_eq!(with_embed("?q=a", true), "?q=a&embed=1");
        assert_eq!(with_embed("?q=a", false), "?q=a");
        assert_eq!(with_embed("", false), "");
    }
}
