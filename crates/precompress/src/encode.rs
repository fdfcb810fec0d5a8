//! The two encodings, at the settings a deployer precompresses with (the slowest, smallest).

use std::io::Write;

/// `bytes` gzip-compressed at level 9 (`gzip -9`).
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).map_err(|e| format!("gzip: {e}"))?;
    enc.finish().map_err(|e| format!("gzip: {e}"))
}

/// `bytes` brotli-compressed at quality 11 with a 4 MiB window (`brotli -q 11`).
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .map_err(|e| format!("brotli: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    const TEXT: &str = "一、绩效管理工作开展情况。全区完成率100%，较上年提高3.5个百分点。";

    #[test]
    fn gzip_round_trips_and_shrinks_repetition() {
        let text = TEXT.repeat(50);
        let gz = gzip(text.as_bytes()).expect("gzip");
        assert!(gz.len() < text.len() / 10, "{} of {}", gz.len(), text.len());
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut back)
            .expect("gunzip");
        assert_eq!(back, text);
    }

    #[test]
    fn brotli_round_trips_and_beats_gzip() {
        let text = TEXT.repeat(50);
        let br = brotli(text.as_bytes()).expect("brotli");
        assert!(br.len() < gzip(text.as_bytes()).expect("gzip").len());
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).expect("unbrotli");
        assert_eq!(back, text.as_bytes());
    }
}
