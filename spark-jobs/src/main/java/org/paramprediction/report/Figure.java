package org.paramprediction.report;

/**
 * One entry of the report's index: a written PNG ({@code file} relative to the report directory)
 * with its title and caption, or, when {@code file} is null, a plot that was skipped and why.
 */
public record Figure(String file, String title, String caption) {

    public static Figure skipped(String title, String reason) {
        return new Figure(null, title, reason);
    }

    public boolean written() {
        return file != null;
    }
}
