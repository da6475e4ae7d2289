//! Whatever bytes a file holds, opening and reading it never panics and
//! always ends: random bytes, random CSV-like text under a Shopify header, and
//! random edits of the real fixtures.

use crate::open;
use crate::sniff::fixture::bytes;
use proptest::prelude::*;
use std::io::Cursor;

/// Opens and drains `data`; the number of items bounds a runaway importer.
fn open_and_drain(data: Vec<u8>) {
    if let Ok((mut importer, _)) = open(Cursor::new(data), None) {
        let mut items = 0usize;
        while importer.next_record().is_some() {
            items += 1;
            assert!(items < 1_000_000, "the importer never ends");
        }
    }
}

/// An edit of a file.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
}

fn apply(mut data: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        if data.is_empty() {
            break;
        }
        match *edit {
            Edit::Replace(at, byte) => {
                let i = at % data.len();
                data[i] = byte;
            }
            Edit::Insert(at, byte) => data.insert(at % (data.len() + 1), byte),
            Edit::Delete(at) => {
                data.remove(at % data.len());
            }
            Edit::Truncate(at) => data.truncate(at % (data.len() + 1)),
        }
    }
    data
}

/// Bytes that matter to CSV, encodings and amounts, plus any byte.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => prop::sample::select(b",;\t\"\r\n\0'.:- 0123456789#aZ".to_vec()),
        1 => any::<u8>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), interesting_byte()).prop_map(|(at, b)| Edit::Replace(at, b)),
        4 => (any::<usize>(), interesting_byte()).prop_map(|(at, b)| Edit::Insert(at, b)),
        2 => any::<usize>().prop_map(Edit::Delete),
        1 => any::<usize>().prop_map(Edit::Truncate),
    ]
}

const FIXTURES: [&str; 5] = [
    "shopify-orders.csv",
    "shopify-orders-cp1250-semicolon.csv",
    "shopify-orders-bad-rows.csv",
    "shopify-customers-cp1251.csv",
    "shopify-customers-bom-crlf.csv",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(data in prop::collection::vec(any::<u8>(), 0..4096)) {
        open_and_drain(data);
    }

    #[test]
    fn csv_like_noise_under_a_shopify_header_never_panics(
        body in prop::collection::vec(interesting_byte(), 0..4096),
        customers in any::<bool>(),
    ) {
        let header: &[u8] = if customers {
            b"First Name,Last Name,Email,Phone,Tags,Total Spent,Total Orders\n"
        } else {
            b"Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Cancelled at,Paid at\n"
        };
        let mut data = header.to_vec();
        data.extend(body);
        open_and_drain(data);
    }

    #[test]
    fn edited_fixtures_never_panic(
        which in 0..FIXTURES.len(),
        edits in prop::collection::vec(edit(), 1..24),
    ) {
        open_and_drain(apply(bytes(FIXTURES[which]), &edits));
    }
}
