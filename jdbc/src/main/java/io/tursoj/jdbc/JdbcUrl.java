package io.tursoj.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:tursoj:} URL: the database path ({@code :memory:} for a private in-memory one) and its
 * settings, from the URL's query string first and then from the {@link Properties} given to
 * {@link java.sql.Driver#connect} (a URL parameter wins, as in SQLite's URI filenames).
 *
 * <p>Accepted forms: {@code jdbc:tursoj:PATH}, {@code jdbc:tursoj::memory:}, {@code jdbc:tursoj:file:PATH?k=v&...}
 * and {@code jdbc:tursoj:file::memory:}. An empty path is an in-memory database, as in sqlite-jdbc.
 */
record JdbcUrl(String path, Map<String, String> settings) {
    static final String PREFIX = "jdbc:tursoj:";

    static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    static JdbcUrl parse(String url, Properties info) {
        String rest = url.substring(PREFIX.length());
        Map<String, String> settings = new LinkedHashMap<>();
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                settings.put(name.toLowerCase(Locale.ROOT), info.getProperty(name));
            }
        }
        boolean uri = rest.startsWith("file:");
        if (uri) {
            rest = rest.substring("file:".length());
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
            }
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                settings.put(decode(key).toLowerCase(Locale.ROOT), decode(value));
            }
            rest = rest.substring(0, q);
        }
        if (uri) {
            rest = decode(rest);
        }
        boolean memory = rest.isEmpty() || rest.equals(":memory:") || "memory".equals(settings.get("mode"));
        return new JdbcUrl(memory ? ":memory:" : rest, Map.copyOf(settings));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    boolean isMemory() {
        return path.equals(":memory:");
    }

    /** {@code io=uring|nio|sim}: the I/O backend; null picks the best available one. */
    String ioBackend() {
        return settings.get("io");
    }

    /** {@code mode=ro}, or {@code open_mode}/{@code readonly} as other drivers spell it. */
    boolean readOnly() {
        return "ro".equals(settings.get("mode"))
                || Boolean.parseBoolean(settings.get("readonly"))
                || Boolean.parseBoolean(settings.get("read_only"));
    }

    /** {@code mode=rw}: the file must exist. */
    boolean mustExist() {
        return readOnly() || "rw".equals(settings.get("mode"));
    }

    /** How long a connection waits for another's transaction before SQLITE_BUSY (sqlite-jdbc's default: 3 s). */
    long busyTimeoutMillis() {
        String v = settings.getOrDefault("busy_timeout", settings.get("busytimeout"));
        return v == null ? 3000 : Long.parseLong(v.strip());
    }

    /** {@code page_size} for a new database. */
    int pageSizeBytes() {
        String v = settings.get("page_size");
        return v == null ? 4096 : Integer.parseInt(v.strip());
    }
}
