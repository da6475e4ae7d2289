//! Connecting to a PostgreSQL server from a `postgres://` URL, with TLS as its
//! `sslmode` asks: `disable`, `prefer`, `require` (encrypted, certificate not
//! checked, as libpq does), `verify-ca` and `verify-full` (checked against the
//! system's roots or the CA file in `sslrootcert`; `verify-full` also checks
//! the host name). The password never appears in what is shown of the URL.

use super::error::{DbError, Result};
use super::PgConnection;
use std::sync::mpsc::Sender;
use std::time::Duration;
use tokio_postgres::config::SslMode;

/// How long connecting may take before the server counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Whether `location` names a PostgreSQL database rather than a file.
pub fn is_server_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// The URL without its password, to show and to log.
pub fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) => {
            if u.password().is_some() {
                let _ = u.set_password(Some("***"));
            }
            let pairs: Vec<(String, String)> = u
                .query_pairs()
                .map(|(k, v)| {
                    let v = if k == "password" {
                        "***".into()
                    } else {
                        v.into_owned()
                    };
                    (k.into_owned(), v)
                })
                .collect();
            if !pairs.is_empty() {
                u.query_pairs_mut().clear().extend_pairs(pairs);
            }
            u.to_string()
        }
        Err(_) => "postgres://…".to_string(),
    }
}

/// A database location to show: a file as it is, a server's URL without its
/// password.
pub fn shown(location: &str) -> String {
    if is_server_url(location) {
        redacted(location)
    } else {
        location.to_string()
    }
}

/// What the URL asks of TLS beyond what the driver reads itself.
struct Tls {
    mode: String,
    root_cert: Option<String>,
}

/// The URL without `sslmode=verify-*` and `sslrootcert` (which the driver does
/// not know), and what they asked.
fn split_tls(url: &str) -> Result<(String, Tls)> {
    let mut u = url::Url::parse(url).map_err(|e| invalid(format!("the database URL: {e}")))?;
    let mut tls = Tls {
        mode: "prefer".into(),
        root_cert: None,
    };
    let mut kept = Vec::new();
    for (k, v) in u.query_pairs() {
        match k.as_ref() {
            "sslmode" => tls.mode = v.into_owned(),
            "sslrootcert" => tls.root_cert = Some(v.into_owned()),
            _ => kept.push((k.into_owned(), v.into_owned())),
        }
    }
    let driver_mode = match tls.mode.as_str() {
        "disable" => "disable",
        "allow" | "prefer" => "prefer",
        "require" | "verify-ca" | "verify-full" => "require",
        other => return Err(invalid(format!("sslmode={other} is not known"))),
    };
    kept.push(("sslmode".into(), driver_mode.into()));
    u.query_pairs_mut().clear().extend_pairs(kept);
    Ok((u.to_string(), tls))
}

fn invalid(message: String) -> DbError {
    DbError::Setup(message)
}

/// Connects to the server at `url`. The connection is driven by a thread of
/// its own, which ends when the connection closes.
pub fn connect(url: &str) -> Result<PgConnection> {
    connect_with(url, None)
}

/// Connects to the server at `url` for listening: each notification's
/// payload is sent to `notices` as it arrives.
pub fn connect_listening(url: &str, notices: Sender<String>) -> Result<PgConnection> {
    connect_with(url, Some(notices))
}

/// Drives `connection` until it closes, passing notifications on.
async fn drive<S, T>(
    mut connection: tokio_postgres::Connection<S, T>,
    notices: Option<Sender<String>>,
) where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
    T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let Some(notices) = notices else {
        let _ = connection.await;
        return;
    };
    while let Some(Ok(message)) = std::future::poll_fn(|cx| connection.poll_message(cx)).await {
        if let tokio_postgres::AsyncMessage::Notification(n) = message {
            if notices.send(n.payload().to_string()).is_err() {
                return;
            }
        }
    }
}

