//! newsearch: full-text search for French news articles.
//!
//! Data flows one way: files → [`extract`] → [`article::Article`] → [`analysis`] → [`index`];
//! query text → [`search`] → [`results`] → [`output`].

pub mod analysis;
pub mod arguments;
pub mod article;
pub mod cli;
pub mod commands;
pub mod config;
pub mod date;
pub mod engine;
pub mod error;
pub mod extract;
pub mod index;
pub mod output;
pub mod results;
pub mod search;
pub mod serve;
