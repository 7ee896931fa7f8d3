//! Typed ids: a session's id cannot be passed where a coachee's or an
//! action's is expected. Each is the same UUID text as before, in the
//! database and in JSON.

use std::fmt;

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A new random id (a UUID v4).
            pub fn random() -> Self {
                Self(super::new_id())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        // Reading an id as text (to print it, shorten it, compare it with
        // what a user typed) needs no conversion.
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        // Hashes as its text does, so a map keyed by ids is looked up by text.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<&String> for $name {
            fn from(s: &String) -> Self {
                Self(s.clone())
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                String::column_result(value).map(Self)
            }
        }
    };
}

id_type!(
    /// A coachee's id.
    CoacheeId
);
id_type!(
    /// A session's id.
    SessionId
);
id_type!(
    /// An action's id.
    ActionId
);
id_type!(
    /// A goal's id.
    GoalId
);
id_type!(
    /// A topic's id.
    TopicId
);

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_id_reads_and_writes_as_its_text() {
        let id = SessionId::from("4f0c-a");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"4f0c-a\"");
        let back: SessionId = serde_json::from_str("\"4f0c-a\"").unwrap();
        assert_eq!(back, id);
        assert_eq!(id, "4f0c-a");
        assert_eq!(id.to_string(), "4f0c-a");
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let read: SessionId = conn.query_row("SELECT ?1", [&id], |r| r.get(0)).unwrap();
        assert_eq!(read, id);
        assert_ne!(SessionId::random(), SessionId::random());
    }
}
