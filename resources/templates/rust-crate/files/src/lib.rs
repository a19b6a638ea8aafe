//! {{project_name}}: {{description}}

use std::fmt;

/// The error returned when there is nobody to greet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmptyName;

impl fmt::Display for EmptyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("name must not be empty")
    }
}

impl std::error::Error for EmptyName {}

/// Returns a friendly greeting for `name`.
///
/// ```
/// assert_eq!({{crate_name}}::greet("Ada").unwrap(), "Hello, Ada!");
/// ```
pub fn greet(name: &str) -> Result<String, EmptyName> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EmptyName);
    }
    Ok(format!("Hello, {name}!"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greets_by_name() {
        assert_eq!(greet("Ada").unwrap(), "Hello, Ada!");
    }

    #[test]
    fn trims_whitespace() {
        assert_eq!(greet("  Ada ").unwrap(), "Hello, Ada!");
    }

    #[test]
    fn rejects_empty_name() {
        assert_eq!(greet("   "), Err(EmptyName));
    }
}
