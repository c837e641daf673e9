package io.tursoj.io;

/**
 * How {@link IO#openFile} opens a file: a small immutable bit set. The default is read-write on an existing file.
 *
 * @param bits OR of {@link #CREATE}, {@link #READ_ONLY}, {@link #DIRECT}, {@link #TRUNCATE}
 */
public record OpenFlags(int bits) {
    /** Create the file if it does not exist (O_CREAT). */
    public static final int CREATE = 1;
    /** Open for reading only (O_RDONLY); writes fail with EBADF. */
    public static final int READ_ONLY = 1 << 1;
    /** Bypass the page cache (O_DIRECT): buffers, offsets and lengths must be 512-byte aligned. */
    public static final int DIRECT = 1 << 2;
    /** Truncate an existing file to zero length on open (O_TRUNC). */
    public static final int TRUNCATE = 1 << 3;

    private static final int ALL = CREATE | READ_ONLY | DIRECT | TRUNCATE;

    public static final OpenFlags READ_WRITE_EXISTING = new OpenFlags(0);
    public static final OpenFlags READ_WRITE_CREATE = new OpenFlags(CREATE);
    public static final OpenFlags READ_ONLY_EXISTING = new OpenFlags(READ_ONLY);

    /** O_DIRECT's alignment rule for buffer addresses, offsets and lengths (the device's logical block). */
    public static final int DIRECT_ALIGNMENT_BYTES = 512;

    public OpenFlags {
        if ((bits & ~ALL) != 0) {
            throw new IllegalArgumentException("unknown open flag bits: " + Integer.toHexString(bits & ~ALL));
        }
        if ((bits & READ_ONLY) != 0 && (bits & (CREATE | TRUNCATE)) != 0) {
            throw new IllegalArgumentException("READ_ONLY cannot be combined with CREATE or TRUNCATE");
        }
    }

    public static OpenFlags of(int bits) {
        return new OpenFlags(bits);
    }

    public OpenFlags with(int more) {
        return new OpenFlags(bits | more);
    }

    public boolean create() {
        return (bits & CREATE) != 0;
    }

    public boolean readOnly() {
        return (bits & READ_ONLY) != 0;
    }

    public boolean direct() {
        return (bits & DIRECT) != 0;
    }

    public boolean truncate() {
        return (bits & TRUNCATE) != 0;
    }
}
