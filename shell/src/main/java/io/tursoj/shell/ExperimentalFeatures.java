package io.tursoj.shell;

import io.tursoj.api.Statement;
import io.tursoj.api.TursoException;
import java.io.PrintStream;

/**
 * {@code --experimental-mvcc} and {@code --experimental-views}: accepted, and each says plainly on standard error
 * whether the engine has the feature. Views are probed by preparing (never running) a CREATE VIEW, so the answer
 * follows the engine as views land.
 */
final class ExperimentalFeatures {
    private ExperimentalFeatures() {}

    static void announce(Shell shell, Options options, PrintStream err) {
        if (options.experimentalMvcc()) {
            err.println("Warning: --experimental-mvcc: MVCC is not available in TursoJ yet; the database uses WAL");
        }
        if (options.experimentalViews() && !viewsAvailable(shell)) {
            err.println("Warning: --experimental-views: views are not available in TursoJ yet");
        }
    }

    private static boolean viewsAvailable(Shell shell) {
        try (Statement s = shell.connection().prepare("CREATE VIEW tursodb_views_probe AS SELECT 1")) {
            return s.columnCount() >= 0;
        } catch (TursoException e) {
            return false;
        }
    }
}
