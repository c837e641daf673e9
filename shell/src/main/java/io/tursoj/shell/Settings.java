package io.tursoj.shell;

import io.tursoj.shell.output.OutputModes;
import io.tursoj.shell.output.OutputSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shell's mutable settings: what the dot commands change and {@code .show} prints. */
public final class Settings {
    public String mode;
    public boolean headers;
    /** Whether {@code .headers} was used: then a columnar mode no longer turns headers on by itself. */
    public boolean headersSet;

    public String nullValue = "";
    public String columnSeparator = "|";
    public String rowSeparator = "\n";
    public boolean echo;
    public boolean bail;
    public boolean timer;
    public boolean stats;
    public String eqp = "off";
    public int timeoutMs;
    public String insertTable = "table";
    /** {@code .parameter set} values by name ({@code :x}, {@code @x}, {@code $x}, {@code ?N}). */
    public final Map<String, Object> parameters = new LinkedHashMap<>();

    Settings(String mode) {
        setMode(mode);
    }

    /** Switches the output mode; a columnar mode turns headers on unless {@code .headers} chose, as in sqlite3. */
    public void setMode(String newMode) {
        mode = newMode;
        if (!headersSet && OutputModes.showsHeaderByDefault(newMode)) {
            headers = true;
        }
    }

    public OutputSettings output() {
        return new OutputSettings(headers, nullValue, columnSeparator, rowSeparator, insertTable);
    }
}
