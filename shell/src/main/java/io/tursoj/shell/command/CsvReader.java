package io.tursoj.shell.command;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from text: fields separated by ',', records by LF or CRLF, a field in double quotes may hold
 * commas, line breaks and doubled quotes. A quote left open at the end of the text is an error, reported with the
 * line where its record began.
 */
final class CsvReader {
    /** A malformed input: the message and the 1-based line of the record. */
    static final class MalformedCsvException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        MalformedCsvException(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    /** One record and the line it began on. */
    record Record(List<String> fields, int line) {}

    private final String text;
    private int pos;
    private int line = 1;

    CsvReader(String text) {
        this.text = text;
    }

    /** The next record, or null at the end of the text. */
    Record next() throws MalformedCsvException {
        if (pos >= text.length()) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (pos < text.length() && text.charAt(pos) == '"') {
                readQuoted(field, startLine);
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ',' || c == '\n' || (c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n')) {
                    break;
                }
                field.append(c);
                pos++;
            }
            fields.add(field.toString());
            field.setLength(0);
            if (pos >= text.length()) {
                return new Record(fields, startLine);
            }
            char c = text.charAt(pos);
            if (c == ',') {
                pos++;
                continue;
            }
            pos += c == '\r' ? 2 : 1;
            line++;
            return new Record(fields, startLine);
        }
    }

    private void readQuoted(StringBuilder field, int startLine) throws MalformedCsvException {
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new MalformedCsvException("unterminated \"-quoted field", startLine);
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    field.append('"');
                    pos++;
                    continue;
                }
                return;
            }
            if (c == '\n') {
                line++;
            }
            field.append(c);
        }
    }
}
