//! Files that are refused whole, each with its code and message; a format
//! picked by hand; and a file far larger than the sniffed block.

use crate::formats::open::fixture::{bytes, drain, open_fixture, orders};
use crate::{open, FileError, Format, SNIFF_BYTES};
use std::io::Read;

fn refusal(name: &str) -> FileError {
    match open_fixture(name) {
        Ok((_, description)) => panic!("{name} should be refused, but opened as {description:?}"),
        Err(e) => e,
    }
}

#[test]
fn a_png_is_refused_as_binary() {
    let err = refusal("not-a-csv.png");
    assert_eq!(err.code(), "import.not_text");
    assert_eq!(
        err.to_string(),
        "this file is not a CSV or JSON export: it looks like binary data"
    );
}

#[test]
fn an_empty_file_is_refused() {
    let err = refusal("empty.csv");
    assert_eq!(err.code(), "import.empty");
    assert_eq!(err.to_string(), "the file is empty");
    let bom_only = open(&b"\xEF\xBB\xBF \r\n"[..], None).err();
    assert_eq!(
        bom_only.map(|e| e.code().as_str()),
        Some("import.empty"),
        "a BOM and blank lines are empty too"
    );
}

#[test]
fn a_header_without_rows_is_refused() {
    let err = refusal("header-only.csv");
    assert_eq!(err.code(), "import.no_rows");
    assert_eq!(err.to_string(), "the file has a header but no rows");
}

#[test]
fn an_unknown_header_asks_for_a_column_mapping() {
    let err = refusal("unknown-header.csv");
    assert_eq!(err.code(), "import.unknown_format");
    assert_eq!(
        err.to_string(),
        "the columns do not match a Shopify or WooCommerce export: Order Number, Customer, Amount, Date (pick a column mapping)"
    );
}

#[test]
fn a_format_picked_by_hand_must_have_its_columns() {
    let customers = bytes("shopify-customers-bom-crlf.csv");
    let err = open(
        std::io::Cursor::new(customers.clone()),
        Some(Format::ShopifyOrders),
    )
    .err();
    assert_eq!(
        err.as_ref().map(|e| e.code().as_str()),
        Some("import.missing_columns")
    );
    assert_eq!(
        err.map(|e| e.to_string()),
        Some(
            "the file is not a Shopify orders export: it has no Name, Financial Status, Currency, Total, Created at, Lineitem quantity, Lineitem name, Lineitem price column"
                .to_string()
        )
    );
    let hinted = open(
        std::io::Cursor::new(customers),
        Some(Format::ShopifyCustomers),
    );
    assert_eq!(
        hinted.map(|(_, d)| d.format).ok(),
        Some(Format::ShopifyCustomers)
    );
}

/// A synthetic orders export of `orders` two-line orders, generated as it is read.
struct GeneratedOrders {
    header: Vec<u8>,
    next: u64,
    orders: u64,
    pending: Vec<u8>,
}

impl GeneratedOrders {
    fn new(orders: u64) -> Self {
        GeneratedOrders {
            header: b"Name,Email,Financial Status,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Notes\n".to_vec(),
            next: 0,
            orders,
            pending: Vec::new(),
        }
    }
}

impl Read for GeneratedOrders {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            if !self.header.is_empty() {
                self.pending = std::mem::take(&mut self.header);
            } else if self.next < self.orders {
                let n = self.next;
                self.next += 1;
                self.pending = format!(
                    "#{n},buyer{n}@example.com,paid,PLN,30.00,30.00,2024-03-01 14:05:09 +0100,1,Candle - Large,10.00,\"Leave at the door,\nplease\"\n#{n},buyer{n}@example.com,,,,,,2,Wick,10.00,\n"
                )
                .into_bytes();
            }
        }
        let n = buf.len().min(self.pending.len());
        buf[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

#[test]
fn a_file_larger_than_the_sniffed_block_streams_to_its_end() {
    let count = 20_000;
    let (importer, description) = match open(GeneratedOrders::new(count), None) {
        Ok(opened) => opened,
        Err(e) => panic!("the generated file should open: {e}"),
    };
    assert_eq!(description.format, Format::ShopifyOrders);
    let drained = drain(importer);
    assert!(
        drained.errors.is_empty(),
        "no row errors: {:?}",
        drained.errors.first()
    );
    let got = orders(&drained.records);
    assert_eq!(got.len() as u64, count);
    assert!(drained.bytes_read > SNIFF_BYTES as u64 * 10);
    let (row, last) = &got[got.len() - 1];
    assert_eq!(last.number, format!("#{}", count - 1));
    assert_eq!(*row, 2 + 3 * (count - 1), "three physical lines per order");
    assert_eq!((last.lines.len(), last.total_minor), (2, 3000));
}

/// Streams 400 MB through the importer; run by hand with
/// `cargo test -p courtesy-import --release -- --ignored four_hundred` under
/// `/usr/bin/time -v` to see the peak memory stay flat.
#[test]
#[ignore]
fn four_hundred_megabytes_stream_in_bounded_memory() {
    let count = 2_250_000; // about 182 bytes per order
    let (importer, _) = match open(GeneratedOrders::new(count), None) {
        Ok(opened) => opened,
        Err(e) => panic!("the generated file should open: {e}"),
    };
    let mut importer = importer;
    let mut n = 0u64;
    while let Some(item) = importer.next_record() {
        assert!(item.is_ok(), "{item:?}");
        n += 1;
    }
    assert_eq!(n, count);
    assert!(
        importer.bytes_read() > 400_000_000,
        "read {} bytes",
        importer.bytes_read()
    );
}

#[test]
fn excel_unicode_text_utf16_with_tabs_opens() {
    let text = "First Name\tLast Name\tEmail\tTotal Spent\tTotal Orders\r\nŁucja\tWęgrzyn\tl.w@example.pl\t12,50\t1\r\n";
    let mut data = vec![0xFF, 0xFE];
    data.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let (importer, description) = match open(std::io::Cursor::new(data), None) {
        Ok(opened) => opened,
        Err(e) => panic!("UTF-16 should open: {e}"),
    };
    assert_eq!(
        (
            description.encoding,
            description.delimiter,
            description.decimal
        ),
        ("UTF-16LE", '\t', ',')
    );
    let drained = drain(importer);
    let names: Vec<_> = drained
        .records
        .iter()
        .filter_map(|r| match &r.value {
            crate::Record::Customer(c) => Some((r.row, c.first_name.clone(), c.last_name.clone())),
            crate::Record::Order(_) => None,
        })
        .collect();
    assert_eq!(names, vec![(2, "Łucja".to_string(), "Węgrzyn".to_string())]);
}
