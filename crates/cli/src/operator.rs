//! Who is at the terminal, for the audit log and the print log.

/// The OS user running the command.
pub fn operator_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "cli".into())
}
