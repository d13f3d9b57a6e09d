package org.paramprediction.console;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The console of a long-running command: a start line, progress lines and a summary ({@link #line}),
 * detail that only {@code --verbose} prints ({@link #detail}), and, when stdout is a terminal, one live
 * line ({@link #live}: a carriage return and no newline) that the next line overwrites. Off a terminal
 * (a file, a pipe, a test) and with {@code --verbose} the live line is never printed, so logs hold
 * whole lines only.
 */
public final class Console {

    private final PrintStream out;
    private final boolean verbose;
    private final boolean terminal;
    private int liveWidth; // characters of the live line now on screen, 0 when there is none

    public Console(PrintStream out, boolean verbose, boolean terminal) {
        this.out = out;
        this.verbose = verbose;
        this.terminal = terminal;
    }

    /** The console of a command: {@code System.out}, live when it is a terminal ({@code System.console()}). */
    public static Console system(boolean verbose) {
        return new Console(System.out, verbose, System.console() != null);
    }

    /** Lines only: no detail, no live line (library callers and tests that give their own stream). */
    public static Console quiet(PrintStream out) {
        return new Console(out, false, false);
    }

    public boolean verbose() {
        return verbose;
    }

    /** A line always printed: start, progress, summary, warnings. Clears the live line first. */
    public synchronized void line(String text) {
        clearLive();
        out.println(text);
        out.flush();
    }

    /** {@link #line} of a {@code String.format} in the ROOT locale (no trailing newline in {@code format}). */
    public void line(String format, Object... args) {
        line(String.format(Locale.ROOT, format, args));
    }

    /** A line printed only with {@code --verbose}. */
    public synchronized void detail(String text) {
        if (verbose) {
            line(text);
        }
    }

    /**
     * Replaces the live line (terminal only, never with {@code --verbose}, whose detail lines say the
     * same): carriage return, the text, blanks over what is left of a longer previous live line.
     */
    public synchronized void live(String text) {
        if (!terminal || verbose) {
            return;
        }
        String blanks = " ".repeat(Math.max(0, liveWidth - text.length()));
        out.print("\r" + text + blanks);
        out.flush();
        liveWidth = text.length();
    }

    /** The stream, with the live line cleared, for a caller that prints a table itself. */
    public synchronized PrintStream stream() {
        clearLive();
        return out;
    }

    /** Where detail goes: the stream with {@code --verbose}, else a stream that drops everything. */
    public PrintStream detailStream() {
        return verbose ? stream() : new PrintStream(PrintStream.nullOutputStream());
    }

    private void clearLive() {
        if (liveWidth > 0) {
            out.print("\r" + " ".repeat(liveWidth) + "\r");
            liveWidth = 0;
        }
    }
}
