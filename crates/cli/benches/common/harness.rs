//! The `main` of each benchmark binary: `cargo bench` passes `--bench`; test
//! runners run the binary without it (`cargo test --benches`, or `--list` to
//! enumerate tests), and it has no tests. A missed target fails the run only
//! with `COURTESY_BENCH_STRICT=1`.

use std::process::ExitCode;

/// Runs `run` when invoked by `cargo bench -p courtesy-cli --bench NAME`.
pub fn bench_main(name: &str, run: fn() -> Result<bool, String>) -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--list") {
        return ExitCode::SUCCESS;
    }
    if !args.iter().any(|a| a == "--bench") {
        eprintln!("{name} benchmark: run it with `cargo bench -p courtesy-cli --bench {name}`");
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(pass) => {
            let strict = std::env::var("COURTESY_BENCH_STRICT").is_ok_and(|v| v == "1");
            if pass || !strict {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
