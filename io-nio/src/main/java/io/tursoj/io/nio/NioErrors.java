package io.tursoj.io.nio;

import io.tursoj.io.Errno;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ShutdownChannelGroupException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;

/**
 * Turns what java.nio throws into the {@code errno} a {@link io.tursoj.io.Completion} fails with, so the NIO backend
 * reports failures in the same vocabulary as io_uring. The JDK does not expose errno, but its {@link java.io.IOException}
 * messages are the C library's {@code strerror} texts, which identify it.
 */
final class NioErrors {
    /** {@code strerror} texts (glibc) and the errno each names, most frequent first. */
    private static final String[] MESSAGES = {
        "no space left on device",
        "disk quota exceeded",
        "input/output error",
        "invalid argument",
        "file too large",
        "bad file descriptor",
        "read-only file system",
        "permission denied",
        "operation not permitted",
        "cannot allocate memory",
        "is a directory",
        "too many open files",
    };

    private static final int[] ERRNOS = {
        Errno.ENOSPC,
        Errno.ENOSPC, // EDQUOT: the caller's share of the disk is full, which it handles as ENOSPC
        Errno.EIO,
        Errno.EINVAL,
        Errno.EFBIG,
        Errno.EBADF,
        Errno.EROFS,
        Errno.EACCES,
        Errno.EPERM,
        Errno.ENOMEM,
        Errno.EISDIR,
        Errno.EMFILE,
    };

    private NioErrors() {}

    /**
     * The positive errno for {@code failure}. Closing a channel under an operation gives {@code ECANCELED} (the
     * operation was abandoned, as io_uring reports a cancelled request); anything unrecognised is {@code EIO}.
     */
    static int errnoOf(Throwable failure) {
        return switch (failure) {
            case AsynchronousCloseException _ -> Errno.ECANCELED;
            case ClosedChannelException _ -> Errno.ECANCELED;
            case RejectedExecutionException _ -> Errno.ECANCELED;
            case ShutdownChannelGroupException _ -> Errno.ECANCELED;
            case NonWritableChannelException _ -> Errno.EBADF;
            case NonReadableChannelException _ -> Errno.EBADF;
            case NoSuchFileException _ -> Errno.ENOENT;
            case AccessDeniedException _ -> Errno.EACCES;
            // A closed arena or a segment confined to another thread: the memory is not there to transfer.
            case IllegalStateException _ -> Errno.EFAULT;
            case WrongThreadException _ -> Errno.EFAULT;
            case OutOfMemoryError _ -> Errno.ENOMEM;
            case FileSystemException fse -> fromMessage(fse.getReason());
            default -> fromMessage(failure.getMessage());
        };
    }

    private static int fromMessage(String message) {
        if (message == null) {
            return Errno.EIO;
        }
        String m = message.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MESSAGES.length; i++) {
            if (m.contains(MESSAGES[i])) {
                return ERRNOS[i];
            }
        }
        // The JDK's own O_DIRECT checks ("... not a multiple of the block size") mean a misaligned transfer.
        return m.contains("block size") || m.contains("aligned") ? Errno.EINVAL : Errno.EIO;
    }
}
