//! Backups of the shop's database, taken while staff keep working.
//!
//! - On SQLite, the online backup API from a connection of its own, all
//!   pages in one step: one read transaction, so the copy is the database at
//!   one committed moment, and writers go on meanwhile (WAL).
//! - On PostgreSQL, a portable copy: the shop copied into a new SQLite file
//!   (what `courtesy db copy` does), from one repeatable-read snapshot.
//!
//! Each backup is written beside its final name, checked (`PRAGMA
//! integrity_check`, the schema version, counts of what it holds), described
//! in a small JSON file beside it (`….sqlite.json`, so listing does not open
//! every backup), and only then given its name. The rotation of
//! [`courtesy_core::backup_rotation`] decides which to keep. A restore takes
//! a backup of the current state first, then puts the backup's content in
//! place of the database's, in one go.

mod restore;

pub use restore::Restored;

use crate::error::{Result, StoreError};
use crate::migrations::LATEST_VERSION;
use crate::Store;
use chrono::{DateTime, NaiveDateTime, Utc};
use courtesy_core::backup_rotation::{backups_to_keep, BackupReason};
use rusqlite::OpenFlags;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What a backup holds, counted when it was checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupCounts {
    /// Customers.
    #[ts(type = "number")]
    pub customers: i64,
    /// Orders.
    #[ts(type = "number")]
    pub orders: i64,
    /// Calls (open and closed).
    #[ts(type = "number")]
    pub calls: i64,
    /// Gift plans.
    #[ts(type = "number")]
    pub gift_plans: i64,
    /// Cards.
    #[ts(type = "number")]
    pub cards: i64,
}

/// One backup: where, when, why, how big, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The backup's file.
    pub file: String,
    /// When it was taken (UTC).
    pub taken_at: String,
    /// Why.
    pub reason: BackupReason,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub size_bytes: i64,
    /// Its schema version.
    #[ts(type = "number")]
    pub schema_version: i64,
    /// What it holds.
    pub counts: BackupCounts,
    /// The database it was taken from (without a password).
    pub taken_from: String,
}

/// The time in a backup's name: `20261204-183000Z`.
const NAME_TIME: &str = "%Y%m%d-%H%M%SZ";

/// The file name of a backup taken at `at` for `reason`.
pub fn backup_name(at: DateTime<Utc>, reason: BackupReason) -> String {
    format!(
        "courtesy-{}-{}.sqlite",
        at.format(NAME_TIME),
        reason.as_str()
    )
}

/// When and why a backup named by [`backup_name`] was taken.
fn parse_name(name: &str) -> Option<(DateTime<Utc>, BackupReason)> {
    let rest = name.strip_prefix("courtesy-")?.strip_suffix(".sqlite")?;
    let (time, reason) = rest.split_at_checked(16)?;
    let at = NaiveDateTime::parse_from_str(time, NAME_TIME)
        .ok()?
        .and_utc();
    Some((at, BackupReason::parse(reason.strip_prefix('-')?)?))
}

fn sidecar(file: &Path) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(".json");
    file.with_file_name(name)
}

