//! Values between the store and PostgreSQL. The store speaks SQLite's types
//! (integers, reals, text, blobs, null); here they meet the column types
//! PostgreSQL inferred for each parameter, and PostgreSQL's results come back as
//! SQLite values, so a row is read the same way from either backend.

use bytes::{Buf, BufMut, BytesMut};
use rusqlite::types::Value;
use std::error::Error;
use tokio_postgres::types::{FromSql, IsNull, ToSql, Type};

type BoxError = Box<dyn Error + Sync + Send>;

/// One parameter, as SQLite's value, written as the type PostgreSQL expects.
#[derive(Debug)]
pub struct PgParam(pub Value);

fn mismatch(value: &Value, ty: &Type) -> BoxError {
    format!(
        "a {} parameter where PostgreSQL expects {ty}",
        value.data_type()
    )
    .into()
}

impl ToSql for PgParam {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match &self.0 {
            Value::Null => Ok(IsNull::Yes),
            Value::Integer(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::FLOAT4 => (*i as f32).to_sql(ty, out),
                Type::NUMERIC => {
                    write_numeric(*i, out);
                    Ok(IsNull::No)
                }
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    i.to_string().as_str().to_sql(&Type::TEXT, out)
                }
                _ => Err(mismatch(&self.0, ty)),
            },
            Value::Real(f) => match *ty {
                Type::FLOAT8 => f.to_sql(ty, out),
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR | Type::UNKNOWN => {
                    f.to_string().as_str().to_sql(&Type::TEXT, out)
                }
                _ => Err(mismatch(&self.0, ty)),
            },
            Value::Text(s) => match *ty {
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    s.as_str().to_sql(&Type::TEXT, out)
                }
                Type::INT8 => s.trim().parse::<i64>()?.to_sql(ty, out),
                Type::INT4 => s.trim().parse::<i32>()?.to_sql(ty, out),
                Type::FLOAT8 => s.trim().parse::<f64>()?.to_sql(ty, out),
                Type::JSONB => {
                    out.put_u8(1);
                    out.put_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                Type::JSON => {
                    out.put_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                _ => Err(mismatch(&self.0, ty)),
            },
            Value::Blob(b) => match *ty {
                Type::BYTEA | Type::UNKNOWN => b.as_slice().to_sql(&Type::BYTEA, out),
                _ => Err(mismatch(&self.0, ty)),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    tokio_postgres::types::to_sql_checked!();
}

/// An integer in NUMERIC's binary form (base 10,000 digits).
fn write_numeric(i: i64, out: &mut BytesMut) {
    let negative = i < 0;
    let mut n = i.unsigned_abs();
    let mut digits = Vec::new();
    while n > 0 {
        digits.push((n % 10_000) as i16);
        n /= 10_000;
    }
    digits.reverse();
    out.put_i16(digits.len() as i16);
    out.put_i16(digits.len().saturating_sub(1) as i16);
    out.put_u16(if negative { 0x4000 } else { 0 });
    out.put_u16(0);
    for d in digits {
        out.put_i16(d);
    }
}

/// A result column read as SQLite's value.
#[derive(Debug)]
pub struct PgCell(pub Value);

impl<'a> FromSql<'a> for PgCell {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        let value = match *ty {
            Type::BOOL => Value::Integer(i64::from(bool::from_sql(ty, raw)?)),
            Type::INT2 => Value::Integer(i64::from(i16::from_sql(ty, raw)?)),
            Type::INT4 => Value::Integer(i64::from(i32::from_sql(ty, raw)?)),
            Type::INT8 => Value::Integer(i64::from_sql(ty, raw)?),
            Type::OID => Value::Integer(i64::from(u32::from_sql(ty, raw)?)),
            Type::FLOAT4 => Value::Real(f64::from(f32::from_sql(ty, raw)?)),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::NUMERIC => read_numeric(raw)?,
            Type::BYTEA => Value::Blob(raw.to_vec()),
            Type::JSONB => Value::Text(String::from_utf8(
                raw.get(1..).unwrap_or_default().to_vec(),
            )?),
            _ => Value::Text(String::from_utf8(raw.to_vec())?),
        };
        Ok(PgCell(value))
    }

    fn from_sql_null(_: &Type) -> Result<Self, BoxError> {
        Ok(PgCell(Value::Null))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// NUMERIC (what `sum` of integers gives) as an integer when it has no
/// fraction and fits, else as a real.
fn read_numeric(mut raw: &[u8]) -> Result<Value, BoxError> {
    if raw.len() < 8 {
        return Err("a NUMERIC value too short".into());
    }
    let ndigits = raw.get_i16();
    let weight = raw.get_i16();
    let sign = raw.get_u16();
    let scale = raw.get_u16();
    if sign == 0xC000 {
        return Ok(Value::Real(f64::NAN));
    }
    let mut whole: Option<i64> = Some(0);
    let mut real = 0f64;
    let mut fraction = false;
    for i in 0..ndigits {
        if raw.len() < 2 {
            return Err("a NUMERIC value cut short".into());
        }
        let d = raw.get_i16();
        let power = i32::from(weight) - i32::from(i);
        real += f64::from(d) * 10_000f64.powi(power);
        if power < 0 {
            fraction |= d != 0;
        } else {
            whole = whole.and_then(|w| {
                10_000i64
                    .checked_pow(power as u32)
                    .and_then(|p| i64::from(d).checked_mul(p))
                    .and_then(|v| w.checked_add(v))
            });
        }
    }
    let negative = sign == 0x4000;
    Ok(match whole {
        Some(w) if !fraction && (scale == 0 || real.fract() == 0.0) => {
            Value::Integer(if negative { -w } else { w })
        }
        _ => Value::Real(if negative { -real } else { real }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numeric_round_trip(i: i64) -> Value {
        let mut out = BytesMut::new();
        write_numeric(i, &mut out);
        read_numeric(&out).expect("readable")
    }

    #[test]
    fn integers_survive_numeric() {
        for i in [
            0,
            1,
            -1,
            9_999,
            10_000,
            123_456_789,
            -987_654_321_012,
            i64::MAX / 3,
        ] {
            assert_eq!(numeric_round_trip(i), Value::Integer(i), "{i}");
        }
    }

    #[test]
    fn a_fraction_reads_as_real() {
        // 12.5: weight 0, digits [12, 5000], scale 1.
        let mut raw = BytesMut::new();
        raw.put_i16(2);
        raw.put_i16(0);
        raw.put_u16(0);
        raw.put_u16(1);
        raw.put_i16(12);
        raw.put_i16(5000);
        assert_eq!(read_numeric(&raw).expect("readable"), Value::Real(12.5));
    }
}
