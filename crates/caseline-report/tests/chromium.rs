//! Renders the Worcestershire sample's report in headless Chromium (Debian's
//! `chromium`) to a PNG, and checks that the picture is real: a non-trivial
//! image, with the late colour in it, and the stage 2 bar drawn past its
//! extended limit (read from the SVG coordinates, which Chromium draws as is).
//!
//! Skipped, with a message, where `/usr/bin/chromium` is not installed.

mod common;

use common::{report, sample, stage_2_ends};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
/// The bar colour of late stages (`.s-late .body` in the page's CSS): #c62828.
const LATE: [u8; 3] = [0xc6, 0x28, 0x28];

#[test]
fn worcestershire_report_renders_in_headless_chromium() {
    if !Path::new(CHROMIUM).exists() {
        println!("skipped: {CHROMIUM} is not installed (apt-get install chromium)");
        return;
    }
    let (_, html) = report(&sample("worcestershire-24-017-518.case"));
    let (bar_end, ext, _) = stage_2_ends(&html);
    assert!(
        bar_end > ext,
        "stage 2 bar ends at x={bar_end}, extended limit at x={ext}"
    );

    let dir = std::env::temp_dir().join(format!("caseline-report-chromium-{}", std::process::id()));
    let profile = dir.join("profile");
    std::fs::create_dir_all(&profile).expect("temp dir");
    let page = dir.join("worcestershire-24-017-518.html");
    let png = dir.join("worcestershire-24-017-518.png");
    std::fs::write(&page, &html).expect("write html");

    let started = Instant::now();
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1400,1000")
        .arg(format!("file://{}", page.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start chromium");
    // A wedged browser must not hang the test suite.
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium failed: {status}");

    let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
    assert!(
        bytes.len() > 20_000,
        "screenshot is only {} bytes",
        bytes.len()
    );

    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("image size fits")];
    let info = reader.next_frame(&mut buf).expect("PNG frame");
    assert_eq!((info.width, info.height), (1400, 1000));
    let channels = info.color_type.samples();
    assert!(
        channels >= 3,
        "colour image expected, got {:?}",
        info.color_type
    );
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(channels).collect();
    let near = |p: &[u8], c: [u8; 3]| p.iter().zip(c).all(|(a, b)| a.abs_diff(b) <= 8);
    let late = pixels.iter().filter(|p| near(p, LATE)).count();
    let white = pixels.iter().filter(|p| near(p, [255, 255, 255])).count();
    let dark = pixels
        .iter()
        .filter(|p| p.iter().take(3).all(|&v| v < 80))
        .count();
    println!(
        "screenshot {}: {late} late-coloured, {white} white, {dark} dark pixels",
        png.display()
    );
    // Stage 2 (about 60 px of late stretch, partly hatched), stage 1's
    // neighbours, and the late recommendations give well over a few hundred.
    assert!(late > 300, "only {late} pixels in the late colour");
    assert!(white > pixels.len() / 4, "the page background is white");
    assert!(
        dark > 2_000,
        "text and lines are drawn ({dark} dark pixels)"
    );
    // CASELINE_REPORT_KEEP=1 keeps the page and screenshot to look at.
    if std::env::var_os("CASELINE_REPORT_KEEP").is_some() {
        let _ = std::fs::remove_dir_all(&profile);
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
