//! Reading rendered slips back the way a person's tools would: poppler's `pdfinfo`,
//! `pdftotext`, `pdffonts`, `pdfimages` and `pdftoppm`, and zbar's `zbarimg` for the
//! barcode. Each PDF is written to its own temporary directory.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// A rendered PDF on disk.
pub struct Pdf {
    dir: TempDir,
    path: PathBuf,
}

/// A word and its box, in points from the page's top-left corner.
#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub text: String,
    pub x_min: f32,
    pub y_min: f32,
    pub x_max: f32,
    pub y_max: f32,
}

impl Pdf {
    /// Writes `bytes` to a fresh temporary directory.
    pub fn write(bytes: &[u8]) -> Pdf {
        let dir = tempfile::tempdir().expect("a temporary directory can be made");
        let path = dir.path().join("slips.pdf");
        std::fs::write(&path, bytes).expect("the PDF can be written");
        Pdf { dir, path }
    }

    /// `pdfinfo`'s report.
    pub fn info(&self) -> String {
        run("pdfinfo", &[self.path.as_os_str()])
    }

    /// The number of pages.
    pub fn pages(&self) -> usize {
        field(&self.info(), "Pages:")
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("expected pdfinfo to report pages:\n{}", self.info()))
    }

    /// The first page's size in points, rounded.
    pub fn page_size(&self) -> (i32, i32) {
        let info = self.info();
        let size = field(&info, "Page size:")
            .unwrap_or_else(|| panic!("expected a page size in:\n{info}"));
        let numbers: Vec<f32> = size
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        match numbers.as_slice() {
            [w, h, ..] => (w.round() as i32, h.round() as i32),
            _ => panic!("expected 'W x H pts', got {size:?}"),
        }
    }

    /// All text in content order (`pdftotext -raw`), whitespace collapsed.
    pub fn text(&self) -> String {
        collapse(&run(
            "pdftotext",
            &[
                "-raw".as_ref(),
                "-enc".as_ref(),
                "UTF-8".as_ref(),
                self.path.as_os_str(),
                "-".as_ref(),
            ],
        ))
    }

    /// The text of page `page` (1-based), whitespace collapsed.
    pub fn page_text(&self, page: usize) -> String {
        let n = page.to_string();
        collapse(&run(
            "pdftotext",
            &[
                "-raw".as_ref(),
                "-enc".as_ref(),
                "UTF-8".as_ref(),
                "-f".as_ref(),
                n.as_ref(),
                "-l".as_ref(),
                n.as_ref(),
                self.path.as_os_str(),
                "-".as_ref(),
            ],
        ))
    }

    /// Every word with its box (`pdftotext -bbox`).
    pub fn words(&self) -> Vec<Word> {
        let html = run(
            "pdftotext",
            &[
                "-bbox".as_ref(),
                "-enc".as_ref(),
                "UTF-8".as_ref(),
                self.path.as_os_str(),
                "-".as_ref(),
            ],
        );
        let mut page = 0;
        let mut words = Vec::new();
        for line in html.lines() {
            let line = line.trim();
            if line.starts_with("<page ") {
                page += 1;
            } else if let Some(rest) = line.strip_prefix("<word ") {
                let attr = |name: &str| -> f32 {
                    let key = format!("{name}=\"");
                    rest.split(&key)
                        .nth(1)
                        .and_then(|v| v.split('"').next())
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(f32::NAN)
                };
                let text = rest
                    .split('>')
                    .nth(1)
                    .and_then(|t| t.split("</word").next())
                    .unwrap_or("");
                words.push(Word {
                    page,
                    text: text.to_string(),
                    x_min: attr("xMin"),
                    y_min: attr("yMin"),
                    x_max: attr("xMax"),
                    y_max: attr("yMax"),
                });
            }
        }
        words
    }

    /// `pdffonts`' table rows (without the two header lines).
    pub fn fonts(&self) -> Vec<String> {
        run("pdffonts", &[self.path.as_os_str()])
            .lines()
            .skip(2)
            .map(str::to_string)
            .collect()
    }

    /// The number of distinct image objects (`pdfimages -list` lists each use).
    pub fn images(&self) -> usize {
        let list = run("pdfimages", &["-list".as_ref(), self.path.as_os_str()]);
        // Columns: page num type width height color comp bpc enc interp object ...
        let mut objects: Vec<String> = list
            .lines()
            .skip(2)
            .filter_map(|row| row.split_whitespace().nth(10).map(str::to_string))
            .collect();
        objects.sort();
        objects.dedup();
        objects.len()
    }

    /// The Code 128 barcodes zbar reads on page `page` rendered at 200 dpi in grey.
    pub fn barcodes(&self, page: usize) -> Vec<String> {
        let n = page.to_string();
        let stem = self.dir.path().join(format!("page-{page}"));
        run(
            "pdftoppm",
            &[
                "-r".as_ref(),
                "200".as_ref(),
                "-gray".as_ref(),
                "-png".as_ref(),
                "-singlefile".as_ref(),
                "-f".as_ref(),
                n.as_ref(),
                "-l".as_ref(),
                n.as_ref(),
                self.path.as_os_str(),
                stem.as_os_str(),
            ],
        );
        let png = stem.with_extension("png");
        let output = command("zbarimg")
            .args(["-q", "--raw", "-Sdisable", "-Scode128.enable"])
            .arg(&png)
            .output()
            .unwrap_or_else(|e| missing("zbarimg", &e));
        // zbarimg exits 4 when it finds nothing: that is an answer, not a failure.
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Where the file is, to keep it for a look when a test fails.
    #[allow(dead_code)]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn field(info: &str, name: &str) -> Option<String> {
    info.lines()
        .find_map(|l| l.strip_prefix(name))
        .map(|v| v.trim().to_string())
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn command(tool: &str) -> Command {
    let mut command = Command::new(tool);
    command.env("LC_ALL", "C.UTF-8");
    command
}

fn missing(tool: &str, error: &std::io::Error) -> ! {
    panic!("cannot run {tool} ({error}): install poppler-utils and zbar-tools (bash scripts/install-deps.sh)")
}

fn run(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let output = command(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| missing(tool, &e));
    assert!(
        output.status.success(),
        "expected {tool} {args:?} to succeed, it said: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}
