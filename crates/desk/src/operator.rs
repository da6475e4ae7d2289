//! Who the audit log names for a change made at the desk: the staff member the
//! settings name, else the computer's user, else the door itself (`desk`,
//! `cli`). One rule for the app and the command line.

use courtesy_store::AuditSource;

/// The name recorded for a change: `staff` (the settings' staff name) when
/// set, else `os_user`, else the door's own name.
pub fn operator(staff: &str, os_user: Option<&str>, door: AuditSource) -> String {
    let staff = staff.trim();
    if !staff.is_empty() {
        return staff.to_string();
    }
    match os_user.map(str::trim).filter(|u| !u.is_empty()) {
        Some(user) => user.to_string(),
        None => match door {
            AuditSource::Cli => "cli".to_string(),
            _ => "desk".to_string(),
        },
    }
}

/// The computer's user, as the environment names them.
pub(crate) fn os_user() -> Option<String> {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_staff_name_wins_then_the_computers_user_then_the_door() {
        assert_eq!(operator(" Ewa ", Some("ewa.k"), AuditSource::Ui), "Ewa");
        assert_eq!(operator("", Some("ewa.k"), AuditSource::Cli), "ewa.k");
        assert_eq!(operator("  ", None, AuditSource::Ui), "desk");
        assert_eq!(operator("", Some(" "), AuditSource::Cli), "cli");
    }
}
