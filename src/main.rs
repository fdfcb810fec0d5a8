//! The report page in the browser: starts the app ([`report_page::start`]), which takes over
//! the page the build rendered (or renders it afresh).

fn main() {
    report_page::start();
}
