//! Tests for `calls::selection`.
