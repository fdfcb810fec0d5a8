//! The page's stylesheet is inlined into index.html (one request less before the first paint);
//! a strict Content-Security-Policy then allows exactly that `<style>` element by its hash.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The CSP source expression of every `<style>` element's text in `page`, e.g.
/// `'sha256-…'`.
pub fn style_hashes(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(open) = rest.find("<style") {
        let Some(gt) = rest[open..].find('>') else {
            break;
        };
        let body = &rest[open + gt + 1..];
        let Some(close) = body.find("</style>") else {
            break;
        };
        let digest = Sha256::digest(&body.as_bytes()[..close]);
        out.push(format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        ));
        rest = &body[close..];
    }
    out
}

/// `page` with its CSP `style-src 'self'` widened to the hashes of its own `<style>` elements,
/// and the resulting policy (for the portal's `Content-Security-Policy` header).
pub fn allow_inline_styles(page: &str) -> Result<(String, String), String> {
    const META: &str = "http-equiv=\"Content-Security-Policy\" content=\"";
    let start = page
        .find(META)
        .map(|i| i + META.len())
        .ok_or("index.html has no Content-Security-Policy meta element")?;
    let len = page[start..]
        .find('"')
        .ok_or("the Content-Security-Policy meta element is not closed")?;
    let policy = &page[start..start + len];
    let hashes = style_hashes(page);
    let widened = policy
        .split(';')
        .map(|d| {
            let d = d.trim();
            if d.starts_with("style-src") && !hashes.is_empty() {
                // Drop hashes of an earlier run, add this build's.
                let kept: Vec<&str> = d
                    .split_whitespace()
                    .filter(|s| !s.starts_with("'sha256-"))
                    .collect();
                format!("{} {}", kept.join(" "), hashes.join(" "))
            } else {
                d.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let page = format!("{}{widened}{}", &page[..start], &page[start + len..]);
    Ok((page, widened))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; script-src 'self'\"><style>body{color:red}</style>";

    #[test]
    fn hashes_the_style_text_as_browsers_do() {
        // echo -n 'body{color:red}' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            style_hashes(PAGE),
            vec!["'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='".to_string()]
        );
    }

    #[test]
    fn only_style_src_is_widened_and_a_second_run_changes_nothing() {
        let (page, policy) = allow_inline_styles(PAGE).expect("policy");
        assert_eq!(
            policy,
            "default-src 'none'; style-src 'self' 'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='; script-src 'self'"
        );
        assert!(page.contains(&policy));
        assert_eq!(allow_inline_styles(&page).map(|p| p.0), Ok(page));
    }

    #[test]
    fn a_page_without_a_policy_is_an_error() {
        assert!(allow_inline_styles("<style>x</style>").is_err());
    }
}
