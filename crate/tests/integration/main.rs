//! Integration tests of growth-model against closed forms, one file per topic.
mod audit;
mod classes;
mod dynamics;
mod precision;
mod production;
mod properties;
mod research;
mod scenarios;