fn io<'p>(action: &'static str, path: &'p Path) -> impl FnOnce(std::io::Error) -> StoreError + 'p {
    move |source| StoreError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Opens a backup file read-only, checks it, and counts what it holds; a file
/// that is not a sound Courtesy database is refused with the reason.
pub fn inspect_backup(file: &Path) -> Result<(i64, BackupCounts)> {
    let bad = |reason: String| {
        StoreError::Invalid(format!(
            "{} is not a sound backup: {reason}",
            file.display()
        ))
    };
    if !file.is_file() {
        return Err(bad("there is no such file".into()));
    }
    let conn = rusqlite::Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| bad(e.to_string()))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| bad(e.to_string()))?;
    if version == 0 {
        return Err(bad("it holds no Courtesy schema".into()));
    }
    if version > LATEST_VERSION {
        return Err(StoreError::TooNew {
            path: file.to_path_buf(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    let check: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| bad(e.to_string()))?;
    if check != ["ok"] {
        return Err(bad(check.join("; ")));
    }
    let count = |table: &str| -> Result<i64> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .map_err(|e| bad(e.to_string()))
    };
    let counts = BackupCounts {
        customers: count("customers")?,
        orders: count("orders")?,
        calls: count("calls")?,
        gift_plans: count("gift_plans")?,
        cards: count("cards")?,
    };
    Ok((version, counts))
}

/// A backup's description: its JSON file, or else the file itself looked at.
fn describe(file: &Path) -> Result<BackupInfo> {
    if let Ok(text) = std::fs::read_to_string(sidecar(file)) {
        if let Ok(mut info) = serde_json::from_str::<BackupInfo>(&text) {
            info.file = file.to_string_lossy().into_owned();
            return Ok(info);
        }
    }
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let (at, reason) = parse_name(&name).unwrap_or_else(|| {
        let modified = std::fs::metadata(file)
            .and_then(|m| m.modified())
            .map(DateTime::<Utc>::from)
            .unwrap_or_default();
        (modified, BackupReason::Manual)
    });
    let (schema_version, counts) = inspect_backup(file)?;
    Ok(BackupInfo {
        file: file.to_string_lossy().into_owned(),
        taken_at: crate::time::to_db(at),
        reason,
        size_bytes: std::fs::metadata(file).map(|m| m.len() as i64).unwrap_or(0),
        schema_version,
        counts,
        taken_from: String::new(),
    })
}

/// The backups in `folder`, newest first (files named as Courtesy names
/// them; one that cannot be read is left out).
pub fn list_backups(folder: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io("reading the folder", folder)(e)),
    };
    let mut found: Vec<BackupInfo> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| parse_name(n).is_some())
        })
        .filter_map(|p| describe(&p).ok())
        .collect();
    found.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.file.cmp(&a.file)));
    Ok(found)
}

/// Deletes the backups in `folder` the rotation does not keep at `now`
/// (with their descriptions); the files deleted.
pub fn rotate_backups(folder: &Path, now: DateTime<Utc>) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io("reading the folder", folder)(e)),
    };
    let mut named: Vec<(PathBuf, DateTime<Utc>, BackupReason)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let (at, reason) = parse_name(p.file_name()?.to_str()?)?;
            Some((p, at, reason))
        })
        .collect();
    named.sort_by(|a, b| a.0.cmp(&b.0));
    let taken: Vec<(DateTime<Utc>, BackupReason)> = named.iter().map(|n| (n.1, n.2)).collect();
    let keep = backups_to_keep(&taken, now);
    let mut removed = Vec::new();
    for (i, (file, _, _)) in named.iter().enumerate() {
        if keep.binary_search(&i).is_ok() {
            continue;
        }
        std::fs::remove_file(file).map_err(io("removing an old backup", file))?;
        let _ = std::fs::remove_file(sidecar(file));
        removed.push(file.clone());
    }
    Ok(removed)
}

impl Store {
    /// Takes a backup into `folder`, named by `now` and `reason`, checked and
    /// described (see the module's notes).
    pub fn back_up(
        &self,
        folder: &Path,
        reason: BackupReason,
        now: DateTime<Utc>,
    ) -> Result<BackupInfo> {
        std::fs::create_dir_all(folder).map_err(io("creating the folder", folder))?;
        self.back_up_to(&folder.join(backup_name(now, reason)), reason, now)
    }

    /// Takes a backup into `file` (replaced if it exists), checked and described.
    pub fn back_up_to(
        &self,
        file: &Path,
        reason: BackupReason,
        now: DateTime<Utc>,
    ) -> Result<BackupInfo> {
        if let Some(folder) = file.parent().filter(|f| !f.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(io("creating the folder", folder))?;
        }
        let mut partial_name = file.file_name().unwrap_or_default().to_os_string();
        partial_name.push(".partial");
        let partial = file.with_file_name(partial_name);
        let _ = std::fs::remove_file(&partial);
        let written = self
            .write_copy(&partial)
            .and_then(|()| inspect_backup(&partial));
        let (schema_version, counts) = match written {
            Ok(checked) => checked,
            Err(e) => {
                let _ = std::fs::remove_file(&partial);
                return Err(e);
            }
        };
        let info = BackupInfo {
            file: file.to_string_lossy().into_owned(),
            taken_at: crate::time::to_db(now),
            reason,
            size_bytes: std::fs::metadata(&partial)
                .map(|m| m.len() as i64)
                .unwrap_or(0),
            schema_version,
            counts,
            taken_from: self.location(),
        };
        let _ = std::fs::remove_file(sidecar(file));
        std::fs::rename(&partial, file).map_err(io("naming the backup", file))?;
        let text = serde_json::to_string_pretty(&info).unwrap_or_default();
        std::fs::write(sidecar(file), text).map_err(io("describing the backup", file))?;
        Ok(info)
    }

