//! The call for issues (see the parent module).
