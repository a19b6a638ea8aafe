//! Crate docs.

/// Parses input.
///
/// # Errors
/// Fails on empty input.
#[derive(Debug)]
#[must_use]
pub fn parse(s: &str) -> Result<(), Error> { todo!() }
