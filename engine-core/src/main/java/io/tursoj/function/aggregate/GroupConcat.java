package io.tursoj.function.aggregate;

import io.tursoj.function.Accumulator;
import io.tursoj.function.FunctionContext;
import io.tursoj.vdbe.value.ByteBuilder;
import io.tursoj.vdbe.value.Register;
import java.util.Arrays;

/**
 * {@code group_concat(X [, SEP])} and {@code string_agg(X, SEP)}: the text of the non-NULL values of X, joined by SEP
 * (default {@code ,}); each separator is the SEP of the row it precedes, a NULL SEP adds nothing. NULL when no row had
 * a non-NULL X. Supports {@link #inverse} for window frames: it remembers separator lengths when they vary.
 */
final class GroupConcat implements Accumulator {
    private final ByteBuilder text = new ByteBuilder(64);
    private boolean anyValue; // a non-NULL X was ever stepped: the result is not NULL
    private boolean hasTerm; // text holds at least one term, so the next one needs a separator
    private int termCount;
    private int firstSeparatorLength;
    private int[] separatorLengths; // null while every separator had firstSeparatorLength bytes

    @Override
    public boolean step(FunctionContext ctx, Register[] args) {
        Register x = args[0];
        if (x.isNull()) {
            return true;
        }
        anyValue = true;
        boolean first = !hasTerm;
        hasTerm = true;
        if (args.length == 1) {
            if (!first) {
                text.append(',');
            } else {
                firstSeparatorLength = 1;
            }
        } else if (!first) {
            Register sep = args[1];
            int n = 0;
            if (!sep.isNull()) {
                n = sep.textLength();
                text.append(sep.textBytes(), 0, n);
            }
            if (n != firstSeparatorLength || separatorLengths != null) {
                recordSeparatorLength(n);
            }
        } else {
            firstSeparatorLength = args[1].isNull() ? 0 : args[1].textLength();
        }
        termCount++;
        text.append(x.textBytes(), 0, x.textLength());
        return true;
    }

    private void recordSeparatorLength(int n) {
        if (separatorLengths == null) {
            separatorLengths = new int[Math.max(termCount + 1, 4)];
            Arrays.fill(separatorLengths, 0, Math.max(termCount - 1, 0), firstSeparatorLength);
        } else if (separatorLengths.length < termCount) {
            separatorLengths = Arrays.copyOf(separatorLengths, Math.max(termCount, separatorLengths.length * 2));
        }
        if (termCount > 0) {
            separatorLengths[termCount - 1] = n;
        }
    }

    @Override
    public void inverse(FunctionContext ctx, Register[] args) {
        Register x = args[0];
        if (x.isNull()) {
            return;
        }
        int remove = x.textLength();
        termCount--;
        if (separatorLengths != null) {
            if (termCount > 0) {
                remove += separatorLengths[0];
                System.arraycopy(separatorLengths, 1, separatorLengths, 0, termCount - 1);
            }
        } else {
            remove += firstSeparatorLength;
        }
        int length = text.length();
        if (remove >= length) {
            text.reset();
        } else {
            byte[] buf = text.array();
            System.arraycopy(buf, remove, buf, 0, length - remove);
            text.truncate(length - remove);
        }
        if (text.length() == 0) {
            hasTerm = false;
            separatorLengths = null;
        }
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public void finish(FunctionContext ctx, Register result) {
        if (anyValue) {
            result.setText(text);
        } else {
            result.setNull();
        }
    }

    @Override
    public void reset() {
        text.reset();
        anyValue = false;
        hasTerm = false;
        termCount = 0;
        firstSeparatorLength = 0;
        separatorLengths = null;
    }
}
