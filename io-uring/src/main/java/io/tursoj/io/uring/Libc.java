package io.tursoj.io.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few libc calls the io_uring backend makes outside the ring, bound with errno capture (jextract output cannot
 * capture errno; liburing itself reports {@code -errno} and needs none).
 *
 * <p>Every method returns like a CQE: the call's result when it succeeded, else {@code -errno}. The caller passes a
 * {@linkplain #newErrnoState(Arena) capture segment} that only it uses, so calls on different threads never share
 * one.
 */
final class Libc {
    static final int SEEK_END = 2;
    static final int LOCK_SH = 1;
    static final int LOCK_EX = 2;
    static final int LOCK_NB = 4;
    static final int LOCK_UN = 8;
    /** preadv2 flag: fail with EAGAIN instead of waiting for data that is not in the page cache. */
    static final int RWF_NOWAIT = 0x8;

    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final MemoryLayout STATE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE =
            STATE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final ValueLayout ADDR = ValueLayout.ADDRESS;

    // open(const char *path, int flags, ...): the mode is the first variadic argument.
    private static final MethodHandle OPEN =
            bind("open", FunctionDescriptor.of(INT, ADDR, INT, INT), ERRNO, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(INT, INT), ERRNO);
    private static final MethodHandle LSEEK = bind("lseek", FunctionDescriptor.of(LONG, INT, LONG, INT), ERRNO);
    private static final MethodHandle FTRUNCATE = bind("ftruncate", FunctionDescriptor.of(INT, INT, LONG), ERRNO);
    private static final MethodHandle FLOCK = bind("flock", FunctionDescriptor.of(INT, INT, INT), ERRNO);
    private static final MethodHandle UNLINK = bind("unlink", FunctionDescriptor.of(INT, ADDR), ERRNO);
    private static final MethodHandle PREADV2 =
            bind("preadv2", FunctionDescriptor.of(LONG, INT, ADDR, INT, LONG, INT), ERRNO);
    private static final MethodHandle EVENTFD = bind("eventfd", FunctionDescriptor.of(INT, INT, INT), ERRNO);
    private static final MethodHandle WRITE = bind("write", FunctionDescriptor.of(LONG, INT, ADDR, LONG), ERRNO);

    private Libc() {}

    @SuppressWarnings("restricted") // the reason this class exists: downcalls into libc
    private static MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment address =
                LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol " + name));
        return LINKER.downcallHandle(address, descriptor, options);
    }

    /** A segment to receive errno, owned by {@code arena}; one per calling thread (or per lease holder). */
    static MemorySegment newErrnoState(Arena arena) {
        return arena.allocate(STATE_LAYOUT);
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO_HANDLE.get(state, 0L);
    }

    private static int result(int r, MemorySegment state) {
        return r >= 0 ? r : -errno(state);
    }

    private static long result(long r, MemorySegment state) {
        return r >= 0 ? r : -errno(state);
    }

    /** open(2); {@code path} is a NUL-terminated native string. Returns the fd or -errno. */
    static int open(MemorySegment path, int flags, int mode, MemorySegment state) {
        try {
            return result((int) OPEN.invokeExact(state, path, flags, mode), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int close(int fd, MemorySegment state) {
        try {
            return result((int) CLOSE.invokeExact(state, fd), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The file's length: lseek(fd, 0, SEEK_END). The backend never uses the file offset, so moving it is harmless. */
    static long sizeOf(int fd, MemorySegment state) {
        try {
            return result((long) LSEEK.invokeExact(state, fd, 0L, SEEK_END), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int ftruncate(int fd, long length, MemorySegment state) {
        try {
            return result((int) FTRUNCATE.invokeExact(state, fd, length), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int flock(int fd, int operation, MemorySegment state) {
        try {
            return result((int) FLOCK.invokeExact(state, fd, operation), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int unlink(MemorySegment path, MemorySegment state) {
        try {
            return result((int) UNLINK.invokeExact(state, path), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** preadv2(2): bytes read, or -errno (-EAGAIN with {@link #RWF_NOWAIT} when the data is not cached). */
    static long preadv2(int fd, MemorySegment iov, int iovcnt, long offset, int flags, MemorySegment state) {
        try {
            return result((long) PREADV2.invokeExact(state, fd, iov, iovcnt, offset, flags), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int eventfd(int initial, int flags, MemorySegment state) {
        try {
            return result((int) EVENTFD.invokeExact(state, initial, flags), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static long write(int fd, MemorySegment buf, long count, MemorySegment state) {
        try {
            return result((long) WRITE.invokeExact(state, fd, buf, count), state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("unexpected checked exception from a downcall", t);
    }
}
