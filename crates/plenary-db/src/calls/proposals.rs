//! Session proposals, their people, screening results and report flags (see the parent module).
