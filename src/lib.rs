//! newsearch: full-text search for French news articles.
//!
//! The `newsearch` program is [`main`]. The public modules are the library the tests, the
//! benchmarks and the fuzz targets use: files → [`extract`] → [`article::Article`] →
//! [`analysis`] → [`index`]; query text → [`search`] → [`results`]. The command line, the
//! engines, the printers and the server are internal (`pub(crate)`).
#![warn(unreachable_pub)]

pub mod analysis;
mod arguments;
pub mod article;
mod cli;
mod command_line;
mod commands;
mod config;
pub mod date;
mod engine;
pub mod error;
pub mod extract;
pub mod index;
mod output;
pub mod results;
pub mod search;
mod serve;

pub use command_line::main;
