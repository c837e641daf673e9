package io.tursoj.shell;

import io.tursoj.io.Clock;
import java.io.PrintStream;

/** {@code .timer on}: the wall-clock time of each statement (the machine clock, read through {@link Clock}), printed as sqlite3 does ({@code Run Time: real N}). */
final class Timer {
    private long startNanos;

    void start() {
        startNanos = Clock.SYSTEM.monotonicNanos();
    }

    void stop(PrintStream out) {
        if (out != null) {
            double seconds = (Clock.SYSTEM.monotonicNanos() - startNanos) / 1e9;
            out.printf("Run Time: real %.3f user %.6f sys %.6f%n", seconds, 0.0, 0.0);
        }
    }
}
