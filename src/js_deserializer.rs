//! A serde deserializer over a parsed JSON value, as strict as `serde_json` where the model
//! relies on it: unknown fields are refused (`deny_unknown_fields`), integers must be whole and
//! in range, numbers finite, and nesting is limited to 128 levels.
//!
//! Written here rather than taken from `serde-wasm-bindgen` (0.8 KiB smaller): that crate
//! accepts unknown fields silently and has no nesting limit, and a hostile report.json nested
//! thousands of levels deep must get a message, not a stack overflow (docs/performance.md).

use std::fmt;

use js_sys::{Array, Number, Object};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Expected, IntoDeserializer, Unexpected, Visitor,
};
use wasm_bindgen::{JsCast, JsValue};

/// `serde_json`'s limit.
const MAX_DEPTH: u32 = 128;

/// What is wrong, as serde words it ("missing field `title`").
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    fn invalid_type(unexp: Unexpected, exp: &dyn Expected) -> Self {
        Error(format!(
            "invalid type: {}, expected {exp}",
            unexpected(unexp)
        ))
    }

    fn invalid_value(unexp: Unexpected, exp: &dyn Expected) -> Self {
        Error(format!(
            "invalid value: {}, expected {exp}",
            unexpected(unexp)
        ))
    }
}

/// serde's wording of `u`, without the float formatter.
fn unexpected(u: Unexpected) -> String {
    match u {
        Unexpected::Bool(b) => format!("boolean `{b}`"),
        Unexpected::Unsigned(i) => format!("integer `{i}`"),
        Unexpected::Signed(i) => format!("integer `{i}`"),
        Unexpected::Str(s) => format!("string {s:?}"),
        Unexpected::Unit => "null".to_string(),
        Unexpected::Seq => "sequence".to_string(),
        Unexpected::Map => "map".to_string(),
        Unexpected::Other(o) => o.to_string(),
        _ => "value".to_string(),
    }
}

pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    T::deserialize(Value { v: value, depth: 0 })
}

struct Value {
    v: JsValue,
    depth: u32,
}

impl Value {
    fn invalid(&self, exp: &dyn Expected) -> Error {
        let s;
        let unexpected = if self.v.is_null() || self.v.is_undefined() {
            Unexpected::Unit
        } else if let Some(b) = self.v.as_bool() {
            Unexpected::Bool(b)
        } else if let Some(i) = self.integer() {
            Unexpected::Signed(i)
        } else if self.v.as_f64().is_some() {
            Unexpected::Other("floating point")
        } else if let Some(t) = self.v.as_string() {
            s = t;
            Unexpected::Str(&s)
        } else if Array::is_array(&self.v) {
            Unexpected::Seq
        } else {
            Unexpected::Map
        };
        de::Error::invalid_type(unexpected, exp)
    }

    /// The number, if it is a whole number JavaScript holds exactly.
    fn integer(&self) -> Option<i64> {
        Number::is_safe_integer(&self.v).then(|| self.v.as_f64().unwrap_or_default() as i64)
    }

    fn nested(&self) -> Result<u32, Error> {
        if self.depth >= MAX_DEPTH {
            return Err(Error("recursion limit exceeded".to_string()));
        }
        Ok(self.depth + 1)
    }

    fn string(&self, exp: &dyn Expected) -> Result<String, Error> {
        self.v.as_string().ok_or_else(|| self.invalid(exp))
    }
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.v.is_null() || self.v.is_undefined() {
            visitor.visit_unit()
        } else if let Some(b) = self.v.as_bool() {
            visitor.visit_bool(b)
        } else if self.v.as_f64().is_some() {
            match self.integer() {
                Some(i) => visitor.visit_i64(i),
                None => self.deserialize_f64(visitor),
            }
        } else if self.v.is_string() {
            self.deserialize_string(visitor)
        } else if Array::is_array(&self.v) {
            self.deserialize_seq(visitor)
        } else {
            self.deserialize_map(visitor)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.v.is_null() || self.v.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.v.as_f64() {
            Some(n) if n.is_finite() => visitor.visit_f64(n),
            Some(_) => Err(Error("number out of range".to_string())),
            None => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.integer() {
            Some(i) => visitor.visit_i64(i),
            None => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.integer() {
            Some(i) if i >= 0 => visitor.visit_u64(i as u64),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let s = self.string(&visitor)?;
        visitor.visit_string(s)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if !Array::is_array(&self.v) {
            return Err(self.invalid(&visitor));
        }
        let depth = self.nested()?;
        let items: Array = self.v.unchecked_into();
        visitor.visit_seq(Seq {
            len: items.length(),
            items,
            next: 0,
            depth,
        })
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if !self.v.is_object() || Array::is_array(&self.v) {
            return Err(self.invalid(&visitor));
        }
        let depth = self.nested()?;
        let entries = Object::entries(self.v.unchecked_ref());
        visitor.visit_map(Map {
            len: entries.length(),
            entries,
            next: 0,
            value: JsValue::UNDEFINED,
            depth,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    /// Unit variants, written as their name (`"rate"`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let name = self.string(&visitor)?;
        visitor.visit_enum(name.into_deserializer())
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool char bytes byte_buf unit unit_struct newtype_struct tuple tuple_struct i128 u128
    }
}

struct Seq {
    items: Array,
    len: u32,
    next: u32,
    depth: u32,
}

impl<'de> de::SeqAccess<'de> for Seq {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.next >= self.len {
            return Ok(None);
        }
        let v = self.items.get(self.next);
        self.next += 1;
        seed.deserialize(Value {
            v,
            depth: self.depth,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.next) as usize)
    }
}

struct Map {
    entries: Array,
    len: u32,
    next: u32,
    value: JsValue,
    depth: u32,
}

impl<'de> de::MapAccess<'de> for Map {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.next >= self.len {
            return Ok(None);
        }
        let entry: Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.value = entry.get(1);
        let key = entry.get(0).as_string().unwrap_or_default();
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let v = std::mem::replace(&mut self.value, JsValue::UNDEFINED);
        seed.deserialize(Value {
            v,
            depth: self.depth,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.next) as usize)
    }
}