    /// Writes the database at one committed moment into the new file `to`.
    fn write_copy(&self, to: &Path) -> Result<()> {
        if self.is_server() {
            let copy = Store::open(to)?;
            self.copy_into(&copy, &mut |_| {})?;
            drop(copy);
            // One self-contained file: its WAL folded in and gone (the last
            // of the store's connections to close is a read-only one, which
            // leaves the WAL as it is).
            let conn = rusqlite::Connection::open(to)?;
            conn.pragma_update(None, "journal_mode", "DELETE")?;
            return Ok(());
        }
        let source = rusqlite::Connection::open_with_flags(
            self.path(),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        source.busy_timeout(std::time::Duration::from_secs(30))?;
        let mut dest = rusqlite::Connection::open(to)?;
        // Every page in one step: one read transaction of the source, so one
        // committed moment, however the writers go on meanwhile.
        rusqlite::backup::Backup::new(&source, &mut dest)?.step(-1)?;
        // The copy carries the source's WAL mode: one self-contained file instead.
        dest.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    }

    /// Where this store's backups go: a `backups` folder beside the database
    /// file; for a server database, beside `own_file` (the desk's own file),
    /// or in the app-data folder when the desk was given only the server.
    pub fn default_backup_folder(&self, own_file: &Path) -> PathBuf {
        backup_folder_for(
            self.path(),
            self.is_server(),
            own_file,
            crate::paths::default_db_path(),
        )
    }
}

/// See [`Store::default_backup_folder`]; `app_data_db` is the database file
/// in the app-data folder.
fn backup_folder_for(
    db: &Path,
    on_server: bool,
    own_file: &Path,
    app_data_db: Option<PathBuf>,
) -> PathBuf {
    let is_url = |p: &Path| crate::db::server::is_server_url(&p.to_string_lossy());
    let base = if !on_server {
        Some(db.to_path_buf())
    } else if !is_url(own_file) {
        Some(own_file.to_path_buf())
    } else {
        app_data_db
    };
    base.as_deref()
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("backups"), |dir| dir.join("backups"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn backups_go_beside_the_file_and_never_into_a_folder_named_after_a_url() {
        let url = Path::new("postgres://desk:secret@nas.local/courtesy");
        let own = Path::new("/data/courtesy.sqlite");
        let app_data = Some(PathBuf::from(
            "/home/ola/.local/share/courtesy/courtesy.sqlite",
        ));
        assert_eq!(
            backup_folder_for(own, false, own, app_data.clone()),
            Path::new("/data/backups")
        );
        assert_eq!(
            backup_folder_for(url, true, own, app_data.clone()),
            Path::new("/data/backups")
        );
        assert_eq!(
            backup_folder_for(url, true, url, app_data),
            Path::new("/home/ola/.local/share/courtesy/backups")
        );
        assert_eq!(
            backup_folder_for(url, true, url, None),
            Path::new("backups")
        );
    }

    #[test]
    fn names_carry_the_time_and_the_reason() {
        let at = Utc
            .with_ymd_and_hms(2026, 12, 4, 18, 30, 5)
            .single()
            .unwrap();
        let name = backup_name(at, BackupReason::BeforeRestore);
        assert_eq!(name, "courtesy-20261204-183005Z-before-restore.sqlite");
        assert_eq!(parse_name(&name), Some((at, BackupReason::BeforeRestore)));
        assert_eq!(parse_name("courtesy.sqlite"), None);
        assert_eq!(parse_name("courtesy-20261204-183005Z-weekly.sqlite"), None);
    }
}
