package io.tursoj.shell;

import java.io.PrintStream;

/** {@code .timer on}: the wall-clock time of each statement, printed as sqlite3 does ({@code Run Time: real N}). */
final class Timer {
    private long startNanos;

    void start() {
        startNanos = System.nanoTime();
    }

    void stop(PrintStream out) {
        if (out != null) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            out.printf("Run Time: real %.3f user %.6f sys %.6f%n", seconds, 0.0, 0.0);
        }
    }
}
