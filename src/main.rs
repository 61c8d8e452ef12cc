//! The `newsearch` binary: the program is the library's `main`, so the command line stays internal.

fn main() -> std::process::ExitCode {
    newsearch::main()
}
