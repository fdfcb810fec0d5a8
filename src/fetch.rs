//! Loading the report: one fetch helper, every failure turned into a message for the page.
//!
//! The browser parses the JSON (`JSON.parse`), and [`de`] reads the resulting JavaScript value
//! into the typed [`Report`] with the model's own serde rules: the page ships no JSON parser.

use report_model::{check_schema_version, Report};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse(text)`, on a string that stays in JavaScript.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// The report URL the deployer set in `<meta name="report-src">`, resolved against the page.
/// Only a same-origin URL is accepted, and no URL parameter can change it: the page must never
/// show another origin's content under the government's domain.
pub fn report_src() -> String {
    let from_meta = crate::browser::document()
        .and_then(|d| d.query_selector("meta[name=report-src]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .and_then(|s| same_origin_url(&s));
    from_meta.unwrap_or_else(|| "report.json".to_string())
}

/// `src` resolved against the page's address, if it stays on the page's origin. Resolving
/// (rather than inspecting the string) catches `//host`, `/\host`, `http:host` and the like.
fn same_origin_url(src: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let page = location.href().ok()?;
    let url = web_sys::Url::new_with_base(src, &page).ok()?;
    (url.origin() == location.origin().ok()?).then(|| url.href())
}

/// Fetches and parses the report; the error is a sentence for a person.
pub async fn load_report(url: &str) -> Result<Report, String> {
    load_report_with(url, false).await.map(|(report, _)| report)
}

/// Fetches and parses the report and, when asked, fingerprints its text
/// ([`page_logic::report_fingerprint`], as the build does) to compare it with the rendering
/// the page came with. Only then is the text copied into the wasm.
pub async fn load_report_with(
    url: &str,
    fingerprint: bool,
) -> Result<(Report, Option<String>), String> {
    let resp = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("无法获取报告数据（{url}）：{e}"))?;
    if !resp.ok() {
        return Err(format!(
            "无法获取报告数据（{url}）：服务器返回 {} {}",
            resp.status(),
            resp.status_text()
        ));
    }
    // The body stays a JavaScript string: JSON.parse reads it where it is, no copy into wasm.
    let text = match web_sys::Response::from(resp).text() {
        Ok(p) => JsFuture::from(p).await,
        Err(e) => Err(e),
    }
    .map_err(|e| format!("报告数据读取中断（{url}）：{}", js_text(&e)))?;
    let print = fingerprint
        .then(|| text.as_string())
        .flatten()
        .map(|t| page_logic::report_fingerprint(&t));
    let value =
        json_parse(&text).map_err(|e| format!("报告数据格式有误（{url}）：{}", js_message(&e)))?;
    // The version first: an older (or newer) file gets the publisher's message, not a complaint
    // about a field this version does not know.
    let version = schema_version(&value)
        .ok_or_else(|| format!("报告数据格式有误（{url}）：不是带 schema_version 的报告对象"))?;
    check_schema_version(&version).map_err(|e| format!("{e}（{url}）"))?;
    let report: Report =
        de::from_value(value).map_err(|e| format!("报告数据格式有误（{url}）：{}", e.0))?;
    Ok((report, print))
}

/// The `schema_version` of a parsed report, as text; `None` when the value is not an object
/// or has no such string (then it is no report at all, old or new).
fn schema_version(value: &JsValue) -> Option<String> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return None;
    }
    js_sys::Reflect::get(value, &JsValue::from_str("schema_version"))
        .ok()
        .and_then(|v| v.as_string())
}

/// `value.toString()`: "TypeError: Failed to fetch" for an error.
fn js_text(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        return s;
    }
    value.unchecked_ref::<js_sys::Object>().to_string().into()
}

/// An exception's message ("Unexpected token '<', "<html>port"... is not valid JSON").
fn js_message(value: &JsValue) -> String {
    match value.dyn_ref::<js_sys::Error>() {
        Some(e) => e.message().into(),
        None => js_text(value),
    }
}

/// A serde deserializer over a parsed JSON value, as strict as `serde_json` where the model
/// relies on it: unknown fields are refused (`deny_unknown_fields`), integers must be whole and
/// in range, numbers finite, and nesting is limited to 128 levels.
mod de {
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
}
