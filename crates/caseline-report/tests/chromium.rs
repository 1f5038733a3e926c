//! Renders the Worcestershire sample's report in headless Chromium (Debian's
//! `chromium`) to PNGs and checks the pictures: the whole page is a real,
//! non-trivial image with the late colour in it; and in a screenshot of the
//! timeline alone (where one SVG unit is one pixel) the stage 2 bar is drawn
//! in the late colour past its extended-limit line, and stops where the
//! adjudication day ends.
//!
//! Skipped, with a message, where `/usr/bin/chromium` is not installed; under
//! CI (`CI=true`) that is a failure instead, so a green CI means it ran.
//! `CASELINE_REPORT_KEEP=1` keeps the pages and screenshots (the path is printed).
//! Must not depend on the binary or on the network (Chromium runs with
//! networking features off and the page forbids fetches).

mod common;

use common::ci::cannot_run;
use common::{report, sample, stage_2};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
/// The bar colour of late stages (`.s-late .body` in the page's CSS): #c62828.
const LATE: [u8; 3] = [0xc6, 0x28, 0x28];
/// The cross-hatch drawn over the late stretch (`#p-late`): #3b0000.
const HATCH: [u8; 3] = [0x3b, 0x00, 0x00];

/// A decoded screenshot: RGB(A) rows.
struct Image {
    width: usize,
    height: usize,
    channels: usize,
    data: Vec<u8>,
}

impl Image {
    fn pixel(&self, x: usize, y: usize) -> [u8; 3] {
        let i = (y * self.width + x) * self.channels;
        [self.data[i], self.data[i + 1], self.data[i + 2]]
    }

    fn count(&self, pred: impl Fn([u8; 3]) -> bool) -> usize {
        (0..self.height)
            .flat_map(|y| (0..self.width).map(move |x| (x, y)))
            .filter(|&(x, y)| pred(self.pixel(x, y)))
            .count()
    }
}

fn near(p: [u8; 3], c: [u8; 3]) -> bool {
    p.iter().zip(c).all(|(a, b)| a.abs_diff(b) <= 12)
}

/// Screenshots `page` at 1400×1000 into `png` and decodes it.
fn screenshot(page: &Path, png: &Path, profile: &Path) -> Image {
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

    let bytes = std::fs::read(png).expect("chromium wrote the screenshot");
    assert!(
        bytes.len() > 20_000,
        "screenshot is only {} bytes",
        bytes.len()
    );
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut data = vec![0; reader.output_buffer_size().expect("image size fits")];
    let info = reader.next_frame(&mut data).expect("PNG frame");
    let channels = info.color_type.samples();
    assert!(
        channels >= 3,
        "colour image expected, got {:?}",
        info.color_type
    );
    data.truncate(info.buffer_size());
    Image {
        width: info.width as usize,
        height: info.height as usize,
        channels,
        data,
    }
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("caseline-report-chromium-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("profile")).expect("temp dir");
    dir
}

#[test]
fn worcestershire_report_renders_in_headless_chromium() {
    if !Path::new(CHROMIUM).exists() {
        cannot_run(&format!(
            "{CHROMIUM} is not installed (apt-get install chromium)"
        ));
        return;
    }
    let (_, html) = report(&sample("worcestershire-24-017-518.case"));
    let bar = stage_2(&html);
    assert!(
        bar.end > bar.ext,
        "stage 2 bar ends at x={}, extended limit at x={}",
        bar.end,
        bar.ext
    );

    let dir = temp_dir();
    let profile = dir.join("profile");

    // 1. The page as a reader sees it.
    let page = dir.join("worcestershire-24-017-518.html");
    std::fs::write(&page, &html).expect("write html");
    let full = screenshot(&page, &dir.join("page.png"), &profile);
    assert_eq!((full.width, full.height), (1400, 1000));
    let late = full.count(|p| near(p, LATE));
    let white = full.count(|p| near(p, [255, 255, 255]));
    let dark = full.count(|p| p.iter().all(|&v| v < 80));
    println!("page.png: {late} late-coloured, {white} white, {dark} dark pixels");
    assert!(html.contains("Content-Security-Policy"));
    assert!(late > 300, "only {late} pixels in the late colour");
    // The late stretch's cross-hatch (an SVG pattern) still draws under the page's
    // Content-Security-Policy, which forbids every fetch.
    let hatch = full.count(|p| near(p, HATCH));
    assert!(hatch > 50, "only {hatch} pixels of the late hatch");
    assert!(
        white > full.width * full.height / 4,
        "the page background is white"
    );
    assert!(
        dark > 2_000,
        "text and lines are drawn ({dark} dark pixels)"
    );

    // 2. The timeline alone at the top left, unscaled: SVG units are pixels.
    let style =
        &html[html.find("<style>").expect("style")..html.find("</style>").expect("style") + 8];
    let svg = &html[html.find("<svg class=\"chart\"").expect("chart")
        ..html.rfind("</svg>").expect("chart end") + 6];
    let chart_page = dir.join("chart.html");
    std::fs::write(
        &chart_page,
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\">{style}\
             <style>body{{margin:0}} svg.chart{{width:1360px;max-width:none}}</style></head><body>{svg}</body></html>"
        ),
    )
    .expect("write chart page");
    let chart = screenshot(&chart_page, &dir.join("chart.png"), &profile);
    let y = (bar.top + bar.height / 2.0).round() as usize;
    // The red, its dark hatch and the anti-aliased blends between them are all
    // clearly red-dominant; white, grey grid lines and purple holiday marks are not.
    let is_late = |p: [u8; 3]| {
        if near(p, LATE) || near(p, HATCH) {
            return true;
        }
        let [r, g, b] = p;
        let (r, g, b) = (i32::from(r), i32::from(g), i32::from(b));
        r > g + 25 && r > b + 25
    };
    // Between the extended-limit line and the bar's end: the late colour and its hatch.
    let from = (bar.ext + 3.0).ceil() as usize;
    let to = (bar.end - 2.0).floor() as usize;
    assert!(
        to > from + 20,
        "at least 20 px of late stretch ({from}..{to})"
    );
    let row: Vec<[u8; 3]> = (from..to).map(|x| chart.pixel(x, y)).collect();
    let late_px = row.iter().filter(|p| is_late(**p)).count();
    let red_px = row.iter().filter(|p| near(**p, LATE)).count();
    println!(
        "chart.png row {y}, x {from}..{to}: {late_px} of {} pixels late-coloured or hatched ({red_px} red)",
        row.len()
    );
    assert!(
        late_px * 10 >= row.len() * 8,
        "the stretch past the extended limit is drawn late"
    );
    assert!(red_px * 4 >= row.len(), "and its colour is the late red");
    // Just after the bar's end there is no bar.
    let after = chart.pixel((bar.end + 3.0).ceil() as usize, y);
    assert!(
        !is_late(after),
        "the bar stops at the adjudication day: {after:?}"
    );

    if std::env::var_os("CASELINE_REPORT_KEEP").is_some() {
        println!("kept {}", dir.display());
        let _ = std::fs::remove_dir_all(&profile);
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
