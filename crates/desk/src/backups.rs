//! Backups at the desk: one taken now (by hand, before something risky), the
//! daily one when today has none yet, the rotation after each, and a restore
//! that backs up the current state first. Backups go to a folder the caller
//! names (see [`Desk::backup_folder`]).

use crate::desk::Desk;
use crate::error::DeskError;
use courtesy_core::backup_rotation::BackupReason;
use courtesy_store::{list_backups, rotate_backups, BackupInfo, Restored};
use std::path::{Path, PathBuf};

impl Desk<'_> {
    /// Where backups go: a `backups` folder beside the database file (for a
    /// server database, beside `own_file`, this desk's own file).
    pub fn backup_folder(&self, own_file: &Path) -> PathBuf {
        self.store().default_backup_folder(own_file)
    }

    /// Takes a backup into `folder` now, for `reason`, then rotates the folder.
    pub fn back_up(&self, folder: &Path, reason: BackupReason) -> Result<BackupInfo, DeskError> {
        let info = self.store().back_up(folder, reason, self.now())?;
        rotate_backups(folder, self.now())?;
        Ok(info)
    }

    /// Takes the daily backup into `folder` unless today (UTC) has one; the
    /// backup taken, if one was.
    pub fn daily_backup(&self, folder: &Path) -> Result<Option<BackupInfo>, DeskError> {
        let today = self.now().format("%Y-%m-%d").to_string();
        let done_today = list_backups(folder)?
            .iter()
            .any(|b| b.reason == BackupReason::Daily && b.taken_at.starts_with(&today));
        if done_today {
            return Ok(None);
        }
        self.back_up(folder, BackupReason::Daily).map(Some)
    }

    /// Restores the backup `file` over the database, after a backup of the
    /// current state into `folder`.
    pub fn restore(&self, file: &Path, folder: &Path) -> Result<Restored, DeskError> {
        let restored = self.store().restore_backup(file, folder, &self.actor())?;
        rotate_backups(folder, self.now())?;
        Ok(restored)
    }
}
