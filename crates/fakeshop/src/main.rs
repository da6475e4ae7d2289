//! `courtesy-fakeshop`: a shop on 127.0.0.1 that answers as Shopify's
//! GraphQL Admin API and WooCommerce REST v3 do, holding the demo shop's
//! customers and orders, for the sync's crash test, its benchmark and the
//! end-to-end tests.
//!
//! ```text
//! courtesy-fakeshop serve --orders 20000 [--port 0] [--port-file F] [--delay-ms 0]
//! courtesy-fakeshop woo-export --orders 20000 -o orders.json
//! ```
//!
//! `woo-export` writes the same orders as one WooCommerce JSON export, so a
//! file import of them can be set beside a sync.

mod server;
mod shop_data;
mod shopify;
mod woo;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use shop_data::Shop;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;
use wiremock::{matchers::any, Mock, MockServer};

/// The WooCommerce consumer key the fake shop accepts unless told otherwise.
const KEY: &str = "ck_fake0000000000000000000000000000000000";
/// The WooCommerce consumer secret.
const SECRET: &str = "cs_fake0000000000000000000000000000000000";
/// The Shopify access token.
const TOKEN: &str = "shpat_fake000000000000000000000000";

#[derive(Parser)]
#[command(
    name = "courtesy-fakeshop",
    about = "A fake Shopify and WooCommerce shop on 127.0.0.1"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct ShopArgs {
    /// How many orders the shop holds (over a third as many customers).
    #[arg(long, default_value_t = 2000)]
    orders: usize,
    /// The demo generator's seed.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// The moment the shop's history ends (RFC 3339; default: now, to the hour).
    #[arg(long)]
    now: Option<DateTime<Utc>>,
}

impl ShopArgs {
    fn shop(&self) -> Shop {
        let now = self.now.unwrap_or_else(|| {
            let t = Utc::now();
            t - Duration::from_secs(t.timestamp().rem_euclid(3600) as u64)
        });
        Shop::generate(self.orders, self.seed, now)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Serves the shop on 127.0.0.1 until killed.
    Serve {
        #[command(flatten)]
        shop: ShopArgs,
        /// The port (0: any free one).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Writes the port here once listening.
        #[arg(long)]
        port_file: Option<PathBuf>,
        /// Milliseconds added to every answer.
        #[arg(long, default_value_t = 0)]
        delay_ms: u64,
        /// WooCommerce consumer key.
        #[arg(long, default_value = KEY)]
        key: String,
        /// WooCommerce consumer secret.
        #[arg(long, default_value = SECRET)]
        secret: String,
        /// Shopify access token.
        #[arg(long, default_value = TOKEN)]
        token: String,
    },
    /// Writes the shop's orders as one WooCommerce JSON export.
    WooExport {
        #[command(flatten)]
        shop: ShopArgs,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    match Cli::parse().command {
        Command::Serve {
            shop,
            port,
            port_file,
            delay_ms,
            key,
            secret,
            token,
        } => {
            let shop = shop.shop();
            let (orders, customers) = (shop.orders.len(), shop.customers.len());
            let access = server::Access {
                key,
                secret,
                token,
                delay: Duration::from_millis(delay_ms),
            };
            let listener = std::net::TcpListener::bind(("127.0.0.1", port))?;
            let port = listener.local_addr()?.port();
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async move {
                let server = MockServer::builder()
                    .listener(listener)
                    .disable_request_recording()
                    .start()
                    .await;
                Mock::given(any())
                    .respond_with(server::FakeShop::new(shop, access))
                    .mount(&server)
                    .await;
                println!(
                    "fake shop on http://127.0.0.1:{port}: {orders} orders, {customers} customers"
                );
                if let Some(file) = port_file {
                    std::fs::write(file, port.to_string())?;
                }
                std::future::pending::<()>().await;
                Ok(())
            })
        }
        Command::WooExport { shop, output } => {
            let shop = shop.shop();
            let mut out = std::io::BufWriter::new(std::fs::File::create(&output)?);
            out.write_all(b"[")?;
            for (i, o) in shop.orders.iter().enumerate() {
                if i > 0 {
                    out.write_all(b",\n")?;
                }
                serde_json::to_writer(&mut out, &woo::order(&shop, o))?;
            }
            out.write_all(b"]\n")?;
            out.flush()?;
            println!(
                "{} orders written to {}",
                shop.orders.len(),
                output.display()
            );
            Ok(())
        }
    }
}
