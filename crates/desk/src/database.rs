//! Which database this desk works on: its own SQLite file (the default), or
//! the shop's shared PostgreSQL database, chosen in Settings → Database.
//!
//! The choice is a small file beside the desk's own database file
//! (`courtesy.sqlite.server.json`) holding the server's URL without its
//! password; the password is in the OS keychain, filed under that URL. On a
//! computer without a keychain, `PGPASSWORD` gives it for the run (as
//! PostgreSQL's own tools read it), and nothing is stored. The desk's own file
//! stays where it was, to go back to.

use crate::error::DeskError;
use courtesy_store::db::server::is_server_url;
use courtesy_store::{CopiedTable, ServerContents, Store, StoreError};
use courtesy_sync::{Keychain, Saved};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What the choice file holds.
#[derive(Debug, Serialize, Deserialize)]
struct Choice {
    /// The server's URL, without a password.
    url: String,
}

/// The file beside `own_file` named after it with `suffix`
/// (`courtesy.sqlite` → `courtesy.sqlite.server.json`): what this desk
/// chose is kept there.
pub fn beside(own_file: &Path, suffix: &str) -> PathBuf {
    let mut name = own_file
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "courtesy.sqlite".into());
    name.push(suffix);
    own_file.with_file_name(name)
}

/// The file beside `own_file` that names this desk's server.
pub fn choice_file(own_file: &Path) -> PathBuf {
    beside(own_file, ".server.json")
}

fn invalid(reason: impl Into<String>) -> DeskError {
    DeskError::Store(StoreError::Invalid(reason.into()))
}

pub(crate) fn io(action: &'static str, path: &Path, source: std::io::Error) -> DeskError {
    DeskError::Store(StoreError::Io {
        action,
        path: path.to_path_buf(),
        source,
    })
}

/// The server this desk was pointed at (its URL without the password), if any.
pub fn chosen_server(own_file: &Path) -> Result<Option<String>, DeskError> {
    let file = choice_file(own_file);
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io("reading", &file, e)),
    };
    let choice: Choice = serde_json::from_str(&text)
        .map_err(|e| invalid(format!("{} is not a server choice: {e}", file.display())))?;
    Ok(Some(choice.url))
}

/// `url` without any password in it, and the password it held.
fn split_password(url: &str) -> Result<(String, Option<String>), DeskError> {
    if !is_server_url(url) {
        return Err(invalid(
            "a server's address starts with postgres:// (e.g. postgres://desk@nas.local/courtesy)",
        ));
    }
    let mut u = url::Url::parse(url).map_err(|e| invalid(format!("the server's address: {e}")))?;
    if u.host_str().is_none_or(str::is_empty) {
        return Err(invalid("the server's address names no computer"));
    }
    let password = u.password().map(|p| {
        percent_encoding::percent_decode_str(p)
            .decode_utf8_lossy()
            .into_owned()
    });
    let _ = u.set_password(None);
    Ok((u.to_string(), password))
}

/// `url` (without a password) with `password` in it, to connect with.
fn with_password(url: &str, password: Option<&str>) -> Result<String, DeskError> {
    let mut u = url::Url::parse(url).map_err(|e| invalid(format!("the server's address: {e}")))?;
    if let Some(p) = password.filter(|p| !p.is_empty()) {
        u.set_password(Some(p))
            .map_err(|()| invalid("this address cannot carry a password"))?;
    }
    Ok(u.to_string())
}

/// The URL to open the chosen server with: its password from the keychain,
/// else from `PGPASSWORD` (`env`), else none (a server that trusts this
/// computer, or one that will say the password is missing).
pub fn server_url(
    url: &str,
    keychain: &Keychain,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<String, DeskError> {
    let (bare, given) = split_password(url)?;
    let password = match given {
        Some(p) => Some(p),
        None => keychain
            .database_password(&bare)?
            .or_else(|| env("PGPASSWORD")),
    };
    with_password(&bare, password.as_deref())
}

/// A server address as typed, with the password from its own field: the URL
/// to connect with, and the one to keep (without the password).
pub fn typed_server(url: &str, password: &str) -> Result<(String, String), DeskError> {
    let (bare, given) = split_password(url.trim())?;
    let password = if password.is_empty() {
        given
    } else {
        Some(password.to_string())
    };
    Ok((with_password(&bare, password.as_deref())?, bare))
}

/// What the server at `url` (as typed, with `password`) holds, changing nothing.
pub fn check_server(url: &str, password: &str) -> Result<ServerContents, DeskError> {
    let (full, _) = typed_server(url, password)?;
    Ok(Store::inspect_server(&full)?)
}

/// Points this desk at the server: its password into the keychain, its URL
/// into the choice file beside `own_file`. Takes effect when the app opens
/// the database next.
pub fn choose_server(
    own_file: &Path,
    url: &str,
    password: &str,
    keychain: &Keychain,
) -> Result<Saved, DeskError> {
    let (_, bare) = typed_server(url, password)?;
    let saved = if password.is_empty() {
        Saved::InKeychain
    } else {
        keychain.save_database_password(&bare, password)?
    };
    let file = choice_file(own_file);
    if let Some(folder) = file.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| io("creating the folder", folder, e))?;
    }
    let text =
        serde_json::to_string_pretty(&Choice { url: bare }).map_err(|e| invalid(e.to_string()))?;
    let partial = file.with_extension("json.partial");
    std::fs::write(&partial, text).map_err(|e| io("writing", &partial, e))?;
    std::fs::rename(&partial, &file).map_err(|e| io("writing", &file, e))?;
    Ok(saved)
}

