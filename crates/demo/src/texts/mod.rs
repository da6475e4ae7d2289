//! What people write: staff notes on a customer (in the customer's language, as
//! the shop records it), checkout notes and gift messages (in the customer's own
//! language, German included), and the names of the small businesses that buy
//! wholesale.

mod companies;
mod messages;
mod notes;

pub(crate) use companies::company_name;
pub(crate) use messages::{customer_note, gift_message};
pub(crate) use notes::{staff_note, NoteTopic};
