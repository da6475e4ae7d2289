//! The dispatch desk: slips chosen and logged, orders packed, the shop's logo for slips.

pub(crate) mod packing;
pub(crate) mod shop_logo;
pub(crate) mod slips;
