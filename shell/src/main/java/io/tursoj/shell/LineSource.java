package io.tursoj.shell;

import java.io.IOException;

/** Where the shell's input lines come from: a script or pipe, or the line editor on a terminal. */
interface LineSource {
    /** The next line without its terminator, or null at the end of input. */
    String readLine(boolean continuation) throws IOException;
}