/// Connects with `tls`, hands the client (or the failure) to `sender`, then
/// drives the connection until it closes.
async fn serve<T>(
    config: tokio_postgres::Config,
    tls: T,
    sender: Sender<Result<tokio_postgres::Client>>,
    notices: Option<Sender<String>>,
) where
    T: tokio_postgres::tls::MakeTlsConnect<tokio_postgres::Socket>,
    T::Stream: Unpin,
{
    match config.connect(tls).await {
        Ok((client, connection)) => {
            let _ = sender.send(Ok(client));
            drive(connection, notices).await;
        }
        Err(e) => {
            let _ = sender.send(Err(e.into()));
        }
    }
}

fn connect_with(url: &str, notices: Option<Sender<String>>) -> Result<PgConnection> {
    let (driver_url, tls) = split_tls(url)?;
    let mut config: tokio_postgres::Config = driver_url.parse()?;
    config.connect_timeout(CONNECT_TIMEOUT);
    config.application_name("courtesy");
    let connector = if config.get_ssl_mode() == SslMode::Disable {
        None
    } else {
        Some(tls_connector(&tls)?)
    };
    let (sender, connected) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("courtesy-postgres".into())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(r) => r,
                Err(e) => {
                    let _ = sender.send(Err(invalid(format!("a runtime for the connection: {e}"))));
                    return;
                }
            };
            runtime.block_on(async move {
                match connector {
                    None => serve(config, tokio_postgres::NoTls, sender, notices).await,
                    Some(tls) => serve(config, tls, sender, notices).await,
                }
            });
        })
        .map_err(|e| invalid(format!("a thread for the connection: {e}")))?;
    let client = connected
        .recv()
        .map_err(|_| invalid("the connection's thread ended".to_string()))??;
    Ok(PgConnection::new(client))
}

/// The TLS connector the URL's `sslmode` and `sslrootcert` ask for.
fn tls_connector(tls: &Tls) -> Result<postgres_native_tls::MakeTlsConnector> {
    let mut builder = native_tls::TlsConnector::builder();
    match tls.mode.as_str() {
        "verify-full" => {}
        "verify-ca" => {
            builder.danger_accept_invalid_hostnames(true);
        }
        _ => {
            builder
                .danger_accept_invalid_certs(true)
                .danger_accept_invalid_hostnames(true);
        }
    }
    if let Some(file) = &tls.root_cert {
        let pem = std::fs::read(file).map_err(|e| invalid(format!("the CA file {file}: {e}")))?;
        let cert = native_tls::Certificate::from_pem(&pem)
            .map_err(|e| invalid(format!("the CA file {file}: {e}")))?;
        builder.add_root_certificate(cert);
    }
    let connector = builder.build().map_err(|e| invalid(format!("TLS: {e}")))?;
    Ok(postgres_native_tls::MakeTlsConnector::new(connector))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_is_shown_as_it_is_and_a_server_without_its_password() {
        assert_eq!(
            super::shown("/data/courtesy.sqlite"),
            "/data/courtesy.sqlite"
        );
        assert_eq!(
            super::shown("postgres://desk:secret@nas.local/courtesy"),
            "postgres://desk:***@nas.local/courtesy"
        );
    }

    use super::*;

    #[test]
    fn the_password_is_never_shown() {
        let shown = redacted("postgres://desk:s3cret@db.example:5432/shop?sslmode=require");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(
            shown.contains("desk") && shown.contains("db.example"),
            "{shown}"
        );
        let shown = redacted("postgres://desk@db.example/shop?password=s3cret");
        assert!(!shown.contains("s3cret"), "{shown}");
    }

    #[test]
    fn verify_modes_are_read_here_and_the_driver_is_told_require() {
        let (url, tls) =
            split_tls("postgres://a@h/db?sslmode=verify-full&sslrootcert=/etc/ca.pem").unwrap();
        assert_eq!(tls.mode, "verify-full");
        assert_eq!(tls.root_cert.as_deref(), Some("/etc/ca.pem"));
        assert!(url.ends_with("?sslmode=require"), "{url}");
        assert!(split_tls("postgres://a@h/db?sslmode=sometimes").is_err());
    }
}
