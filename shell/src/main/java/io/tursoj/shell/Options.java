package io.tursoj.shell;

/**
 * The command line of {@code tursodb}, as parsed by {@link OptionParser}.
 *
 * @param database the database path ({@code :memory:} when none was given)
 * @param databaseGiven whether a DATABASE argument was given (the banner differs)
 * @param sql SQL to run instead of reading standard input, or null
 * @param outputMode the output mode name
 * @param ioBackend the I/O backend name, or null for the best available one
 */
public record Options(
        String database,
        boolean databaseGiven,
        String sql,
        String outputMode,
        boolean quiet,
        boolean echo,
        boolean readonly,
        boolean help,
        boolean version,
        boolean mcp,
        boolean experimentalMvcc,
        boolean experimentalViews,
        String output,
        String ioBackend,
        String tracingOutput) {}
