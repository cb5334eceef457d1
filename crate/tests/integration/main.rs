//! Integration tests of growth-model against closed forms, one file per topic.
mod production;
mod research;