/// Points this desk back at its own file, forgetting the server's password.
pub fn forget_server(own_file: &Path, keychain: &Keychain) -> Result<(), DeskError> {
    if let Some(url) = chosen_server(own_file)? {
        keychain.delete_database_password(&url)?;
    }
    let file = choice_file(own_file);
    match std::fs::remove_file(&file) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io("removing", &file, e)),
    }
}

/// Copies the shop in `store` (this desk's file) into the server database at
/// `url` (as typed, with `password`), which must hold no shop yet, checked
/// table by table; then points this desk at the server. `progress` hears each
/// table as it is copied. The file is left as it was.
pub fn move_to_server(
    store: &Store,
    own_file: &Path,
    url: &str,
    password: &str,
    keychain: &Keychain,
    progress: &mut dyn FnMut(&CopiedTable),
) -> Result<(Vec<CopiedTable>, Saved), DeskError> {
    if store.is_server() {
        return Err(invalid("this desk works on a server database already"));
    }
    let (full, _) = typed_server(url, password)?;
    let found = Store::inspect_server(&full)?;
    if found.customers > 0 {
        return Err(DeskError::Store(StoreError::NotEmpty {
            customers: found.customers,
        }));
    }
    if found.schema_version == 0 && found.foreign_tables > 0 {
        return Err(invalid(format!(
            "{} holds {} tables of something else; give Courtesy a database of its own",
            found.location, found.foreign_tables
        )));
    }
    let dest = Store::open_server(&full)?;
    let copied = store.copy_into(&dest, progress)?;
    drop(dest);
    let saved = choose_server(own_file, url, password, keychain)?;
    Ok((copied, saved))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_sits_beside_the_desks_own_file() {
        assert_eq!(
            choice_file(Path::new("/data/courtesy.sqlite")),
            Path::new("/data/courtesy.sqlite.server.json")
        );
    }

    #[test]
    fn a_typed_password_goes_into_the_url_to_connect_and_not_into_the_one_kept() {
        let (full, kept) = typed_server(
            " postgres://desk@nas.local:5432/courtesy?sslmode=require ",
            "p@ss:w/rd",
        )
        .unwrap();
        assert_eq!(
            kept,
            "postgres://desk@nas.local:5432/courtesy?sslmode=require"
        );
        assert!(
            full.starts_with("postgres://desk:p%40ss%3Aw%2Frd@nas.local:5432/"),
            "{full}"
        );
        let (_, kept) = typed_server("postgres://desk:secret@nas.local/courtesy", "").unwrap();
        assert_eq!(kept, "postgres://desk@nas.local/courtesy");
    }

    #[test]
    fn the_kept_password_comes_from_the_keychain_else_pgpassword() {
        let keychain = Keychain::with_store(keyring_core::mock::Store::new().unwrap());
        let url = "postgres://desk@nas.local/courtesy";
        let env = |name: &str| (name == "PGPASSWORD").then(|| "from-env".to_string());
        assert_eq!(
            server_url(url, &keychain, &env).unwrap(),
            "postgres://desk:from-env@nas.local/courtesy"
        );
        keychain.save_database_password(url, "kept").unwrap();
        assert_eq!(
            server_url(url, &keychain, &env).unwrap(),
            "postgres://desk:kept@nas.local/courtesy"
        );
    }

    #[test]
    fn what_is_not_a_server_address_is_refused_plainly() {
        for bad in ["/home/shop.sqlite", "postgres://", "mysql://x@y/z"] {
            let err = typed_server(bad, "").unwrap_err();
            assert_eq!(err.code().as_str(), "invalid", "{bad}");
        }
    }
}
