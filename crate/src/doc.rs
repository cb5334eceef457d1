//! Descriptions that only documented builds carry.

/// A description of a model, parameter or control. Builds with the `docs` feature (the
/// default, the command-line tool, the widgets' build-time declarations) keep the text;
/// others compile it out, so the widgets' WebAssembly, which never shows it, ships none of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Doc {
    #[cfg(feature = "docs")]
    text: &'static str,
}

impl Doc {
    /// Wraps `text`, kept only with the `docs` feature (const, so declarations stay static).
    pub const fn new(text: &'static str) -> Self {
        #[cfg(not(feature = "docs"))]
        let _ = text;
        Doc {
            #[cfg(feature = "docs")]
            text,
        }
    }

    /// The text, or "" in a build without the `docs` feature.
    pub const fn text(&self) -> &'static str {
        #[cfg(feature = "docs")]
        return self.text;
        #[cfg(not(feature = "docs"))]
        return "";
    }
}

#[cfg(all(test, feature = "docs"))]
mod tests {
    use super::Doc;

    #[test]
    fn keeps_its_text_with_docs() {
        assert_eq!(Doc::new("capital").text(), "capital");
    }
}
