//! `stored_names!`: an enum's names as the database stores them (`as_str`,
//! `parse`) and comparing it with a stored `&str`.

macro_rules! stored_names {
    ($($ty:ident { $($variant:ident = $name:literal),* })*) => {$(
        impl $ty {
            /// The stored name.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)*
                }
            }

            /// Reads a stored name.
            pub fn parse(s: &str) -> Option<$ty> {
                match s {
                    $($name => Some($ty::$variant),)*
                    _ => None,
                }
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    )*};
}
