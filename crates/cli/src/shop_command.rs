//! `courtesy shop add|list|remove|test`: the shops this database syncs with.
//! Secrets come from the environment (`COURTESY_SHOPIFY_TOKEN`, or
//! `COURTESY_SHOPIFY_CLIENT_ID` and `…_SECRET`; `COURTESY_WC_KEY` and
//! `COURTESY_WC_SECRET`) or are asked for without echo, and go into the
//! keychain; they are never printed.

use crate::failure::Failure;
use crate::sync_command::{door_env, system_keychain};
use courtesy_core::ShopKind;
use courtesy_desk::{Desk, SyncDoor, SystemClock};
use courtesy_store::{AuditSource, Store};
use courtesy_sync::{Credentials, Policy, Saved};
use std::path::Path;

/// Options of `courtesy shop`.
#[derive(Debug, clap::Args)]
pub struct ShopArgs {
    #[command(subcommand)]
    action: ShopAction,
}

#[derive(Debug, clap::Subcommand)]
enum ShopAction {
    /// Connect a shop: `shop add shopify NAME --domain DOMAIN [--url URL]
    /// [--client-credentials]` or `shop add woocommerce NAME --url SITE`.
    Add {
        /// shopify or woocommerce.
        #[arg(value_parser = parse_kind)]
        kind: ShopKind,
        /// A name for the connection, e.g. "Candles".
        name: String,
        /// Shopify: the store's domain (`candles` or `candles.myshopify.com`).
        #[arg(long, required_unless_present = "url")]
        domain: Option<String>,
        /// The address Courtesy talks to: the WordPress site, or for Shopify
        /// another address than its domain (a local staging copy).
        #[arg(long, required_unless_present = "domain")]
        url: Option<String>,
        /// Shopify: sign in with a Dev Dashboard app's client id and secret
        /// instead of an Admin API token.
        #[arg(long)]
        client_credentials: bool,
    },
    /// List the connections and their last sync.
    List,
    /// Forget a connection and its secrets (its orders stay).
    Remove {
        /// The connection's name.
        name: String,
    },
    /// Ask the shop who it is with the connection's secrets.
    Test {
        /// The connection's name.
        name: String,
    },
}

fn parse_kind(text: &str) -> Result<ShopKind, String> {
    ShopKind::parse(&text.to_ascii_lowercase())
        .ok_or_else(|| format!("'{text}' is not a platform; use shopify or woocommerce"))
}

fn ask(prompt: &str) -> Result<String, Failure> {
    rpassword::prompt_password(prompt)
        .map(|s| s.trim().to_string())
        .map_err(|e| Failure::Usage(format!("could not read {prompt} ({e})")))
}

/// The secrets from the environment, else asked for.
fn credentials(kind: ShopKind, client_credentials: bool) -> Result<Credentials, Failure> {
    if let Some(given) = Credentials::from_env(kind, &door_env) {
        let wanted = !matches!(given, Credentials::Token { .. }) || !client_credentials;
        if wanted {
            return Ok(given);
        }
    }
    Ok(match (kind, client_credentials) {
        (ShopKind::Shopify, false) => Credentials::Token {
            token: ask("Admin API access token: ")?,
        },
        (ShopKind::Shopify, true) => Credentials::ClientCredentials {
            client_id: ask("Client ID: ")?,
            client_secret: ask("Client secret: ")?,
        },
        (ShopKind::Woocommerce, _) => Credentials::KeySecret {
            key: ask("Consumer key (ck_…): ")?,
            secret: ask("Consumer secret (cs_…): ")?,
        },
    })
}

/// Runs `courtesy shop …` on the database at `path`.
pub fn run(path: &Path, args: &ShopArgs) -> Result<(), Failure> {
    let store = Store::open(path)?;
    let desk = Desk::new(&store, &SystemClock, AuditSource::Cli);
    let keychain = system_keychain();
    match &args.action {
        ShopAction::Add {
            kind,
            name,
            domain,
            url,
            client_credentials,
        } => {
            let address = url.as_ref().or(domain.as_ref()).ok_or_else(|| {
                Failure::Usage("give the shop's --domain (Shopify) or --url".to_string())
            })?;
            let secrets = credentials(*kind, *client_credentials)?;
            let added = desk.add_shop(name, *kind, address, &secrets, &keychain)?;
            println!(
                "Added {} ({}, {}).",
                added.shop.name,
                added.shop.kind.as_str(),
                added.shop.base_url
            );
            match added.saved {
                Saved::InKeychain => println!("  Its secrets are in this computer's keychain."),
                Saved::NoKeychain { why } => println!(
                    "  Its secrets were not kept: {why}. Give them to each sync in {}.",
                    Credentials::env_names(*kind)
                ),
            }
            Ok(())
        }
        ShopAction::List => {
            let shops = store.shop_connections()?;
            if shops.is_empty() {
                println!("No shops yet: courtesy shop add shopify NAME --domain DOMAIN, or courtesy shop add woocommerce NAME --url SITE");
            }
            for s in shops {
                let last = match &s.last_sync {
                    Some(run) => format!(
                        "last sync {} {} ({} new orders)",
                        run.started_at,
                        run.status.as_str(),
                        run.counts.orders_new
                    ),
                    None => "never synced".to_string(),
                };
                println!("{}\t{}\t{}\t{}", s.name, s.kind.as_str(), s.base_url, last);
            }
            Ok(())
        }
        ShopAction::Remove { name } => {
            let gone = desk.remove_shop(name, &keychain)?;
            println!("Removed {} and its secrets; its orders stay.", gone.name);
            Ok(())
        }
        ShopAction::Test { name } => {
            let door = SyncDoor {
                keychain: &keychain,
                env: &door_env,
                policy: Policy::default(),
            };
            let shop = desk.test_shop(name, &door)?;
            println!("{} ({}) answers.", shop.name, shop.currency);
            if let Some(n) = shop.orders {
                println!("  {n} orders.");
            }
            println!("  May read: {}", shop.can_read.join(", "));
            for note in shop.notes {
                println!("  Note: {note:?}");
            }
            Ok(())
        }
    }
}
