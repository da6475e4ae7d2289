//! `courtesy problems [RUN]`: every row an import reported, with its line and
//! what became of it; `-o FILE` saves them as CSV to fix the file and import
//! it again.

use crate::failure::Failure;
use courtesy_store::{ImportRun, RowProblem, Store};
use std::path::{Path, PathBuf};

/// Options of `courtesy problems`.
#[derive(Debug, clap::Args)]
pub struct ProblemsArgs {
    /// The import run (as `courtesy import` names it); the newest without one.
    run: Option<i64>,
    /// Save them as CSV (row, column, reason, imported) instead of listing them.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Lists or saves the rows a run reported.
pub fn run(path: &Path, args: &ProblemsArgs) -> Result<(), Failure> {
    let store = Store::open(path)?;
    let run = match args.run {
        Some(id) => store.import_run(id)?,
        None => store
            .latest_import_run()?
            .ok_or_else(|| Failure::Usage("nothing has been imported yet".into()))?,
    };
    let problems = store.import_problems(run.id)?;
    if let Some(out) = &args.output {
        let csv = courtesy_import::problems_csv(&problems)
            .map_err(|e| Failure::Usage(format!("the rows could not be written as CSV: {e}")))?;
        std::fs::write(out, csv).map_err(|e| Failure::Usage(format!("{}: {e}", out.display())))?;
        println!(
            "Saved the {} rows of import {} to {}.",
            problems.len(),
            run.id,
            out.display()
        );
        return Ok(());
    }
    println!(
        "Import {} of {} ({}): {} rows reported.",
        run.id,
        run.file_name,
        run.started_at,
        problems.len()
    );
    for p in &problems {
        println!("  {}", problem_line(&run, p));
    }
    Ok(())
}

/// One reported row as the terminal shows it: `line 4, Total: …` (`item 4` in
/// a JSON list), marked when the row was imported with a note.
pub fn problem_line(run: &ImportRun, p: &RowProblem) -> String {
    let place = if run.format.contains("json") {
        "item"
    } else {
        "line"
    };
    let column = p
        .column
        .as_deref()
        .map(|c| format!(", {c}"))
        .unwrap_or_default();
    let note = if p.skipped { "" } else { " (imported)" };
    format!("{place} {}{column}: {}{note}", p.row, p.reason)
}
