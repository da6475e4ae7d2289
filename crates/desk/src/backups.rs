//! Backups at the desk: one taken now (by hand, before something risky), the
//! daily one when today has none yet, the rotation after each, and a restore
//! that backs up the current state first. Backups go to the folder this desk
//! was pointed at (a synced or external drive), kept beside its own file as
//! `courtesy.sqlite.backups.json`, else a `backups` folder beside the database
//! (see [`Desk::backup_folder`]).

use crate::database::io;
use crate::desk::Desk;
use crate::error::DeskError;
use courtesy_core::backup_rotation::BackupReason;
use courtesy_store::{list_backups, rotate_backups, BackupInfo, Restored};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The backups folder this desk was pointed at.
#[derive(Serialize, Deserialize)]
struct FolderChoice {
    folder: PathBuf,
}

/// The file beside `own_file` naming this desk's backups folder.
pub fn folder_choice_file(own_file: &Path) -> PathBuf {
    crate::database::beside(own_file, ".backups.json")
}

/// The folder this desk was pointed at, if any (an unreadable choice counts as none).
fn chosen_folder(own_file: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(folder_choice_file(own_file)).ok()?;
    serde_json::from_str::<FolderChoice>(&text)
        .ok()
        .map(|c| c.folder)
}

/// Where the backups of `store` go at the desk whose own file is `own_file`:
/// the folder this desk was pointed at, else a `backups` folder beside the
/// database file (for a server database, beside `own_file`).
pub fn backup_folder(store: &courtesy_store::Store, own_file: &Path) -> PathBuf {
    chosen_folder(own_file).unwrap_or_else(|| store.default_backup_folder(own_file))
}

impl Desk<'_> {
    /// Where backups go (see [`backup_folder`]).
    pub fn backup_folder(&self, own_file: &Path) -> PathBuf {
        backup_folder(self.store(), own_file)
    }

    /// Points this desk's backups at `folder` (made if missing, and checked
    /// writable by writing a file there); `None` goes back to the default.
    pub fn choose_backup_folder(
        &self,
        own_file: &Path,
        folder: Option<&Path>,
    ) -> Result<PathBuf, DeskError> {
        let file = folder_choice_file(own_file);
        let Some(folder) = folder else {
            return match std::fs::remove_file(&file) {
                Ok(()) => Ok(self.backup_folder(own_file)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    Ok(self.backup_folder(own_file))
                }
                Err(e) => Err(io("removing", &file, e)),
            };
        };
        std::fs::create_dir_all(folder).map_err(|e| io("creating the folder", folder, e))?;
        let probe = folder.join(".courtesy-write-check");
        std::fs::write(&probe, b"ok").map_err(|e| io("writing a file into", folder, e))?;
        let _ = std::fs::remove_file(&probe);
        let text = serde_json::to_string_pretty(&FolderChoice {
            folder: folder.to_path_buf(),
        })
        .unwrap_or_default();
        let partial = file.with_extension("json.partial");
        std::fs::write(&partial, text).map_err(|e| io("writing", &partial, e))?;
        std::fs::rename(&partial, &file).map_err(|e| io("writing", &file, e))?;
        Ok(folder.to_path_buf())
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
