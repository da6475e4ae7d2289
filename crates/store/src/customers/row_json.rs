//! Rows as JSON objects keyed by column name, and back (inserted, or set on
//! an existing row): what a customer export writes, and how a merge keeps and
//! changes the rows it may have to put back.

use crate::db::{params_from_iter, Connection, Value};
use crate::error::{Result, StoreError};
use serde_json::{Map, Number, Value as Json};

/// A JSON object per row of `sql` run with `id`, without the columns in `skip`.
pub(crate) fn rows(conn: &Connection, sql: &str, id: i64, skip: &[&str]) -> Result<Vec<Json>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let names = stmt.column_names();
    let n = names.len();
    let values: Vec<Vec<Value>> = stmt
        .query_map([id], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())?
        .collect::<crate::db::Result<_>>()?;
    Ok(values
        .into_iter()
        .map(|row| {
            let object: Map<String, Json> = names
                .iter()
                .zip(row)
                .filter(|(name, _)| !skip.contains(&name.as_str()))
                .map(|(name, v)| (name.clone(), to_json(v)))
                .collect();
            Json::Object(object)
        })
        .collect())
}

fn to_json(v: Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Integer(i) => Json::Number(i.into()),
        Value::Real(f) => Number::from_f64(f).map_or(Json::Null, Json::Number),
        Value::Text(t) => Json::String(t),
        Value::Blob(b) => Json::String(b.iter().map(|x| format!("{x:02x}")).collect()),
    }
}

fn from_json(v: &Json) -> Result<Value> {
    Ok(match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap_or_default()),
        },
        Json::String(s) => Value::Text(s.clone()),
        other => {
            return Err(StoreError::Invalid(format!(
                "a kept row holds {other}, which is no column value"
            )))
        }
    })
}

/// Sets the columns `object` names (but `id`) of the row of `table` with `id`.
pub(crate) fn update(
    conn: &Connection,
    table: &str,
    id: i64,
    object: &Map<String, Json>,
) -> Result<()> {
    let cols: Vec<(&String, &Json)> = object.iter().filter(|(c, _)| c.as_str() != "id").collect();
    let sets: Vec<String> = cols
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("\"{c}\" = ?{}", i + 1))
        .collect();
    let mut values = cols
        .iter()
        .map(|(_, v)| from_json(v))
        .collect::<Result<Vec<_>>>()?;
    values.push(Value::Integer(id));
    conn.execute(
        &format!(
            "UPDATE {table} SET {} WHERE id = ?{}",
            sets.join(", "),
            sets.len() + 1
        ),
        params_from_iter(values.iter()),
    )?;
    Ok(())
}

/// Inserts each object of `rows` into `table`, with the columns it names
/// (ids included: the rows come back as they were).
pub(crate) fn insert(conn: &Connection, table: &str, rows: &[Json]) -> Result<()> {
    for row in rows {
        let Json::Object(object) = row else {
            return Err(StoreError::Invalid(format!(
                "a kept row of {table} is not an object"
            )));
        };
        let names: Vec<String> = object.keys().map(|k| format!("\"{k}\"")).collect();
        let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
        let overriding = if conn.is_postgres() && object.contains_key("id") {
            " OVERRIDING SYSTEM VALUE"
        } else {
            ""
        };
        let values = object.values().map(from_json).collect::<Result<Vec<_>>>()?;
        conn.prepare_cached(&format!(
            "INSERT INTO {table} ({}){overriding} VALUES ({})",
            names.join(", "),
            marks.join(", ")
        ))?
        .execute(params_from_iter(values.iter()))?;
    }
    Ok(())
}
