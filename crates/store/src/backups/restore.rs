//! Restoring a backup over the open database: the backup is checked first,
//! the current state is backed up (reason `before-restore`), then the
//! backup's content takes the database's place in one go — SQLite's online
//! backup API into the writer's connection (the other connections see the new
//! content at their next read), or on PostgreSQL every table replaced in one
//! transaction. A backup of an older schema is brought up to date; one of a
//! newer schema is refused. The restore is written to the restored database's
//! audit log.

use super::{inspect_backup, BackupCounts, BackupInfo};
use crate::audit::{record, Actor};
use crate::error::{Result, StoreError};
use crate::migrations::migrate;
use crate::Store;
use courtesy_core::backup_rotation::BackupReason;
use rusqlite::OpenFlags;
use serde::Serialize;
use serde_json::json;
use std::path::Path;
use std::sync::PoisonError;
use ts_rs::TS;

/// A restore done.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// The backup restored.
    pub from: String,
    /// What the database holds now.
    pub counts: BackupCounts,
    /// The backup taken of what was there before.
    pub before: BackupInfo,
}

impl Store {
    /// Restores the backup `file` over this database, after backing up the
    /// current state into `folder` (see the module's notes).
    pub fn restore_backup(&self, file: &Path, folder: &Path, actor: &Actor) -> Result<Restored> {
        let (_, counts) = inspect_backup(file)?;
        let before = self.back_up(folder, BackupReason::BeforeRestore, actor.at)?;
        if self.is_server() {
            self.restore_onto_server(file, folder)?;
        } else {
            self.restore_onto_file(file)?;
        }
        self.settle_after_crash()?;
        self.write(|tx| {
            record(
                tx,
                actor,
                "database",
                None,
                "restore",
                &json!({"from": file.to_string_lossy(), "before": before.file}),
            )
        })?;
        Ok(Restored {
            from: file.to_string_lossy().into_owned(),
            counts,
            before,
        })
    }

    /// SQLite: the backup's pages copied into the writer's database.
    fn restore_onto_file(&self, file: &Path) -> Result<()> {
        let source = rusqlite::Connection::open_with_flags(
            file,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut writer = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(dest) = writer.sqlite_mut() else {
            return Err(StoreError::Invalid("the database is not a file".into()));
        };
        {
            let copy = rusqlite::backup::Backup::new(&source, dest)?;
            copy.run_to_completion(4096, std::time::Duration::from_millis(5), None)?;
        }
        dest.pragma_update(None, "foreign_keys", "ON")?;
        migrate(dest)
    }

    /// PostgreSQL: the backup (a SQLite file, brought up to date in a
    /// working copy in `folder`, so the backup itself stays as it was)
    /// replaces every table's rows.
    fn restore_onto_server(&self, file: &Path, folder: &Path) -> Result<()> {
        let working = folder.join(".restoring.sqlite");
        let remove = |base: &Path| {
            for suffix in ["", "-wal", "-shm"] {
                let mut name = base.as_os_str().to_os_string();
                name.push(suffix);
                let _ = std::fs::remove_file(name);
            }
        };
        remove(&working);
        std::fs::copy(file, &working).map_err(|source| StoreError::Io {
            action: "copying",
            path: file.to_path_buf(),
            source,
        })?;
        let replaced = Store::open(&working).and_then(|source| source.copy_replacing(self));
        remove(&working);
        replaced.map(|_| ())
    }
}
