//! Talking HTTP to a shop: timeouts, bounded retries with backoff, the shop's
//! "wait" answers (429 and 503 with `Retry-After`), and the count of requests
//! and of time spent waiting, for the run's record.

pub mod backoff;
pub mod transport;

pub use backoff::Policy;
pub use transport::{Answer, Call, Method, Transport};
