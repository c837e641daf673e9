package io.tursoj.shell.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits MCP's stdio stream into messages: one per line, UTF-8, ended by LF (a CR before it is dropped). A line longer
 * than the limit is skipped to its end without being kept, so a hostile or runaway client cannot make the server hold
 * more than {@code maxMessageBytes}; the caller answers it with one error. The last line may lack its LF when the
 * client closed the stream mid-message.
 */
final class MessageReader {
    /** One line of input, classified before any JSON is read. */
    sealed interface Line {
        record Text(String text) implements Line {}

        record TooLong(long lengthBytes) implements Line {}

        record NotUtf8() implements Line {}
    }

    private final InputStream in;
    private final int maxMessageBytes;
    private final byte[] buffer = new byte[8192];
    private int bufferPos;
    private int bufferEnd;
    private byte[] line = new byte[1024];

    MessageReader(InputStream in, int maxMessageBytes) {
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        int length = 0;
        long totalBytes = 0;
        boolean any = false;
        for (; ; ) {
            if (bufferPos == bufferEnd) {
                int n = in.read(buffer);
                if (n <= 0) {
                    return any ? finish(length, totalBytes) : null;
                }
                bufferPos = 0;
                bufferEnd = n;
            }
            any = true;
            byte b = buffer[bufferPos++];
            if (b == '\n') {
                return finish(length, totalBytes);
            }
            totalBytes++;
            if (totalBytes <= maxMessageBytes) {
                if (length == line.length) {
                    line = java.util.Arrays.copyOf(line, Math.min(maxMessageBytes, line.length * 2));
                }
                line[length++] = b;
            }
        }
    }

    private Line finish(int length, long totalBytes) {
        if (totalBytes > maxMessageBytes) {
            return new Line.TooLong(totalBytes);
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, length))
                    .toString();
            return new Line.Text(text);
        } catch (CharacterCodingException e) {
            return new Line.NotUtf8();
        } finally {
            if (line.length > 64 * 1024) {
                line = new byte[1024]; // don't keep a huge message's buffer for the session
            }
        }
    }
}
