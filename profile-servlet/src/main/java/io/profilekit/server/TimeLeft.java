package io.profilekit.server;

import java.util.Locale;

/**
 * The time left that a run's progress lines tell, from the rate since the line before: the
 * first seconds of a run are its slowest (connections opening, the JVM still compiling), and
 * an estimate that counts them can say half an hour for a run of seconds. The first line tells
 * none. One per run; not thread-safe.
 */
final class TimeLeft {

    private final double total;
    private double lastSeconds = Double.NaN;
    private double lastDone;

    /** @param total how much work the run has, in the unit {@link #after} is told */
    TimeLeft(double total) {
        this.total = total;
    }

    /**
     * {@code ", about 12 s left"} (or minutes) once {@code done} of the work is done after
     * {@code seconds}; nothing on the first line, or when nothing was done since the last.
     */
    String after(double seconds, double done) {
        double sinceSeconds = seconds - lastSeconds;
        double sinceDone = done - lastDone;
        boolean first = Double.isNaN(lastSeconds);
        lastSeconds = seconds;
        lastDone = done;
        if (first || sinceSeconds <= 0 || sinceDone <= 0) {
            return "";
        }
        long left = Math.round(Math.max(total - done, 0) / (sinceDone / sinceSeconds));
        return String.format(Locale.ROOT, ", about %s left", left < 60 ? left + " s" : (left / 60) + " min");
    }
}
