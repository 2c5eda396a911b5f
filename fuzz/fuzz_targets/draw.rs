//! Any document: wrapped, highlighted and drawn with no raw control character on screen.
#![no_main]
use gazette::corpus::Corpus;
use gazette::tui::app::App;
use gazette::tui::theme::Theme;
use libfuzzer_sys::fuzz_target;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

fuzz_target!(|text: &str| {
    let mut corpus = Corpus::default();
    corpus.push_bytes("x.txt".into(), text.as_bytes());
    let index = gazette::cli::analyze(&corpus);
    let app = App::new(corpus, index, Theme { color: true }, Rect::new(0, 0, 80, 24));
    let Ok(mut terminal) = Terminal::new(TestBackend::new(80, 24));
    let _ = terminal.draw(|f| gazette::tui::view::draw(f, &app));
    for cell in terminal.backend().buffer().content() {
        assert!(!cell.symbol().chars().any(|c| c.is_control()));
    }
});
